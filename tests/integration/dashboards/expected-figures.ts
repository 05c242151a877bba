/**
 * The dashboards' figures computed straight from the base tables (orders, status log, refusals,
 * routings, contact notes) in TypeScript, with none of the rollup SQL: what the rollups must equal.
 */
import type { Actor } from "../../../lib/access/actor";
import { orderScope } from "../../../lib/access/scope";
import type { DbClient } from "../../../lib/db/client";
import type { DashboardFilter } from "../../../lib/dashboards/dashboard-filter";
import { transitionKind, REWORK_TARGETS, ROLLBACK_PAIRS } from "../../../lib/dashboards/transition-kinds";
import { bizDay, bizDayRange } from "../../../lib/time/biz-time";

const bump = (m: Record<string, number>, k: string, by = 1) => void (m[k] = (m[k] ?? 0) + by);

export async function expectedFigures(db: DbClient, actor: Actor, f: DashboardFilter) {
  const placed = { gte: bizDayRange(f.from).gte, lt: bizDayRange(f.to).lt };
  const scope = { AND: [orderScope(actor), f.includeTest ? {} : { isTest: false }] };
  const orders = await db.order.findMany({
    where: { AND: [scope, { placedAt: placed }] },
    select: {
      id: true, status: true, channelId: true, paidAt: true, shippedAt: true, paidFen: true, placedAt: true,
      routing: { select: { warehouseId: true, status: true } },
      statusLog: { select: { fromStatus: true, toStatus: true } },
    },
  });
  const noted = new Set(
    (await db.customerNote.findMany({ where: { orderId: { in: orders.map((o) => o.id) } }, select: { orderId: true } })).map((n) => n.orderId),
  );
  const statusCounts: Record<string, number> = {};
  const perDay: Record<string, { orders: number; paidOrders: number; paidFen: number }> = {};
  const channels: Record<string, { orders: number; paidFen: number }> = {};
  const warehouses: Record<string, { waiting: number; shipped: number; late: number }> = {};
  const k = { shipped: 0, cycleSum: 0, late: 0, reworked: 0, inquired: 0 };
  for (const o of orders) {
    bump(statusCounts, o.status);
    const day = (perDay[bizDay(o.placedAt)] ??= { orders: 0, paidOrders: 0, paidFen: 0 });
    const ch = (channels[o.channelId] ??= { orders: 0, paidFen: 0 });
    day.orders++;
    ch.orders++;
    if (o.paidAt) {
      day.paidOrders++;
      day.paidFen += o.paidFen;
      ch.paidFen += o.paidFen;
    }
    const cycle = o.paidAt && o.shippedAt ? Math.max(0, Math.floor((o.shippedAt.getTime() - o.paidAt.getTime()) / 60_000)) : null;
    if (cycle !== null) {
      k.shipped++;
      k.cycleSum += cycle;
      if (cycle > 120) k.late++;
    }
    if (o.statusLog.some((l) => REWORK_TARGETS.includes(l.toStatus) || ROLLBACK_PAIRS.some(([a, b]) => a === l.fromStatus && b === l.toStatus))) k.reworked++;
    if (noted.has(o.id)) k.inquired++;
    if (o.paidAt) {
      const wh = (warehouses[o.routing?.status === "ROUTED" ? (o.routing.warehouseId ?? "") : ""] ??= { waiting: 0, shipped: 0, late: 0 });
      if (o.status === "PAID" || o.status === "PUSHED_TO_WMS") wh.waiting++;
      if (cycle !== null) wh.shipped++;
      if (cycle !== null && cycle > 120) wh.late++;
    }
  }

  // Transitions count by the day they happened, for orders in scope whatever their placed day.
  const logs = await db.orderStatusLog.findMany({
    where: { createdAt: placed, order: scope },
    select: { fromStatus: true, toStatus: true, source: true, action: true, actorName: true, createdAt: true },
  });
  const refusals = await db.transitionRefusal.findMany({ where: { createdAt: placed, order: scope }, select: { createdAt: true } });
  const abnormal: Record<string, number> = {};
  const manual: Record<string, number> = {};
  const people: Record<string, Set<string>> = {};
  let handled = 0;
  for (const l of logs) {
    const kind = transitionKind(l.fromStatus, l.toStatus, l.source);
    if (kind === "ROLLBACK" || kind === "OVERRIDE") bump(abnormal, `${bizDay(l.createdAt)}|${kind}`);
    if (l.source === "CONSOLE") {
      bump(manual, `${l.action}|${l.actorName}`);
      handled++;
      (people[bizDay(l.createdAt)] ??= new Set()).add(l.actorName);
    }
  }
  for (const r of refusals) bump(abnormal, `${bizDay(r.createdAt)}|REFUSED`);
  const personDays = Object.values(people).reduce((s, p) => s + p.size, 0);
  return { statusCounts, perDay, channels, warehouses, kpi: { ...k, orders: orders.length, handled, personDays }, abnormal, manual };
}
