import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../../lib/access/actor";
import { addCustomerNote } from "../../../lib/customers/add-customer-note";
import { dashboardJobs } from "../../../lib/dashboards/dashboard-jobs";
import { parseDashboardFilter, type DashboardFilter } from "../../../lib/dashboards/dashboard-filter";
import { loadTactical, loadStrategic } from "../../../lib/dashboards/load-business";
import { loadHealth } from "../../../lib/dashboards/load-health";
import { loadKpis } from "../../../lib/dashboards/load-kpis";
import { rebuildRollups, refreshRollups } from "../../../lib/dashboards/refresh-rollups";
import { ingestNativeBatch } from "../../../lib/ingestion/ingest-native";
import { performOrderAction } from "../../../lib/lifecycle/perform-order-action";
import { actorFor, testDb } from "../helpers";
import { mallOrder } from "../ingestion/push-fixtures";
import { expectedFigures } from "./expected-figures";

const db = () => testDb();
const key = () => `dash-${randomUUID()}`;

/** Every dashboard figure for this actor, in the shape expectedFigures() computes. */
async function dashboardFigures(actor: Actor, f: DashboardFilter) {
  const [health, strategic, tactical, kpis] = await Promise.all([
    loadHealth(db(), actor, f), loadStrategic(db(), actor, f), loadTactical(db(), actor, f), loadKpis(db(), actor, f),
  ]);
  const abnormal: Record<string, number> = {};
  for (const d of health.abnormalByDay) for (const kind of ["REFUSED", "ROLLBACK", "OVERRIDE"] as const) if (d[kind]) abnormal[`${d.day}|${kind}`] = d[kind];
  return {
    statusCounts: Object.fromEntries(health.statusCounts.map((s) => [s.status, s.orders])),
    perDay: Object.fromEntries(strategic.perDay.filter((d) => d.orders).map((d) => [d.day, { orders: d.orders, paidOrders: d.paidOrders, paidFen: d.paidFen }])),
    channels: Object.fromEntries(strategic.channels.map((c) => [c.channelId, { orders: c.orders, paidFen: c.paidFen }])),
    warehouses: Object.fromEntries(tactical.warehouses.map((w) => [w.warehouseId, { waiting: w.waiting, shipped: w.shipped, late: w.late }])),
    kpi: {
      shipped: kpis.totals.shipped, cycleSum: Math.round((kpis.totals.cycleMinutes ?? 0) * kpis.totals.shipped), late: kpis.totals.late,
      reworked: kpis.totals.reworked, inquired: kpis.totals.inquired, orders: kpis.totals.orders, handled: kpis.totals.handled, personDays: kpis.totals.personDays,
    },
    abnormal,
    manual: Object.fromEntries(health.manual.map((m) => [`${m.action}|${m.actorName}`, m.n])),
  };
}

/** A shop agent (channel scope) who also sees the dashboards: a custom role. */
async function shopAgent(): Promise<Actor> {
  const cs = await actorFor("cs");
  expect(cs.rowScope).toBe("CHANNELS");
  return { ...cs, permissions: new Set([...cs.permissions, "dashboard.view"]) };
}

async function expectRollupsMatchBaseTables(who: string | Actor) {
  const actor = typeof who === "string" ? await actorFor(who) : who;
  for (const includeTest of [false, true]) {
    const f = parseDashboardFilter({ includeTest });
    expect(await dashboardFigures(actor, f)).toEqual(await expectedFigures(db(), actor, f));
  }
}

async function rollupTables() {
  return {
    daily: await db().$queryRawUnsafe(`SELECT * FROM dash_order_daily WHERE orders <> 0 ORDER BY biz_day, channel_id, region, is_test, status, warehouse_id`),
    transitions: await db().$queryRawUnsafe(`SELECT * FROM dash_transition_daily ORDER BY biz_day, channel_id, region, is_test, kind, action, source, actor_id, actor_name`),
  };
}

