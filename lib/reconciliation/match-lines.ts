/**
 * Matching, set-based in SQL so a 130,000-line statement is a handful of statements, not 130,000
 * round trips (SPEC §5, seed 002):
 *  1. exact: the provider's transaction id (→ the hub's PayNo), else the merchant order number
 *     (our OrderNo; for platform settlements the platform order id of the file's channel);
 *  2. refunds: their original payment by transaction id / order, whatever day it was paid, and the
 *     hub refund by RefundNo or, failing that, by amount;
 *  3. fuzzy, for payment lines still open: same amount, within 15 minutes, same order-number tail
 *     (when the line has one) → candidates for a person; never matched automatically.
 * `scope` limits every step to some lines: a file, or the lines a person just decided on.
 */
import type { Db } from "../db/client";
import { RECON } from "./recon-config";

export interface LineScope {
  /** SQL condition on statement_lines aliased `l`, using $1. */
  where: string;
  arg: unknown;
}

export const fileScope = (fileId: string): LineScope => ({ where: `l."file_id" = $1`, arg: fileId });
export const linesScope = (ids: bigint[]): LineScope => ({ where: `l."id" = ANY($1::bigint[])`, arg: ids.map(String) });

const ONLINE = `l."source" IN ('WECHAT', 'ALIPAY') AND p."provider"::text = l."source"::text`;
const PAYMENT_FREE = `NOT EXISTS (SELECT 1 FROM "statement_lines" x WHERE x."payment_id" = p."id" AND x."kind" = 'PAYMENT' AND x."match" = 'MATCHED')`;

export async function matchExact(db: Db, scope: LineScope): Promise<void> {
  await db.$executeRawUnsafe(`
    UPDATE "statement_lines" l SET "match" = 'MATCHED', "match_method" = 'TXN', "payment_id" = p."id", "order_id" = p."order_id", "matched_at" = now()
    FROM "payments" p
    WHERE ${scope.where} AND l."match" = 'UNMATCHED' AND l."kind" = 'PAYMENT' AND ${ONLINE} AND p."provider_txn_id" = l."provider_txn_id"`, scope.arg);
  // The merchant order number, when it names exactly one still-unmatched payment of that provider.
  await matchVia(db, scope, "ORDER_NO", `
      SELECT l2."id" AS line_id, min(p."id") AS payment_id, min(o."id") AS order_id
      FROM "statement_lines" l2
      JOIN "orders" o ON o."order_no" = l2."merchant_order_no"
      JOIN "payments" p ON p."order_id" = o."id" AND p."provider"::text = l2."source"::text
      WHERE ${scope.where.replaceAll("l.", "l2.")} AND l2."match" = 'UNMATCHED' AND l2."kind" = 'PAYMENT' AND l2."source" IN ('WECHAT', 'ALIPAY')
        AND ${PAYMENT_FREE}
      GROUP BY l2."id" HAVING count(*) = 1`);
  // A settlement names the platform's order id of the file's shop.
  await matchVia(db, scope, "PLATFORM_ORDER", `
      SELECT l2."id" AS line_id, min(p."id") AS payment_id, min(o."id") AS order_id
      FROM "statement_lines" l2
      JOIN "statement_files" f ON f."id" = l2."file_id"
      JOIN "orders" o ON o."channel_id" = f."channel_id" AND o."platform_order_id" = l2."merchant_order_no"
      LEFT JOIN "payments" p ON p."order_id" = o."id"
      WHERE ${scope.where.replaceAll("l.", "l2.")} AND l2."match" = 'UNMATCHED' AND l2."kind" = 'PAYMENT' AND l2."source" = 'PLATFORM'
      GROUP BY l2."id" HAVING count(DISTINCT o."id") = 1`);
}

/** Matches the lines a subquery (line_id, payment_id, order_id) names. */
async function matchVia(db: Db, scope: LineScope, method: string, pairs: string) {
  await db.$executeRawUnsafe(`
    UPDATE "statement_lines" l SET "match" = 'MATCHED', "match_method" = '${method}', "payment_id" = m."payment_id", "order_id" = m."order_id", "matched_at" = now()
    FROM (${pairs}) m
    WHERE l."id" = m.line_id`, scope.arg);
}

