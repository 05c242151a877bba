/**
 * The tracker's list (对账差异追踪): discrepancies filtered by business day, amount range (absolute
 * yuan, as people think of a difference), document type (payment or refund side, adjustment-backed),
 * difference type and status; server-side paging. Each row carries its documents: OrderNo, PayNo,
 * RefundNo, InvoiceNo and the provider's transaction id.
 */
import { z } from "zod";
import type { Actor } from "../access/actor";
import { assertWholeBook } from "../access/whole-book";
import type { Db } from "../db/client";
import { DiscrepancyStatus, DiscrepancyType } from "../db/generated/prisma/enums";
import { AppError } from "../errors/app-error";
import { BizDay } from "../time/biz-time";

export const DOC_TYPES = ["PAYMENT", "REFUND"] as const;

const DiscrepancyQuery = z.object({
  dayFrom: BizDay.optional(),
  dayTo: BizDay.optional(),
  minFen: z.number().int().min(0).optional(),
  maxFen: z.number().int().min(0).optional(),
  docType: z.enum(DOC_TYPES).optional(),
  type: z.enum(Object.values(DiscrepancyType) as [DiscrepancyType, ...DiscrepancyType[]]).optional(),
  status: z.enum(Object.values(DiscrepancyStatus) as [DiscrepancyStatus, ...DiscrepancyStatus[]]).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  size: z.number().int().min(1).max(200).default(50),
});
export type DiscrepancyQueryInput = z.input<typeof DiscrepancyQuery>;

/** The tracker's filter (from a URL): anything malformed is INVALID_INPUT, never a 500. */
export function parseDiscrepancyQuery(input: DiscrepancyQueryInput): z.infer<typeof DiscrepancyQuery> {
  const parsed = DiscrepancyQuery.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT", { issues: parsed.error.issues.map((i) => i.path.join(".")) });
  return parsed.data;
}

export interface DiscrepancyRow {
  id: string;
  type: DiscrepancyType;
  status: DiscrepancyStatus;
  amountFen: number;
  bizDay: string;
  source: string | null;
  explanation: string | null;
  orderId: string | null;
  orderNo: string | null;
  payNo: string | null;
  providerTxnId: string | null;
  refundNo: string | null;
  invoiceNo: string | null;
  merchantOrderNo: string | null;
  fileName: string | null;
  lineNo: number | null;
}

const SELECT = `
  SELECT d."id", d."type", d."status", d."amount_fen" AS "amountFen", d."biz_day" AS "bizDay", d."source"::text AS "source", d."explanation",
         d."order_id" AS "orderId", o."order_no" AS "orderNo", p."pay_no" AS "payNo", COALESCE(p."provider_txn_id", l."provider_txn_id") AS "providerTxnId",
         COALESCE(r."refund_no", l."merchant_refund_no") AS "refundNo",
         (SELECT i."invoice_no" FROM "invoices" i WHERE i."order_id" = d."order_id" ORDER BY i."issued_at" LIMIT 1) AS "invoiceNo",
         l."merchant_order_no" AS "merchantOrderNo", f."file_name" AS "fileName", l."line_no" AS "lineNo"
  FROM "discrepancies" d
  LEFT JOIN "orders" o ON o."id" = d."order_id"
  LEFT JOIN "payments" p ON p."id" = d."payment_id"
  LEFT JOIN "refunds" r ON r."id" = d."refund_id"
  LEFT JOIN "statement_lines" l ON l."id" = d."line_id"
  LEFT JOIN "statement_files" f ON f."id" = l."file_id"`;

function where(q: z.infer<typeof DiscrepancyQuery>): { sql: string; args: unknown[] } {
  const args: unknown[] = [];
  const cond: string[] = [];
  const add = (sql: string, v: unknown) => {
    args.push(v);
    cond.push(sql.replace("?", `$${args.length}`));
  };
  if (q.dayFrom) add(`d."biz_day" >= ?`, q.dayFrom);
  if (q.dayTo) add(`d."biz_day" <= ?`, q.dayTo);
  if (q.minFen !== undefined) add(`abs(d."amount_fen") >= ?`, q.minFen);
  if (q.maxFen !== undefined) add(`abs(d."amount_fen") <= ?`, q.maxFen);
  if (q.type) add(`d."type" = ?::"DiscrepancyType"`, q.type);
  if (q.status) add(`d."status" = ?::"DiscrepancyStatus"`, q.status);
  if (q.docType === "REFUND") cond.push(`(d."refund_id" IS NOT NULL OR EXISTS (SELECT 1 FROM "statement_lines" x WHERE x."id" = d."line_id" AND x."kind" = 'REFUND'))`);
  if (q.docType === "PAYMENT") cond.push(`(d."refund_id" IS NULL AND NOT EXISTS (SELECT 1 FROM "statement_lines" x WHERE x."id" = d."line_id" AND x."kind" = 'REFUND'))`);
  return { sql: cond.length ? `WHERE ${cond.join(" AND ")}` : "", args };
}

export async function queryDiscrepancies(db: Db, q: z.infer<typeof DiscrepancyQuery>, limit: number, offset: number): Promise<DiscrepancyRow[]> {
  const w = where(q);
  return db.$queryRawUnsafe<DiscrepancyRow[]>(`${SELECT} ${w.sql} ORDER BY d."biz_day" DESC, abs(d."amount_fen") DESC, d."id" LIMIT ${limit} OFFSET ${offset}`, ...w.args);
}

export async function countDiscrepancies(db: Db, q: z.infer<typeof DiscrepancyQuery>, cap: number): Promise<number> {
  const w = where(q);
  const [r] = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM (SELECT 1 FROM "discrepancies" d ${w.sql} LIMIT ${cap + 1}) x`, ...w.args);
  return r.n;
}

export async function listDiscrepancies(db: Db, actor: Actor, input: DiscrepancyQueryInput) {
  assertWholeBook(actor, "finance.reconcile");
  const q = parseDiscrepancyQuery(input);
  const [rows, total, totals] = await Promise.all([
    queryDiscrepancies(db, q, q.size, (q.page - 1) * q.size),
    countDiscrepancies(db, q, 10_000),
    db.$queryRawUnsafe<{ status: DiscrepancyStatus; n: number; fen: bigint }[]>(`SELECT d."status", count(*)::int AS n, sum(d."amount_fen")::bigint AS fen FROM "discrepancies" d ${where({ ...q, status: undefined }).sql} GROUP BY 1`, ...where({ ...q, status: undefined }).args),
  ]);
  return { rows, total, totalCapped: total > 10_000, page: q.page, pageCount: Math.max(1, Math.ceil(Math.min(total, 10_000) / q.size)), byStatus: totals.map((t) => ({ status: t.status, count: t.n, amountFen: Number(t.fen) })) };
}
