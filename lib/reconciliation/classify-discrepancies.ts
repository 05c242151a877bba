/**
 * Turns what matching left over into typed discrepancies (SPEC §5), idempotently: each has a natural
 * dedupe key, so running this again (a re-import, a retry, a decision on a candidate) files nothing twice.
 * Amounts are signed: statement minus hub (long 长款 +, short 短款 −).
 */
import type { Db } from "../db/client";
import { BIZ_ZONE_SQL, bizDaySql } from "../time/biz-time";
import type { LineScope } from "./match-lines";
import { RECON } from "./recon-config";

const INSERT = `INSERT INTO "discrepancies" ("id", "type", "status", "amount_fen", "biz_day", "source", "line_id", "payment_id", "refund_id", "order_id", "dedupe_key", "detail")`;

/** Lines in the statement the hub cannot place: money without an order (offline, never entered) or unknown. */
async function unplacedLines(db: Db, scope: LineScope) {
  await db.$executeRawUnsafe(`${INSERT}
    SELECT gen_random_uuid()::text,
      -- Two lookups, not one OR: each uses its own index (an OR would scan every order per line).
      CASE WHEN l."kind" = 'PAYMENT' AND l."order_id" IS NULL AND NOT EXISTS (SELECT 1 FROM "orders" o WHERE o."order_no" = l."merchant_order_no")
                AND NOT EXISTS (SELECT 1 FROM "orders" o WHERE o."platform_order_id" = l."merchant_order_no")
           THEN 'OFFLINE_ORDER_NOT_ENTERED' ELSE 'UNKNOWN' END::"DiscrepancyType",
      'OPEN', l."amount_fen", l."biz_day", l."source", l."id", l."payment_id", NULL, l."order_id", 'line:' || l."id",
      jsonb_build_object('reason', CASE WHEN l."kind" = 'REFUND' THEN 'REFUND_NOT_IN_HUB' ELSE 'PAYMENT_NOT_IN_HUB' END, 'merchantOrderNo', l."merchant_order_no", 'providerTxnId', l."provider_txn_id")
    FROM "statement_lines" l
    WHERE ${scope.where} AND l."match" = 'UNMATCHED'
    ON CONFLICT ("dedupe_key") DO NOTHING`, scope.arg);
}

/** Matched payments whose amount differs: the coupon's face value vs what the channel deducted, or unknown. */
async function amountDifferences(db: Db, scope: LineScope) {
  await db.$executeRawUnsafe(`${INSERT}
    SELECT gen_random_uuid()::text,
      CASE WHEN p."amount_fen" - l."amount_fen" IN (o."coupon_fen", l."gross_fen" - l."amount_fen") AND p."amount_fen" > l."amount_fen" THEN 'COUPON_FACE_VS_ACTUAL' ELSE 'UNKNOWN' END::"DiscrepancyType",
      'OPEN', l."amount_fen" - p."amount_fen", l."biz_day", l."source", l."id", p."id", NULL, p."order_id", 'amount:' || l."id",
      jsonb_build_object('billFen', l."amount_fen", 'hubFen', p."amount_fen", 'couponFen', o."coupon_fen")
    FROM "statement_lines" l JOIN "payments" p ON p."id" = l."payment_id" LEFT JOIN "orders" o ON o."id" = p."order_id"
    WHERE ${scope.where} AND l."match" = 'MATCHED' AND l."kind" = 'PAYMENT' AND l."amount_fen" <> p."amount_fen"
    ON CONFLICT ("dedupe_key") DO NOTHING`, scope.arg);
  // Refunds: the hub refunded more than the bill by a premium-sized amount → freight insurance not reversed.
  await db.$executeRawUnsafe(`${INSERT}
    SELECT gen_random_uuid()::text,
      CASE WHEN r."amount_fen" + l."amount_fen" BETWEEN 1 AND ${RECON.freightInsuranceMaxFen} THEN 'FREIGHT_INSURANCE_NOT_REVERSED' ELSE 'UNKNOWN' END::"DiscrepancyType",
      'OPEN', -(r."amount_fen" + l."amount_fen"), l."biz_day", l."source", l."id", l."payment_id", r."id", l."order_id", 'refund:' || l."id",
      jsonb_build_object('billFen', l."amount_fen", 'hubFen', -r."amount_fen")
    FROM "statement_lines" l JOIN "refunds" r ON r."id" = l."refund_id"
    WHERE ${scope.where} AND l."match" = 'MATCHED' AND l."kind" = 'REFUND' AND r."amount_fen" + l."amount_fen" <> 0
    ON CONFLICT ("dedupe_key") DO NOTHING`, scope.arg);
}

