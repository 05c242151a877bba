/**
 * The open items the diff locator combines: open discrepancies (every unmatched line becomes one),
 * statement lines still waiting in the candidate pool, and open adjustments; each with its documents.
 */
import type { Db } from "../db/client";

export type OpenItemKind = "DISCREPANCY" | "LINE" | "ADJUSTMENT";
export interface OpenItem {
  kind: OpenItemKind;
  id: string;
  amountFen: number;
  bizDay: string;
  label: string;
  orderId: string | null;
  orderNo: string | null;
}

export interface OpenItemFilter {
  dayFrom?: string;
  dayTo?: string;
}

export async function listOpenItems(db: Db, f: OpenItemFilter, limit: number): Promise<OpenItem[]> {
  return db.$queryRawUnsafe<OpenItem[]>(`
    SELECT i.kind AS "kind", i.id AS "id", i.amount_fen AS "amountFen", i.biz_day AS "bizDay", i.label AS "label", i.order_id AS "orderId", o."order_no" AS "orderNo"
    FROM (
      SELECT 'DISCREPANCY' AS kind, d."id" AS id, d."amount_fen", d."biz_day", d."type"::text AS label, d."order_id", d."created_at" AS at
      FROM "discrepancies" d WHERE d."status" = 'OPEN'
      UNION ALL
      SELECT 'LINE', l."id"::text, l."amount_fen", l."biz_day", l."kind"::text, l."order_id", l."matched_at" FROM "statement_lines" l WHERE l."match" = 'CANDIDATE'
      UNION ALL
      SELECT 'ADJUSTMENT', a."id", a."amount_fen", a."biz_day", a."reason", a."order_id", a."created_at" FROM "recon_adjustments" a WHERE a."status" = 'OPEN'
    ) i LEFT JOIN "orders" o ON o."id" = i.order_id
    WHERE ($1::text IS NULL OR i.biz_day >= $1) AND ($2::text IS NULL OR i.biz_day <= $2)
    ORDER BY i.biz_day, i.kind, i.id
    LIMIT $3`, f.dayFrom ?? null, f.dayTo ?? null, limit);
}
