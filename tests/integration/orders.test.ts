import { describe, expect, it } from "vitest";
import { AppError } from "../../lib/errors/app-error";
import { getOrderDetail } from "../../lib/orders/get-order-detail";
import { listOrders } from "../../lib/orders/list-orders";
import { bizDayRange } from "../../lib/time/biz-time";
import { actorFor, testDb } from "./helpers";

const codeOf = (p: Promise<unknown>) => p.then(() => "OK", (e: unknown) => (e instanceof AppError ? e.code : String(e)));

/** An order CS may see (assigned shop) that has a payment, a shipment and a phone. */
async function fullyDocumentedOrder() {
  const o = await testDb().order.findFirst({
    where: { channelId: "ch_tmall", receiverPhone: { startsWith: "1", not: { contains: "*" } }, payments: { some: { providerTxnId: { not: null } } }, shipments: { some: {} } },
    include: { payments: true, shipments: true },
  });
  if (!o) throw new Error("demo data has no shipped Tmall order");
  return o;
}

describe("order lookup (客服查单)", () => {
  it("finds an order by each number a customer may read out", async () => {
    const cs = await actorFor("cs");
    const o = await fullyDocumentedOrder();
    const terms = [o.orderNo, o.platformOrderId, o.payments[0].payNo, o.payments[0].providerTxnId!, o.shipments[0].trackingNo, o.receiverPhone!];
    for (const q of terms) {
      const res = await listOrders(testDb(), cs, { q });
      expect(res.rows.map((r) => r.id), `search by ${q}`).toContain(o.id);
    }
  });

  it("refuses a malformed search with a clear code", async () => {
    const cs = await actorFor("cs");
    expect(await codeOf(listOrders(testDb(), cs, { q: "<script>" }))).toBe("INVALID_SEARCH");
    expect(await codeOf(listOrders(testDb(), cs, { q: "ab" }))).toBe("INVALID_SEARCH");
  });

  it("keeps a CS agent inside their assigned shops, even with a valid number", async () => {
    const cs = await actorFor("cs");
    const foreign = await testDb().order.findFirstOrThrow({ where: { channelId: "ch_own_mall" } });
    expect((await listOrders(testDb(), cs, { q: foreign.orderNo })).rows).toHaveLength(0);
    expect(await codeOf(getOrderDetail(testDb(), cs, foreign.id))).toBe("ORDER_NOT_FOUND");
    const page = await listOrders(testDb(), cs, { size: 200 });
    const ids = page.rows.map((r) => r.id);
    const channels = await testDb().order.findMany({ where: { id: { in: ids } }, select: { channelId: true } });
    expect([...new Set(channels.map((c) => c.channelId))].every((c) => cs.channelIds.includes(c))).toBe(true);
  });

  it("keeps a regional manager inside their region", async () => {
    const east = await actorFor("east");
    const page = await listOrders(testDb(), east, { size: 200 });
    expect(page.total).toBeGreaterThan(0);
    const regions = await testDb().order.findMany({ where: { id: { in: page.rows.map((r) => r.id) } }, select: { receiverRegion: true } });
    expect(new Set(regions.map((r) => r.receiverRegion))).toEqual(new Set(["华东"]));
  });

  it("masks the phone on the server for roles without the unmask right; full-phone search still works", async () => {
    const cs = await actorFor("cs");
    const o = await fullyDocumentedOrder();
    const list = await listOrders(testDb(), cs, { q: o.receiverPhone! });
    const detail = await getOrderDetail(testDb(), cs, o.id);
    const masked = `${o.receiverPhone!.slice(0, 3)}****${o.receiverPhone!.slice(-4)}`;
    expect(list.rows.find((r) => r.id === o.id)?.receiverPhone).toBe(masked);
    expect(detail.receiver?.phone).toBe(masked);
    expect(JSON.stringify(list)).not.toContain(o.receiverPhone!);
    expect(JSON.stringify(detail)).not.toContain(o.receiverPhone!);
    expect(JSON.stringify(detail)).not.toContain(o.receiverDetail);
  });

  it("hides receiver details from finance and payment details from the warehouse", async () => {
    const o = await fullyDocumentedOrder();
    const finance = await getOrderDetail(testDb(), await actorFor("finance"), o.id);
    expect(finance.receiver).toBeNull();
    expect(finance.payments?.length).toBeGreaterThan(0);
    const warehouse = await getOrderDetail(testDb(), await actorFor("warehouse"), o.id);
    expect(warehouse.payments).toBeNull();
    expect(warehouse.receiver?.detail).toBe(o.receiverDetail);
  });

  it("audits every view of an order's detail", async () => {
    const cs = await actorFor("cs");
    const o = await fullyDocumentedOrder();
    const before = await testDb().auditLog.count({ where: { action: "order.view", entityId: o.id, actorId: cs.id } });
    await getOrderDetail(testDb(), cs, o.id);
    expect(await testDb().auditLog.count({ where: { action: "order.view", entityId: o.id, actorId: cs.id } })).toBe(before + 1);
  });

  it("shows the status timeline in order", async () => {
    const o = await fullyDocumentedOrder();
    const detail = await getOrderDetail(testDb(), await actorFor("ops"), o.id);
    expect(detail.timeline.length).toBeGreaterThan(1);
    const times = detail.timeline.map((e) => e.at.getTime());
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(detail.timeline.at(-1)?.toStatus).toBe(o.status);
  });

  it("filters by status, channel, amount and business-day range, and sorts", async () => {
    const ops = await actorFor("ops");
    const shipped = await listOrders(testDb(), ops, { status: ["SHIPPED"], size: 200 });
    const shippedRows = await testDb().order.findMany({ where: { id: { in: shipped.rows.map((r) => r.id) } }, select: { status: true } });
    expect(shippedRows.every((r) => r.status === "SHIPPED")).toBe(true);
    expect(shipped.total).toBe(await testDb().order.count({ where: { status: "SHIPPED" } }));

    const cheap = await listOrders(testDb(), ops, { minFen: 5000, maxFen: 20000, sort: "paidFen", dir: "asc", size: 200 });
    expect(cheap.rows.every((r) => r.paidFen >= 5000 && r.paidFen <= 20000)).toBe(true);
    const amounts = cheap.rows.map((r) => r.paidFen);
    expect([...amounts].sort((a, b) => a - b)).toEqual(amounts);

    const anyOrder = await testDb().order.findFirstOrThrow({ orderBy: { placedAt: "desc" } });
    const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(anyOrder.placedAt);
    const range = bizDayRange(day);
    const oneDay = await listOrders(testDb(), ops, { from: day, to: day, size: 200 });
    expect(oneDay.total).toBe(await testDb().order.count({ where: { placedAt: { gte: range.gte, lt: range.lt } } }));

    const jd = await listOrders(testDb(), ops, { channel: ["ch_jd"], size: 20 });
    expect(jd.rows.every((r) => r.platform === "JD")).toBe(true);
  });

  it("pages on the server and refuses an out-of-range page with a clear code", async () => {
    const ops = await actorFor("ops");
    const p1 = await listOrders(testDb(), ops, { size: 20, page: 1 });
    const p2 = await listOrders(testDb(), ops, { size: 20, page: 2 });
    expect(p1.rows).toHaveLength(20);
    expect(p1.rows.some((r) => p2.rows.some((x) => x.id === r.id))).toBe(false);
    expect(await codeOf(listOrders(testDb(), ops, { size: 20, page: 99_999 }))).toBe("INVALID_PAGE");
    expect(await codeOf(listOrders(testDb(), ops, { size: 33 }))).toBe("INVALID_INPUT");
    expect(await codeOf(listOrders(testDb(), ops, { from: "2026-11-30", to: "2026-11-01" }))).toBe("INVALID_INPUT");
  });

  it("excludes test orders when asked", async () => {
    const ops = await actorFor("ops");
    const all = await listOrders(testDb(), ops, { size: 20 });
    const noTest = await listOrders(testDb(), ops, { includeTest: false, size: 20 });
    expect(noTest.total).toBe(all.total - (await testDb().order.count({ where: { isTest: true } })));
  });
});