/** The fee charged against the contracted rate of the provider (not the bill's own rate column). */
async function feeDifferences(db: Db, scope: LineScope) {
  const rates = Object.entries(RECON.contractFeeBp).map(([source, bp]) => `WHEN '${source}' THEN ${Number(bp)}`).join(" ");
  await db.$executeRawUnsafe(`${INSERT}
    SELECT gen_random_uuid()::text, 'FEE_DIFFERENCE', 'OPEN', d.expected - d.charged, l."biz_day", l."source", l."id", l."payment_id", NULL, l."order_id", 'fee:' || l."id",
      jsonb_build_object('chargedFen', d.charged, 'expectedFen', d.expected, 'rateBp', d.bp)
    FROM "statement_lines" l
    CROSS JOIN LATERAL (SELECT CASE l."source"::text ${rates} END AS bp) r
    CROSS JOIN LATERAL (SELECT r.bp, round(abs(l."fee_milli") / 1000.0)::int * sign(l."fee_milli")::int AS charged, round(l."gross_fen" * r.bp / 10000.0)::int AS expected) d
    WHERE ${scope.where} AND l."kind" = 'PAYMENT' AND r.bp IS NOT NULL AND d.charged <> d.expected
    ON CONFLICT ("dedupe_key") DO NOTHING`, scope.arg);
}

/**
 * A refund of a payment made in a closed day: the closed day stays as it was; the refund is booked
 * as an adjustment in the refund's own (open) day, and the discrepancy is already ADJUSTED.
 */
async function afterSaleInClosedPeriod(db: Db, scope: LineScope) {
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(`${INSERT}
    SELECT gen_random_uuid()::text, 'AFTER_SALE_CLOSED_PERIOD', 'ADJUSTED', l."amount_fen", l."biz_day", l."source", l."id", p."id", l."refund_id", l."order_id", 'aftersale:' || l."id",
      jsonb_build_object('paidDay', ${bizDaySql(`p."paid_at"`)})
    FROM "statement_lines" l JOIN "payments" p ON p."id" = l."payment_id"
    WHERE ${scope.where} AND l."kind" = 'REFUND' AND EXISTS (SELECT 1 FROM "recon_periods" c WHERE c."biz_day" = ${bizDaySql(`p."paid_at"`)})
      AND NOT EXISTS (SELECT 1 FROM "recon_periods" c WHERE c."biz_day" = l."biz_day")
    ON CONFLICT ("dedupe_key") DO NOTHING
    RETURNING "id"`, scope.arg);
  if (rows.length === 0) return;
  await db.$executeRawUnsafe(`
    INSERT INTO "recon_adjustments" ("id", "biz_day", "original_day", "order_id", "amount_fen", "reason", "dedupe_key")
    SELECT gen_random_uuid()::text, d."biz_day", d."detail"->>'paidDay', d."order_id", d."amount_fen", 'AFTER_SALE_CLOSED_PERIOD', 'disc:' || d."id"
    FROM "discrepancies" d WHERE d."id" = ANY($1::text[])
    ON CONFLICT ("dedupe_key") DO NOTHING`, rows.map((r) => r.id));
}

/**
 * Hub payments of the statement's provider and days that no line took (短款). Paid in the last
 * minutes of a day: timing, carried forward to the next day's bill; a TIMING item whose next day's bill
 * has arrived without it becomes missing in bill.
 */
