/**
 * 经营看板, the execution tier (live): the signed-in person's to-do list and handling times.
 * To-dos follow the person's permissions and row scope: exceptions assigned to them (the workbench's
 * "mine" queue), approvals they may give, and the order queues their actions move (ship, hold/review, refunds).
 */
import { can, assertCan, type Actor } from "../access/actor";
import type { Permission } from "../access/roles";
import { orderScope } from "../access/scope";
import { listExceptions } from "../anomalies/list-exceptions";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/prisma/client";
import type { OrderStatus } from "../db/generated/prisma/enums";
import { parseDashboardFilter, rollupWhere } from "./dashboard-filter";
import { fillDays } from "./dashboard-days";

/** Order queues per permission: orders in these statuses wait for someone who holds it. */
export const QUEUES: { key: string; permission: Permission; statuses: OrderStatus[] }[] = [
  { key: "toShip", permission: "order.ship", statuses: ["PAID", "PUSHED_TO_WMS"] },
  { key: "toReview", permission: "order.hold", statuses: ["ON_HOLD", "NEEDS_REVIEW"] },
  { key: "toRefund", permission: "order.refundComplete", statuses: ["AFTER_SALE"] },
];
const TODO_LIST = 10;

export async function loadExecution(db: Db, actor: Actor, raw: unknown) {
  assertCan(actor, "dashboard.view");
  const f = parseDashboardFilter(raw);
  const where = rollupWhere(actor, f, "d");
  const queues = QUEUES.filter((q) => can(actor, q.permission));
  const [queueRows, myExceptions, approvals, handling] = await Promise.all([
    queues.length
      ? db.$queryRaw<{ status: OrderStatus; orders: number }[]>(Prisma.sql`
          SELECT d.status::text AS status, sum(d.orders)::int AS orders FROM dash_order_daily d
           WHERE ${where} AND d.status::text IN (${Prisma.join(queues.flatMap((q) => q.statuses))}) GROUP BY 1`)
      : [],
    can(actor, "exception.handle") ? listExceptions(db, actor, { assignee: "me", size: TODO_LIST }) : null,
    can(actor, "exception.approve")
      ? db.orderApproval.findMany({
          where: { status: "PENDING", order: orderScope(actor) },
          select: { id: true, orderId: true, kind: true, requestedAt: true, order: { select: { orderNo: true } } },
          orderBy: [{ requestedAt: "asc" }, { id: "asc" }],
          take: TODO_LIST,
        })
      : [],
    db.$queryRaw<{ day: string; actions: number; handledCount: number; handledMsSum: bigint }[]>(Prisma.sql`
      SELECT to_char(d.biz_day, 'YYYY-MM-DD') AS day, sum(d.transitions)::int AS actions,
             sum(d.handled_count)::int AS "handledCount", sum(d.handled_ms_sum)::bigint AS "handledMsSum"
        FROM dash_transition_daily d WHERE ${where} AND d.actor_id = ${actor.id} AND d.kind <> 'REFUSED' GROUP BY 1`),
  ]);
  const count = new Map(queueRows.map((r) => [r.status, r.orders]));
  return {
    filter: f,
    actorName: actor.displayName,
    queues: queues.map((q) => ({ key: q.key, statuses: q.statuses, orders: q.statuses.reduce((s, st) => s + (count.get(st) ?? 0), 0) })),
    myExceptions: (myExceptions?.rows ?? []).map((e) => ({
      id: e.id, orderId: e.order?.id ?? null, orderNo: e.order?.orderNo ?? null, ruleCode: e.ruleCode, severity: e.severity, dueAt: e.dueAt,
    })),
    approvals: approvals.map((a) => ({ id: a.id, orderId: a.orderId, orderNo: a.order.orderNo, kind: a.kind, requestedAt: a.requestedAt })),
    handling: fillDays(f, handling, (day) => ({ day, actions: 0, handledCount: 0, handledMsSum: BigInt(0) })).map((h) => ({
      day: h.day, actions: h.actions, avgHandledMs: h.handledCount ? Math.round(Number(h.handledMsSum) / h.handledCount) : null,
    })),
  };
}
