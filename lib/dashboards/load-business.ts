/**
 * 经营看板, the strategic and tactical tiers (SPEC §4): every figure is a sum over the rollups,
 * within the actor's row scope.
 */
import { assertCan, type Actor } from "../access/actor";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/prisma/client";
import { bizDayRange } from "../time/biz-time";
import { parseDashboardFilter, rollupScope, rollupWhere } from "./dashboard-filter";
import { fillDays, ratio } from "./dashboard-days";

/** Orders and average order value per day, and each channel's share. Refreshed hourly. */
export async function loadStrategic(db: Db, actor: Actor, raw: unknown) {
  assertCan(actor, "dashboard.view");
  const f = parseDashboardFilter(raw);
  const where = rollupWhere(actor, f, "d");
  const [days, channels, names] = await Promise.all([
    db.$queryRaw<{ day: string; orders: number; paidOrders: number; paidFen: bigint }[]>(Prisma.sql`
      SELECT to_char(d.biz_day, 'YYYY-MM-DD') AS day, sum(d.orders)::int AS orders, sum(d.paid_orders)::int AS "paidOrders", sum(d.paid_fen)::bigint AS "paidFen"
        FROM dash_order_daily d WHERE ${where} GROUP BY 1`),
    db.$queryRaw<{ channelId: string; orders: number; paidOrders: number; paidFen: bigint }[]>(Prisma.sql`
      SELECT d.channel_id AS "channelId", sum(d.orders)::int AS orders, sum(d.paid_orders)::int AS "paidOrders", sum(d.paid_fen)::bigint AS "paidFen"
        FROM dash_order_daily d WHERE ${where} GROUP BY 1 HAVING sum(d.orders) <> 0 ORDER BY 4 DESC`),
    db.channel.findMany({ select: { id: true, name: true }, take: 200 }),
  ]);
  const name = new Map(names.map((c) => [c.id, c.name]));
  const totalPaid = channels.reduce((s, c) => s + Number(c.paidFen), 0);
  return {
    filter: f,
    perDay: fillDays(f, days, (day) => ({ day, orders: 0, paidOrders: 0, paidFen: BigInt(0) })).map((d) => ({
      day: d.day, orders: d.orders, paidOrders: d.paidOrders, paidFen: Number(d.paidFen),
      // Average order value: what was paid ÷ orders paid for, in whole fen.
      aovFen: d.paidOrders ? Math.round(Number(d.paidFen) / d.paidOrders) : null,
    })),
    channels: channels.map((c) => ({
      channelId: c.channelId, name: name.get(c.channelId) ?? c.channelId, orders: c.orders, paidOrders: c.paidOrders,
      paidFen: Number(c.paidFen), share: ratio(Number(c.paidFen), totalPaid),
    })),
  };
}

/** Outbound progress per warehouse and the exception distribution. Refreshed every 15 minutes. */
export async function loadTactical(db: Db, actor: Actor, raw: unknown) {
  assertCan(actor, "dashboard.view");
  const f = parseDashboardFilter(raw);
  const where = rollupWhere(actor, f, "d");
  const [warehouses, exceptions, names] = await Promise.all([
    db.$queryRaw<{ warehouseId: string; waiting: number; shipped: number; late: number }[]>(Prisma.sql`
      SELECT d.warehouse_id AS "warehouseId",
             coalesce(sum(d.orders) FILTER (WHERE d.status IN ('PAID', 'PUSHED_TO_WMS')), 0)::int AS waiting,
             sum(d.shipped)::int AS shipped, sum(d.cycle_late)::int AS late
        FROM dash_order_daily d WHERE ${where} AND d.paid_orders > 0 GROUP BY 1 ORDER BY 1`),
    // Exceptions are few next to orders; the facts give each its order's region and test flag.
    db.$queryRaw<{ ruleCode: string; severity: string; open: number; closed: number }[]>(Prisma.sql`
      SELECT e.rule_code AS "ruleCode", e.severity::text AS severity,
             count(*) FILTER (WHERE e.status IN ('OPEN', 'CLAIMED'))::int AS open,
             count(*) FILTER (WHERE e.status NOT IN ('OPEN', 'CLAIMED'))::int AS closed
        FROM order_exceptions e JOIN dash_order_facts d ON d.order_id = e.order_id
       WHERE e.opened_at >= ${bizDayRange(f.from).gte} AND e.opened_at < ${bizDayRange(f.to).lt}
         AND (${f.includeTest} OR NOT d.is_test) AND ${rollupScope(actor, "d")}
       GROUP BY 1, 2 ORDER BY 3 DESC, 4 DESC`),
    db.warehouse.findMany({ select: { id: true, name: true }, take: 200 }),
  ]);
  const name = new Map(names.map((w) => [w.id, w.name]));
  return {
    filter: f,
    warehouses: warehouses.map((w) => ({ ...w, name: w.warehouseId ? (name.get(w.warehouseId) ?? w.warehouseId) : null })),
    exceptions,
  };
}