export async function matchRefunds(db: Db, scope: LineScope): Promise<void> {
  // The original payment (and its order) first, so every refund line links to its order.
  await db.$executeRawUnsafe(`
    UPDATE "statement_lines" l SET "payment_id" = p."id", "order_id" = p."order_id"
    FROM "payments" p
    WHERE ${scope.where} AND l."kind" = 'REFUND' AND l."payment_id" IS NULL AND ${ONLINE} AND p."provider_txn_id" = l."provider_txn_id"`, scope.arg);
  await db.$executeRawUnsafe(`
    UPDATE "statement_lines" l SET "order_id" = o."id"
    FROM "orders" o
    WHERE ${scope.where} AND l."kind" = 'REFUND' AND l."order_id" IS NULL AND l."source" <> 'PLATFORM' AND o."order_no" = l."merchant_order_no"`, scope.arg);
  await db.$executeRawUnsafe(`
    UPDATE "statement_lines" l SET "order_id" = o."id"
    FROM "statement_files" f, "orders" o
    WHERE ${scope.where} AND l."kind" = 'REFUND' AND l."order_id" IS NULL AND l."source" = 'PLATFORM' AND f."id" = l."file_id"
      AND o."channel_id" = f."channel_id" AND o."platform_order_id" = l."merchant_order_no"`, scope.arg);
  await db.$executeRawUnsafe(`
    UPDATE "statement_lines" l SET "match" = 'MATCHED', "match_method" = 'REFUND_NO', "refund_id" = r."id", "matched_at" = now()
    FROM "refunds" r
    WHERE ${scope.where} AND l."kind" = 'REFUND' AND l."match" = 'UNMATCHED' AND l."order_id" = r."order_id" AND r."refund_no" = l."merchant_refund_no"`, scope.arg);
  // No RefundNo in the bill: the one completed refund of that order not yet matched, closest in amount.
  await db.$executeRawUnsafe(`
    UPDATE "statement_lines" l SET "match" = 'MATCHED', "match_method" = 'REFUND_ORDER', "refund_id" = m."refund_id", "matched_at" = now()
    FROM (
      SELECT DISTINCT ON (l2."id") l2."id" AS line_id, r."id" AS refund_id
      FROM "statement_lines" l2 JOIN "refunds" r ON r."order_id" = l2."order_id" AND r."status" = 'COMPLETED'
      WHERE ${scope.where.replaceAll("l.", "l2.")} AND l2."kind" = 'REFUND' AND l2."match" = 'UNMATCHED'
        AND NOT EXISTS (SELECT 1 FROM "statement_lines" x WHERE x."refund_id" = r."id")
      ORDER BY l2."id", abs(r."amount_fen" + l2."amount_fen"), r."completed_at"
    ) m
    WHERE l."id" = m.line_id`, scope.arg);
}

export async function proposeCandidates(db: Db, scope: LineScope): Promise<void> {
  const tail = RECON.fuzzyTailChars;
  await db.$executeRawUnsafe(`
    INSERT INTO "match_candidates" ("id", "line_id", "payment_id", "ambiguous")
    SELECT gen_random_uuid()::text, c.line_id, c.payment_id, count(*) OVER (PARTITION BY c.line_id) > 1
    FROM (
      SELECT l."id" AS line_id, p."id" AS payment_id
      FROM "statement_lines" l
      JOIN "statement_files" f ON f."id" = l."file_id"
      JOIN "payments" p ON p."amount_fen" = l."gross_fen"
        AND p."paid_at" BETWEEN l."occurred_at" - interval '${RECON.fuzzyWindowMinutes} minutes' AND l."occurred_at" + interval '${RECON.fuzzyWindowMinutes} minutes'
        AND (p."provider"::text = l."source"::text OR (l."source" = 'PLATFORM' AND p."provider" = 'PLATFORM'))
      JOIN "orders" o ON o."id" = p."order_id"
      WHERE ${scope.where} AND l."match" = 'UNMATCHED' AND l."kind" = 'PAYMENT'
        AND (l."source" <> 'PLATFORM' OR o."channel_id" = f."channel_id")
        AND (l."merchant_order_no" IS NULL OR right(o."order_no", ${tail}) = right(l."merchant_order_no", ${tail}) OR right(o."platform_order_id", ${tail}) = right(l."merchant_order_no", ${tail}))
        AND ${PAYMENT_FREE}
    ) c
    ON CONFLICT ("line_id", "payment_id") DO NOTHING`, scope.arg);
  await db.$executeRawUnsafe(`
    UPDATE "statement_lines" l SET "match" = 'CANDIDATE'
    WHERE ${scope.where} AND l."match" = 'UNMATCHED' AND EXISTS (SELECT 1 FROM "match_candidates" c WHERE c."line_id" = l."id" AND c."status" = 'PROPOSED')`, scope.arg);
}

export async function matchLines(db: Db, scope: LineScope): Promise<void> {
  await matchExact(db, scope);
  await matchRefunds(db, scope);
  await proposeCandidates(db, scope);
}