export async function missingInBill(db: Db, fileId: string) {
  const f = await db.statementFile.findUnique({ where: { id: fileId }, select: { source: true, channelId: true, dayFrom: true, dayTo: true } });
  if (!f?.dayFrom || !f.dayTo) return;
  const provider = f.source === "PLATFORM" ? `p."provider" = 'PLATFORM' AND o."channel_id" = $4::text` : `p."provider"::text = $3::text AND ($4::text IS NULL OR o."channel_id" = $4::text)`;
  await db.$executeRawUnsafe(`${INSERT}
    SELECT gen_random_uuid()::text,
      CASE WHEN (p."paid_at" AT TIME ZONE ${BIZ_ZONE_SQL})::time >= time '24:00' - interval '${RECON.timingWindowMinutes} minutes' THEN 'TIMING' ELSE 'MISSING_IN_BILL' END::"DiscrepancyType",
      'OPEN', -p."amount_fen", ${bizDaySql(`p."paid_at"`)}, $3::text::"StatementSource", NULL, p."id", NULL, p."order_id", 'missing:' || p."id", '{}'::jsonb
    FROM "payments" p JOIN "orders" o ON o."id" = p."order_id"
    WHERE p."paid_at" >= ($1::date::timestamp AT TIME ZONE ${BIZ_ZONE_SQL}) AND p."paid_at" < (($2::date + 1)::timestamp AT TIME ZONE ${BIZ_ZONE_SQL})
      AND ${provider} AND NOT o."is_test"
      AND NOT EXISTS (SELECT 1 FROM "statement_lines" x WHERE x."payment_id" = p."id" AND x."kind" = 'PAYMENT' AND x."match" = 'MATCHED')
      AND NOT EXISTS (SELECT 1 FROM "match_candidates" c WHERE c."payment_id" = p."id" AND c."status" = 'PROPOSED')
    ON CONFLICT ("dedupe_key") DO NOTHING`, f.dayFrom, f.dayTo, f.source, f.channelId);
  // Carried-forward items whose next day is now covered by this statement and still not in it.
  await db.$executeRawUnsafe(`
    UPDATE "discrepancies" d SET "type" = 'MISSING_IN_BILL', "version" = d."version" + 1
    WHERE d."type" = 'TIMING' AND d."status" = 'OPEN' AND d."source" = $3::text::"StatementSource"
      AND (d."biz_day"::date + 1) BETWEEN $1::date AND $2::date
      AND NOT EXISTS (SELECT 1 FROM "statement_lines" x WHERE x."payment_id" = d."payment_id" AND x."match" = 'MATCHED')`, f.dayFrom, f.dayTo, f.source);
}

/** Short items (missing, timing) whose payment has since been matched close by themselves. */
export async function closeResolved(db: Db) {
  await db.$executeRawUnsafe(`
    UPDATE "discrepancies" d SET "status" = 'CLOSED', "handled_at" = now(), "explanation" = COALESCE(d."explanation", 'matched'), "version" = d."version" + 1
    WHERE d."type" IN ('TIMING', 'MISSING_IN_BILL') AND d."status" = 'OPEN' AND d."payment_id" IS NOT NULL
      AND EXISTS (SELECT 1 FROM "statement_lines" x WHERE x."payment_id" = d."payment_id" AND x."kind" = 'PAYMENT' AND x."match" = 'MATCHED')`);
  // Lines once unplaced that a person or a later import has since matched.
  await db.$executeRawUnsafe(`
    UPDATE "discrepancies" d SET "status" = 'CLOSED', "handled_at" = now(), "explanation" = COALESCE(d."explanation", 'matched'), "version" = d."version" + 1
    FROM "statement_lines" l
    WHERE d."dedupe_key" = 'line:' || l."id" AND d."status" = 'OPEN' AND l."match" = 'MATCHED'`);
}

export async function classifyDiscrepancies(db: Db, scope: LineScope) {
  await unplacedLines(db, scope);
  await amountDifferences(db, scope);
  await feeDifferences(db, scope);
  await afterSaleInClosedPeriod(db, scope);
}
