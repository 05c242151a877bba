/**
 * The daily baseline (T+0 对账基线, seed 001): per business day, the six dimensions — receivable
 * (orders paid that day), received (statement payments), refund due (refunds requested), refunded
 * (statement refunds), platform commission (statement fees) and tax (output VAT contained in
 * receivable) — plus the finance posting of each order (receivable, refunds) the three-way match
 * reads. Built by the 23:59 job and on demand; a closed day's baseline is frozen.
 * Changes that reach a closed day afterwards are booked as adjustments in the day being built.
 */
import type { Actor } from "../access/actor";
import { assertWholeBook } from "../access/whole-book";
import { recordAudit } from "../audit/record-audit";
import { withTx, type Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { bizDayRange, bizDaySql } from "../time/biz-time";
import { parseDay } from "./period-lock";
import { RECON } from "./recon-config";

async function writePostings(db: Db, day: string, range: { gte: Date; lt: Date }) {
  await db.$executeRawUnsafe(`DELETE FROM "recon_postings" WHERE "biz_day" = $1`, day);
  await db.$executeRawUnsafe(`
    INSERT INTO "recon_postings" ("biz_day", "order_id", "kind", "amount_fen")
    SELECT $1, o."id", 'RECEIVABLE', o."paid_fen" FROM "orders" o
    WHERE o."paid_at" >= $2 AND o."paid_at" < $3 AND NOT o."is_test" AND o."paid_fen" > 0`, day, range.gte, range.lt);
  await db.$executeRawUnsafe(`
    INSERT INTO "recon_postings" ("biz_day", "order_id", "kind", "amount_fen")
    SELECT $1, r."order_id", 'REFUND', -sum(r."amount_fen")::int FROM "refunds" r JOIN "orders" o ON o."id" = r."order_id"
    WHERE r."status" = 'COMPLETED' AND r."completed_at" >= $2 AND r."completed_at" < $3 AND NOT o."is_test" AND o."paid_at" IS NOT NULL
    GROUP BY r."order_id"`, day, range.gte, range.lt);
}

/**
 * What the hub holds now for a closed day versus what was posted (plus earlier adjustments): the
 * difference becomes an adjustment in `openDay`, keyed so it is booked once per change.
 */
export async function bookLateChanges(db: Db, openDay: string): Promise<number> {
  return db.$executeRawUnsafe(`
    WITH now_hub AS (
      SELECT ${bizDaySql(`o."paid_at"`)} AS day, o."id" AS order_id, o."paid_fen" AS amount FROM "orders" o
      WHERE o."paid_at" IS NOT NULL AND NOT o."is_test" AND o."paid_fen" > 0 AND ${bizDaySql(`o."paid_at"`)} IN (SELECT "biz_day" FROM "recon_periods")
      UNION ALL
      SELECT ${bizDaySql(`r."completed_at"`)}, r."order_id", -r."amount_fen" FROM "refunds" r JOIN "orders" o ON o."id" = r."order_id"
      WHERE r."status" = 'COMPLETED' AND NOT o."is_test" AND o."paid_at" IS NOT NULL AND ${bizDaySql(`r."completed_at"`)} IN (SELECT "biz_day" FROM "recon_periods")
    ), hub AS (SELECT day, order_id, sum(amount)::bigint AS amount FROM now_hub GROUP BY 1, 2),
    booked AS (
      SELECT day, order_id, sum(amount)::bigint AS amount FROM (
        SELECT "biz_day" AS day, "order_id", "amount_fen" AS amount FROM "recon_postings" WHERE "biz_day" IN (SELECT "biz_day" FROM "recon_periods")
        UNION ALL
        SELECT "original_day", "order_id", "amount_fen" FROM "recon_adjustments" WHERE "reason" = 'LATE_CHANGE' AND "order_id" IS NOT NULL
      ) b GROUP BY 1, 2
    )
    INSERT INTO "recon_adjustments" ("id", "biz_day", "original_day", "order_id", "amount_fen", "reason", "dedupe_key")
    SELECT gen_random_uuid()::text, $1, d.day, d.order_id, d.diff, 'LATE_CHANGE', 'late:' || d.day || ':' || d.order_id || ':' || d.total
    FROM (
      SELECT COALESCE(h.day, b.day) AS day, COALESCE(h.order_id, b.order_id) AS order_id,
             (COALESCE(h.amount, 0) - COALESCE(b.amount, 0))::int AS diff, COALESCE(h.amount, 0) AS total
      FROM hub h FULL JOIN booked b ON b.day = h.day AND b.order_id = h.order_id
    ) d
    WHERE d.diff <> 0 AND d.day < $1
    ON CONFLICT ("dedupe_key") DO NOTHING`, openDay);
}

export async function buildBaseline(db: Db, day: string) {
  const range = bizDayRange(day);
  return withTx(db, async (tx) => {
    // One builder per day at a time (the job and a person may both ask).
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(4242008, hashtext($1))`, day);
    if (await tx.reconPeriod.findUnique({ where: { bizDay: day }, select: { bizDay: true } })) throw new AppError("PERIOD_CLOSED", { days: [day] });
    await writePostings(tx, day, range);
    await bookLateChanges(tx, day);
    const [t] = await tx.$queryRawUnsafe<{ receivable: bigint; orders: number; refund_due: bigint; received: bigint; refunded: bigint; fee_milli: bigint }[]>(`
      SELECT
        (SELECT COALESCE(sum("amount_fen"), 0)::bigint FROM "recon_postings" WHERE "biz_day" = $1 AND "kind" = 'RECEIVABLE') AS receivable,
        (SELECT count(*)::int FROM "recon_postings" WHERE "biz_day" = $1 AND "kind" = 'RECEIVABLE') AS orders,
        (SELECT COALESCE(sum(r."amount_fen"), 0)::bigint FROM "refunds" r JOIN "orders" o ON o."id" = r."order_id"
          WHERE r."requested_at" >= $2 AND r."requested_at" < $3 AND r."status" <> 'REJECTED' AND NOT o."is_test") AS refund_due,
        (SELECT COALESCE(sum("amount_fen"), 0)::bigint FROM "statement_lines" WHERE "biz_day" = $1 AND "kind" = 'PAYMENT') AS received,
        (SELECT COALESCE(-sum("amount_fen"), 0)::bigint FROM "statement_lines" WHERE "biz_day" = $1 AND "kind" = 'REFUND') AS refunded,
        (SELECT COALESCE(sum("fee_milli"), 0)::bigint FROM "statement_lines" WHERE "biz_day" = $1) AS fee_milli`, day, range.gte, range.lt);
    const receivable = BigInt(t.receivable);
    const feeMilli = BigInt(t.fee_milli);
    // Tax: VAT contained in a VAT-inclusive receivable, receivable × rate / (1 + rate), half up.
    const taxFen = (receivable * BigInt(RECON.vatBp) * 2n + (10_000n + BigInt(RECON.vatBp))) / (2n * (10_000n + BigInt(RECON.vatBp)));
    const data = {
      receivableFen: receivable, receivedFen: BigInt(t.received), refundDueFen: BigInt(t.refund_due), refundedFen: BigInt(t.refunded),
      commissionFen: (feeMilli >= 0n ? feeMilli + 500n : feeMilli - 500n) / 1000n, taxFen, orderCount: Number(t.orders), builtAt: new Date(),
    };
    return tx.reconBaseline.upsert({ where: { bizDay: day }, create: { bizDay: day, ...data }, update: data });
  });
}

/** On demand from the 日基线 page. */
export async function rebuildBaseline(db: Db, actor: Actor, day: string) {
  assertWholeBook(actor, "finance.reconcile");
  const b = await buildBaseline(db, parseDay(day));
  await recordAudit(db, actor, { action: "reconciliation.baseline", entityType: "reconBaseline", entityId: day, detail: {} });
  return { day: b.bizDay };
}
