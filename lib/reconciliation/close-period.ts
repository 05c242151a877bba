/**
 * Period close (关账) of one business day, after the three-way match (三单匹配): for every order whose
 * goods were signed for that day (or that says delivered without a signature time), the outbound
 * record (a shipment), the finance posting (what the baselines and adjustments booked for it) and
 * the signed receipt must agree, and no discrepancy of the day may still be open. Otherwise the close
 * is refused with the list. A closed day is locked: its baseline frozen, its items closed.
 */
import { z } from "zod";
import type { Actor } from "../access/actor";
import { assertWholeBook } from "../access/whole-book";
import { recordAudit } from "../audit/record-audit";
import { withTx, type Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { addBizDays, bizDayRange } from "../time/biz-time";
import { buildBaseline } from "./build-baseline";
import { parseDay } from "./period-lock";
import { BizDay } from "../time/biz-time";

export const DayInput = z.object({ day: BizDay });

export type CloseIssueKind = "NO_OUTBOUND" | "NO_RECEIPT" | "NO_POSTING" | "POSTING_MISMATCH" | "OPEN_DISCREPANCY" | "PENDING_CANDIDATE";
export interface CloseIssue {
  kind: CloseIssueKind;
  orderId: string | null;
  orderNo: string | null;
  /** Posted vs the order's paid − refunded, for mismatches; the amount for discrepancies. */
  postedFen: number | null;
  expectedFen: number | null;
  refId: string | null;
}

const MAX_LISTED = 200;

export async function threeWayMatch(db: Db, day: string): Promise<CloseIssue[]> {
  const { gte, lt } = bizDayRange(day);
  const orders = await db.$queryRawUnsafe<{ kind: CloseIssueKind; order_id: string; order_no: string; posted: number | null; expected: number | null }[]>(`
    WITH period AS (
      -- As of the end of the day: later refunds belong to later days.
      SELECT o."id", o."order_no", o."delivered_at", o."paid_at",
             o."paid_fen" - COALESCE((SELECT sum(r."amount_fen") FROM "refunds" r WHERE r."order_id" = o."id" AND r."status" = 'COMPLETED' AND r."completed_at" < $2), 0) AS expected
      FROM "orders" o
      WHERE NOT o."is_test" AND (
        (o."delivered_at" >= $1 AND o."delivered_at" < $2)
        OR (o."delivered_at" IS NULL AND o."status" IN ('DELIVERED', 'COMPLETED') AND o."shipped_at" >= $1 AND o."shipped_at" < $2))
    ), posted AS (
      SELECT p."id", (SELECT sum(x."amount_fen") FROM "recon_postings" x WHERE x."order_id" = p."id" AND x."biz_day" <= $3)
                   + COALESCE((SELECT sum(a."amount_fen") FROM "recon_adjustments" a WHERE a."order_id" = p."id" AND a."reason" = 'LATE_CHANGE' AND a."original_day" <= $3), 0) AS amount
      FROM period p
    )
    SELECT 'NO_OUTBOUND' AS kind, p."id" AS order_id, p."order_no", NULL::int AS posted, NULL::int AS expected FROM period p
      WHERE NOT EXISTS (SELECT 1 FROM "shipments" s WHERE s."order_id" = p."id")
    UNION ALL
    SELECT 'NO_RECEIPT', p."id", p."order_no", NULL, NULL FROM period p WHERE p."delivered_at" IS NULL
    UNION ALL
    SELECT CASE WHEN x.amount IS NULL THEN 'NO_POSTING' ELSE 'POSTING_MISMATCH' END, p."id", p."order_no", x.amount::int, p.expected
      FROM period p JOIN posted x ON x."id" = p."id" WHERE x.amount IS DISTINCT FROM p.expected AND p."paid_at" IS NOT NULL
    ORDER BY 3
    LIMIT ${MAX_LISTED}`, gte, lt, day);
  const open = await db.discrepancy.findMany({ where: { bizDay: day, status: "OPEN" }, select: { id: true, amountFen: true, orderId: true }, take: MAX_LISTED, orderBy: { createdAt: "asc" } });
  const pending = await db.$queryRawUnsafe<{ id: string; order_id: string | null }[]>(`
    SELECT DISTINCT l."id"::text AS id, l."order_id" FROM "statement_lines" l WHERE l."biz_day" = $1 AND l."match" = 'CANDIDATE' LIMIT ${MAX_LISTED}`, day);
  const orderNos = new Map((await db.order.findMany({ where: { id: { in: open.flatMap((d) => (d.orderId ? [d.orderId] : [])) } }, select: { id: true, orderNo: true } })).map((o) => [o.id, o.orderNo]));
  return [
    ...orders.map((o) => ({ kind: o.kind, orderId: o.order_id, orderNo: o.order_no, postedFen: o.posted, expectedFen: o.expected, refId: null })),
    ...open.map((d) => ({ kind: "OPEN_DISCREPANCY" as const, orderId: d.orderId, orderNo: d.orderId ? orderNos.get(d.orderId) ?? null : null, postedFen: d.amountFen, expectedFen: null, refId: d.id })),
    ...pending.map((l) => ({ kind: "PENDING_CANDIDATE" as const, orderId: l.order_id, orderNo: null, postedFen: null, expectedFen: null, refId: l.id })),
  ];
}

// Orders are delivered within weeks of payment: postings are ensured this far back.
const BASELINE_LOOKBACK_DAYS = 60;

/**
 * Baselines (and so postings) for every open day of the lookback up to `day` that has none yet;
 * audited like a rebuild from the 日基线 page, one entry naming every day written.
 */
async function ensureBaselines(db: Db, actor: Actor, day: string) {
  let d = addBizDays(day, -BASELINE_LOOKBACK_DAYS);
  const built = new Set((await db.reconBaseline.findMany({ where: { bizDay: { gte: d, lte: day } }, select: { bizDay: true } })).map((b) => b.bizDay));
  const closed = new Set((await db.reconPeriod.findMany({ where: { bizDay: { gte: d, lte: day } }, select: { bizDay: true } })).map((b) => b.bizDay));
  const written: string[] = [];
  for (; d < day; d = addBizDays(d, 1)) {
    if (built.has(d) || closed.has(d)) continue;
    await buildBaseline(db, d);
    written.push(d);
  }
  await buildBaseline(db, day); // the day itself is always rebuilt: the close checks what is true now
  written.push(day);
  await recordAudit(db, actor, { action: "reconciliation.baseline", entityType: "reconBaseline", entityId: day, detail: { days: written } });
}

export async function checkPeriod(db: Db, actor: Actor, input: string) {
  assertWholeBook(actor, "finance.reconcile");
  const day = parseDay(input);
  const closed = await db.reconPeriod.findUnique({ where: { bizDay: day }, select: { closedAt: true } });
  if (closed) return { day, closed: true, issues: [] as CloseIssue[] };
  await ensureBaselines(db, actor, day);
  return { day, closed: false, issues: await threeWayMatch(db, day) };
}

export async function closePeriod(db: Db, actor: Actor, input: { day: string }) {
  assertWholeBook(actor, "finance.close");
  const day = parseDay(input.day);
  if (await db.reconPeriod.findUnique({ where: { bizDay: day }, select: { bizDay: true } })) throw new AppError("PERIOD_CLOSED", { days: [day] });
  await ensureBaselines(db, actor, day);
  return withTx(db, async (tx) => {
    const issues = await threeWayMatch(tx, day);
    if (issues.length) throw new AppError("PERIOD_NOT_CLOSABLE", { day, count: issues.length, issues: issues.slice(0, 50) });
    const now = new Date();
    await tx.reconPeriod.create({ data: { bizDay: day, closedAt: now, closedById: actor.id } });
    await tx.reconBaseline.update({ where: { bizDay: day }, data: { frozenAt: now } });
    await tx.discrepancy.updateMany({ where: { bizDay: day, status: { in: ["EXPLAINED", "ADJUSTED"] } }, data: { status: "CLOSED", version: { increment: 1 } } });
    await tx.reconAdjustment.updateMany({ where: { bizDay: day, status: "OPEN" }, data: { status: "CLOSED", closedAt: now } });
    await recordAudit(tx, actor, { action: "reconciliation.close", entityType: "reconPeriod", entityId: day, detail: {} });
    return { day, closedAt: now };
  });
}