describe("dashboard rollups", () => {
  beforeAll(async () => {
    await rebuildRollups(db());
  });

  it("equal the figures computed from the base tables on the demo data (manager, regional manager and shop agent)", async () => {
    await expectRollupsMatchBaseTables("ops");
    await expectRollupsMatchBaseTables("east");
    await expectRollupsMatchBaseTables(await shopAgent());
  });

  it("a regional manager's figures cover their region only", async () => {
    const f = parseDashboardFilter({});
    const all = await loadStrategic(db(), await actorFor("ops"), f);
    const east = await loadStrategic(db(), await actorFor("east"), f);
    const total = (r: typeof all) => r.perDay.reduce((s, d) => s + d.orders, 0);
    const eastOrders = await db().order.count({ where: { receiverRegion: "华东", isTest: false, placedAt: { gte: new Date(`${f.from}T00:00:00+08:00`) } } });
    expect(total(east)).toBe(eastOrders);
    expect(total(east)).toBeLessThan(total(all));
  });

  it("stay equal after new orders, status changes, refunds, refusals and contact notes (events + change feed), and equal a rebuild", async () => {
    const admin = await actorFor("admin");
    const started = new Date();
    // New orders through the real write path (status log + ORDER_CREATED events).
    const created = await ingestNativeBatch(db(), { id: "ch_own_mall", platform: "OWN_MALL" },
      Array.from({ length: 5 }, () => mallOrder({ createdAt: new Date().toISOString(), paidAt: new Date().toISOString(), updatedAt: new Date().toISOString() })),
      { source: "PLATFORM_PUSH" });
    expect(created.every((c) => c.ok)).toBe(true);

    // Orders created in the same millisecond tie on placedAt, so exclude earlier picks by id rather than skipping.
    const pick = async (status: "PAID" | "SHIPPED" | "DELIVERED", exclude: string[] = []) =>
      (await db().order.findFirstOrThrow({ where: { status, isTest: false, receiverRegion: "华东", id: { notIn: exclude } }, orderBy: [{ placedAt: "desc" }, { id: "asc" }], select: { id: true, paidFen: true, customerId: true } }));
    const held = await pick("PAID");
    await performOrderAction(db(), admin, { action: "hold", orderId: held.id, idempotencyKey: key(), reason: "看板测试：拦截" });
    await performOrderAction(db(), admin, { action: "release", orderId: held.id, idempotencyKey: key() });
    const shipped = await pick("PAID", [held.id]);
    await performOrderAction(db(), admin, { action: "confirmShipment", orderId: shipped.id, idempotencyKey: key(), carrierCode: "ZTO", trackingNo: `DASH${Date.now()}` });
    const refunded = await pick("DELIVERED");
    await performOrderAction(db(), admin, { action: "requestRefund", orderId: refunded.id, idempotencyKey: key(), amountFen: refunded.paidFen, reason: "看板测试：退款" });
    await performOrderAction(db(), admin, { action: "completeRefund", orderId: refunded.id, idempotencyKey: key() });
    const noted = await db().order.findFirstOrThrow({ where: { customerId: { not: null }, isTest: false }, orderBy: { placedAt: "desc" }, select: { id: true, customerId: true } });
    await addCustomerNote(db(), admin, { customerId: noted.customerId!, channel: "PHONE", body: "看板测试：客户来电问物流", orderId: noted.id });

    // The event path: each outbox event's job applies its order.
    const events = dashboardJobs().find((j) => j.name === "dashboard-rollup-events")!;
    const outbox = await db().outboxEvent.findMany({ where: { createdAt: { gte: started } }, select: { orderId: true, eventType: true } });
    expect(outbox.length).toBeGreaterThanOrEqual(10); // 5 created, hold, release, shipped, refund requested and completed
    for (const e of outbox) await events.handler({ db: db() }, { orderId: e.orderId, eventType: e.eventType });
    // The event path alone (no feed yet) has applied each changed order's current state.
    const createdIds = created.flatMap((c) => (c.ok ? [c.orderId] : []));
    expect(createdIds).toHaveLength(5);
    const changed = [...createdIds, held.id, shipped.id, refunded.id];
    const facts = new Map((await db().dashOrderFact.findMany({
      where: { orderId: { in: changed } }, select: { orderId: true, status: true, paid: true, refundedFen: true, cycleMinutes: true, reworked: true },
    })).map((x) => [x.orderId, x]));
    const current = new Map((await db().order.findMany({ where: { id: { in: changed } }, select: { id: true, status: true, refundedFen: true } })).map((o) => [o.id, o]));
    for (const id of changed) expect(facts.get(id)).toMatchObject({ status: current.get(id)!.status, refundedFen: current.get(id)!.refundedFen });
    for (const id of createdIds) expect(facts.get(id)).toMatchObject({ paid: true });
    expect(facts.get(held.id)).toMatchObject({ status: "PAID", reworked: true });
    expect(facts.get(shipped.id)).toMatchObject({ status: "SHIPPED", cycleMinutes: expect.any(Number) });
    expect(facts.get(refunded.id)!.status).not.toBe("DELIVERED");
    expect(facts.get(refunded.id)!.refundedFen).toBe(refunded.paidFen);
    // Refused after the event path ran (a PAID order cannot be marked delivered): it sends no event,
    // so the rollups do not count it until the change feed reads transition_refusals.
    const refusedRolledUp = async () =>
      (await db().$queryRawUnsafe<{ n: number }[]>(`SELECT coalesce(sum(transitions), 0)::int AS n FROM dash_transition_daily WHERE kind = 'REFUSED'`))[0].n;
    const refusedBefore = await refusedRolledUp();
    await expect(performOrderAction(db(), admin, { action: "markDelivered", orderId: held.id, idempotencyKey: key() })).rejects.toMatchObject({ code: "ILLEGAL_TRANSITION" });
    expect(await refusedRolledUp()).toBe(refusedBefore);
    // The change feed catches what sends no event (the refusal, the contact note).
    const feed = await refreshRollups(db());
    expect(feed.mode).toBe("feed");
    expect(await refusedRolledUp()).toBe(refusedBefore + 1);
    await expectRollupsMatchBaseTables("ops");
    await expectRollupsMatchBaseTables("east");
    await expectRollupsMatchBaseTables(await shopAgent());

    // Re-applying changes nothing; a full rebuild gives the same tables as the increments.
    await refreshRollups(db());
    const incremental = await rollupTables();
    await rebuildRollups(db());
    expect(await rollupTables()).toEqual(incremental);
    const kpis = await loadKpis(db(), admin, {});
    expect(kpis.totals.inquired).toBeGreaterThanOrEqual(1);
    const health = await loadHealth(db(), admin, {});
    expect(health.abnormalByDay.some((d) => d.REFUSED >= 1 && d.ROLLBACK >= 1 && d.OVERRIDE >= 1)).toBe(true);
  });

  it("apply an ingestion update that keeps the status (amount, address) through the event path", async () => {
    const mall = { id: "ch_own_mall", platform: "OWN_MALL" } as const;
    const at = (ms: number) => new Date(ms).toISOString();
    const t0 = Date.now() - 60_000;
    const first = mallOrder({ createdAt: at(t0), paidAt: at(t0), updatedAt: at(t0) });
    const [c] = await ingestNativeBatch(db(), mall, [first], { source: "PLATFORM_PUSH" });
    if (!c.ok) throw new Error(`not ingested: ${c.code}`);
    await refreshRollups(db());
    const facts = () => db().dashOrderFact.findUniqueOrThrow({ where: { orderId: c.orderId }, select: { status: true, region: true, paidFen: true, warehouseId: true } });
    const base = async () => {
      const o = await db().order.findUniqueOrThrow({ where: { id: c.orderId }, select: { status: true, receiverRegion: true, paidFen: true, routing: { select: { status: true, warehouseId: true } } } });
      return { status: o.status, region: o.receiverRegion ?? "", paidFen: o.paidFen, warehouseId: o.routing?.status === "ROUTED" ? o.routing.warehouseId ?? "" : "" };
    };
    const before = await facts();
    expect(before).toEqual(await base());
    expect(before.region).toBe("华东");

    // A newer snapshot, same platform status: another amount and another region.
    const started = new Date();
    const paid = "99.00";
    const [u] = await ingestNativeBatch(db(), mall, [{
      ...first, updatedAt: at(t0 + 30_000), amounts: { ...first.amounts, paid },
      payments: first.payments.map((p) => ({ ...p, amount: paid })),
      receiver: { ...first.receiver, province: "北京", city: "北京市", district: "朝阳区", detail: "建国路 1 号" },
    }], { source: "PLATFORM_PUSH" });
    expect(u).toMatchObject({ ok: true, outcome: "UPDATED", orderId: c.orderId, status: before.status });
    const now = await base();
    expect(now).toMatchObject({ status: before.status, region: "华北", paidFen: 9900 });
    // No status-log row for the change feed: the facts stay as they were until the event is handled.
    expect(await facts()).toEqual(before);
    expect(await db().orderStatusLog.count({ where: { orderId: c.orderId, createdAt: { gte: started } } })).toBe(0);

    const events = dashboardJobs().find((j) => j.name === "dashboard-rollup-events")!;
    const outbox = await db().outboxEvent.findMany({ where: { orderId: c.orderId, createdAt: { gte: started } }, select: { orderId: true, eventType: true } });
    expect(outbox.map((e) => e.eventType)).toEqual(["ORDER_UPDATED"]);
    expect(events.events).toContain("ORDER_UPDATED");
    for (const e of outbox) await events.handler({ db: db() }, { orderId: e.orderId, eventType: e.eventType });
    expect(await facts()).toEqual(now);
    await expectRollupsMatchBaseTables("ops");
    await expectRollupsMatchBaseTables("east");
  });

  it("refuses a reversed range with a clear code", async () => {
    await expect(loadKpis(db(), await actorFor("ops"), { from: "2026-11-30", to: "2026-11-01" })).rejects.toMatchObject({ code: "DASHBOARD_RANGE_INVALID" });
    await expect(loadKpis(db(), await actorFor("cs"), {})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
