/** Imported statement files with their progress and counts, the lines they could not read, and the candidate pool. */
import type { Actor } from "../access/actor";
import { assertWholeBook } from "../access/whole-book";
import type { Db } from "../db/client";

export async function listStatements(db: Db, actor: Actor) {
  assertWholeBook(actor, "finance.reconcile");
  return db.statementFile.findMany({
    orderBy: { createdAt: "desc" },
    take: 50,
    select: {
      id: true, source: true, channelId: true, fileName: true, status: true, totalLines: true, newLines: true, duplicateLines: true, failedLines: true,
      matchedLines: true, candidateLines: true, unmatchedLines: true, dayFrom: true, dayTo: true, checksumOk: true, errorCode: true, createdAt: true,
    },
  });
}
export type StatementListRow = Awaited<ReturnType<typeof listStatements>>[number];

/** The shops a settlement statement can be filed under: the active ones (lib/orders/list-order-channels also lists inactive ones). */
export async function statementChannels(db: Db, actor: Actor) {
  assertWholeBook(actor, "finance.reconcile");
  return db.channel.findMany({ where: { active: true }, select: { id: true, name: true }, orderBy: { id: "asc" }, take: 200 });
}

export async function statementErrors(db: Db, actor: Actor, fileId: string) {
  assertWholeBook(actor, "finance.reconcile");
  return db.statementFileError.findMany({ where: { fileId }, orderBy: { lineNo: "asc" }, take: 500, select: { lineNo: true, code: true, message: true, raw: true } });
}

export interface CandidateRow {
  id: string;
  ambiguous: boolean;
  lineId: string;
  bizDay: string;
  occurredAt: Date;
  lineAmountFen: number;
  merchantOrderNo: string | null;
  providerTxnId: string | null;
  payNo: string;
  paidAt: Date;
  paymentFen: number;
  orderId: string | null;
  orderNo: string | null;
}

export async function listCandidates(db: Db, actor: Actor): Promise<CandidateRow[]> {
  assertWholeBook(actor, "finance.reconcile");
  return db.$queryRawUnsafe<CandidateRow[]>(`
    SELECT c."id", c."ambiguous", l."id"::text AS "lineId", l."biz_day" AS "bizDay", l."occurred_at" AS "occurredAt", l."gross_fen" AS "lineAmountFen",
           l."merchant_order_no" AS "merchantOrderNo", l."provider_txn_id" AS "providerTxnId", p."pay_no" AS "payNo", p."paid_at" AS "paidAt",
           p."amount_fen" AS "paymentFen", o."id" AS "orderId", o."order_no" AS "orderNo"
    FROM "match_candidates" c JOIN "statement_lines" l ON l."id" = c."line_id" JOIN "payments" p ON p."id" = c."payment_id" LEFT JOIN "orders" o ON o."id" = p."order_id"
    WHERE c."status" = 'PROPOSED'
    ORDER BY l."biz_day" DESC, l."id", c."id"
    LIMIT 200`);
}
