import { describe, expect, it } from "vitest";
import { evaluateRules } from "../../../lib/anomalies/evaluate-rules";
import { saveRule } from "../../../lib/anomalies/rule-settings";
import { RULE_CODES } from "../../../lib/anomalies/rules";
import { actorFor, testDb } from "../helpers";
import { minutesAgo, openFor, ruleOrder, runRule } from "./fixtures";

/** One test per default rule (SPEC §3): raises when it should, not when it should not, never twice. */
describe("rules library", () => {
  const db = testDb();

  async function expectRaisedOnce(code: Parameters<typeof runRule>[1], hit: string, miss: string, now?: Date) {
    const first = await runRule(db, code, [hit, miss], now);
    expect(first[0].raised).toBe(1);
    expect(await openFor(db, hit, code)).toHaveLength(1);
    expect(await openFor(db, miss, code)).toHaveLength(0);
    const again = await runRule(db, code, [hit, miss], now);
    expect(again[0].raised).toBe(0);
    expect(await openFor(db, hit, code)).toHaveLength(1);
  }

  it("ADDRESS_KEYWORD: 临时仓/代收点 in the address, unless whitelisted", async () => {
    const hit = await ruleOrder(db, { detail: "中山路 8 号菜鸟驿站代收点" });
    const miss = await ruleOrder(db, { detail: "中山路 8 号 3 幢" });
    await expectRaisedOnce("ADDRESS_KEYWORD", hit.id, miss.id);
    const listed = await ruleOrder(db, { detail: "公司临时仓（白名单）A 区" });
    const admin = await actorFor("admin");
    await saveRule(db, admin, { code: "ADDRESS_KEYWORD", enabled: true, severity: "LIGHT", params: { keywords: ["临时仓", "代收点"], whitelist: ["公司临时仓"] } });
    try {
      await runRule(db, "ADDRESS_KEYWORD", [listed.id]);
      expect(await openFor(db, listed.id)).toHaveLength(0);
    } finally {
      await saveRule(db, admin, { code: "ADDRESS_KEYWORD", enabled: true, severity: "LIGHT", params: { keywords: ["临时仓", "代收点"], whitelist: [] } });
    }
  });

  it("BUYER_BURST: more than 5 orders by one buyer within an hour raises one exception for the buyer", async () => {
    const nick = `burst-${Date.now()}`;
    const five = [];
    for (let i = 0; i < 5; i += 1) five.push(await ruleOrder(db, { buyerNick: nick, placedAt: minutesAgo(50 - i * 5) }));
    expect((await runRule(db, "BUYER_BURST", five.map((o) => o.id)))[0].raised).toBe(0);
    const sixth = await ruleOrder(db, { buyerNick: nick, placedAt: minutesAgo(1) });
    const ids = [...five, sixth].map((o) => o.id);
    expect((await runRule(db, "BUYER_BURST", ids))[0].raised).toBe(1);
    expect((await runRule(db, "BUYER_BURST", ids))[0].raised).toBe(0);
    const open = await db.orderException.findMany({ where: { ruleCode: "BUYER_BURST", orderId: { in: ids } } });
    expect(open).toHaveLength(1);
    expect(open[0].detail).toMatchObject({ orders: 6 });
  });

  it("LOW_STOCK: available below the safety stock while reserved; closes itself when stock arrives", async () => {
    const wh = await db.warehouse.findFirstOrThrow({ select: { id: true } });
    const sku = `SKU-LOW-${Date.now()}`;
    const other = `SKU-OK-${Date.now()}`;
    await db.stockLevel.createMany({ data: [{ warehouseId: wh.id, skuCode: sku, onHand: 8, reserved: 3 }, { warehouseId: wh.id, skuCode: other, onHand: 80, reserved: 3 }] });
    await evaluateRules(db, { only: ["LOW_STOCK"] });
    const key = (s: string) => `LOW_STOCK:${wh.id}/${s}`;
    expect(await db.orderException.count({ where: { dedupeKey: key(sku) } })).toBe(1);
    expect(await db.orderException.count({ where: { dedupeKey: key(other) } })).toBe(0);
    expect((await evaluateRules(db, { only: ["LOW_STOCK"] }))[0].raised).toBe(0);
    await db.stockLevel.update({ where: { warehouseId_skuCode: { warehouseId: wh.id, skuCode: sku } }, data: { onHand: 100 } });
    await evaluateRules(db, { only: ["LOW_STOCK"] });
    const closed = await db.orderException.findFirstOrThrow({ where: { ruleCode: "LOW_STOCK", detail: { path: ["skuCode"], equals: sku } } });
    expect(closed).toMatchObject({ status: "AUTO_CLOSED", closeReason: "STOCK_ARRIVED", dedupeKey: null });
  });

  it("PAID_NOT_PUSHED: paid 30 minutes ago and still PAID", async () => {
    const hit = await ruleOrder(db, { paidAt: minutesAgo(31) });
    const miss = await ruleOrder(db, { paidAt: minutesAgo(5) });
    await expectRaisedOnce("PAID_NOT_PUSHED", hit.id, miss.id);
  });

  it("PAID_NOT_SHIPPED: paid 2 hours ago, not shipped (PAID or PUSHED_TO_WMS), severe", async () => {
    const hit = await ruleOrder(db, { status: "PUSHED_TO_WMS", paidAt: minutesAgo(121) });
    const miss = await ruleOrder(db, { status: "SHIPPED", paidAt: minutesAgo(300) });
    await expectRaisedOnce("PAID_NOT_SHIPPED", hit.id, miss.id);
    expect((await openFor(db, hit.id, "PAID_NOT_SHIPPED"))[0].severity).toBe("SEVERE");
  });

  it("NO_LOGISTICS: shipped 48 h ago without a logistics update", async () => {
    const hit = await ruleOrder(db, { status: "SHIPPED" });
    const miss = await ruleOrder(db, { status: "SHIPPED" });
    await db.shipment.create({ data: { orderId: hit.id, carrierCode: "ZTO", trackingNo: `NL${Date.now()}1`, shippedAt: minutesAgo(49 * 60) } });
    await db.shipment.create({ data: { orderId: miss.id, carrierCode: "ZTO", trackingNo: `NL${Date.now()}2`, shippedAt: minutesAgo(49 * 60), lastEventAt: minutesAgo(60) } });
    await expectRaisedOnce("NO_LOGISTICS", hit.id, miss.id);
  });

  it("LOGISTICS_MISMATCH: the delivering area is outside the receiver's province", async () => {
    const hit = await ruleOrder(db, { status: "SHIPPED", province: "浙江省" });
    const miss = await ruleOrder(db, { status: "SHIPPED", province: "浙江省" });
    for (const [o, area] of [[hit, "广东省深圳市"], [miss, "浙江杭州市西湖区"]] as const) {
      const s = await db.shipment.create({ data: { orderId: o.id, carrierCode: "SF", trackingNo: `LM${Date.now()}${o.orderNo.slice(-4)}`, shippedAt: minutesAgo(600) } });
      await db.shipmentEvent.create({ data: { shipmentId: s.id, eventAt: minutesAgo(30), context: "派件中", statusCode: "5", areaName: area } });
    }
    await expectRaisedOnce("LOGISTICS_MISMATCH", hit.id, miss.id);
  });

  it("HIGH_VALUE_BAD_ADDRESS: ¥2,000 or more with an incomplete or pick-up address, severe", async () => {
    const hit = await ruleOrder(db, { paidFen: 300_000, addressIncomplete: true });
    const miss = await ruleOrder(db, { paidFen: 300_000 });
    await expectRaisedOnce("HIGH_VALUE_BAD_ADDRESS", hit.id, miss.id);
  });

  it("LOW_PRICE_APPROVAL: paid below ¥10 (or 20 % of the goods) needs an approval and holds the order", async () => {
    const hit = await ruleOrder(db, { paidFen: 1_000, goodsFen: 19_900 });
    const miss = await ruleOrder(db, { paidFen: 15_000, goodsFen: 19_900 });
    await expectRaisedOnce("LOW_PRICE_APPROVAL", hit.id, miss.id);
    expect(await db.orderApproval.findMany({ where: { orderId: hit.id }, select: { kind: true, status: true } })).toEqual([{ kind: "LOW_PRICE", status: "PENDING" }]);
    expect((await db.order.findUniqueOrThrow({ where: { id: hit.id } })).status).toBe("ON_HOLD");
    expect((await db.order.findUniqueOrThrow({ where: { id: miss.id } })).status).toBe("PAID");
  });

  it("HIGH_AMOUNT_APPROVAL: above ¥5,000 needs the regional manager", async () => {
    const hit = await ruleOrder(db, { paidFen: 500_001 });
    const miss = await ruleOrder(db, { paidFen: 500_000 });
    await expectRaisedOnce("HIGH_AMOUNT_APPROVAL", hit.id, miss.id);
    expect(await db.orderApproval.findFirst({ where: { orderId: hit.id } })).toMatchObject({ kind: "HIGH_AMOUNT", region: "华东", status: "PENDING" });
  });

  it("PAYMENT_NOT_APPLIED: a payment is linked but the order is still unpaid", async () => {
    const hit = await ruleOrder(db, { status: "PENDING_PAYMENT" });
    const miss = await ruleOrder(db, { status: "PENDING_PAYMENT" });
    await db.payment.create({ data: { payNo: `PNA${Date.now()}`, orderId: hit.id, provider: "WECHAT", providerTxnId: `wx-pna-${Date.now()}`, amountFen: 12_800, paidAt: minutesAgo(10), createdAt: minutesAgo(10) } });
    await expectRaisedOnce("PAYMENT_NOT_APPLIED", hit.id, miss.id);
  });

  it("PAYMENT_STATUS_LAG: a payment notice 2 minutes ago and the status has not moved", async () => {
    const hit = await ruleOrder(db, { status: "PENDING_PAYMENT" });
    const miss = await ruleOrder(db, { status: "PENDING_PAYMENT" });
    await db.inboundRequest.create({ data: { source: "WECHAT_PAY", headers: {}, body: "{}", outcome: "PARKED", orderId: hit.id, receivedAt: minutesAgo(3) } });
    await db.inboundRequest.create({ data: { source: "WECHAT_PAY", headers: {}, body: "{}", outcome: "PARKED", orderId: miss.id, receivedAt: minutesAgo(1) } });
    await expectRaisedOnce("PAYMENT_STATUS_LAG", hit.id, miss.id);
  });

  it("a disabled rule raises nothing", async () => {
    const admin = await actorFor("admin");
    const o = await ruleOrder(db, { paidAt: minutesAgo(40) });
    await saveRule(db, admin, { code: "PAID_NOT_PUSHED", enabled: false, severity: "LIGHT", params: {} });
    try {
      expect(await runRule(db, "PAID_NOT_PUSHED", [o.id])).toEqual([]);
      expect(await openFor(db, o.id)).toHaveLength(0);
    } finally {
      await saveRule(db, admin, { code: "PAID_NOT_PUSHED", enabled: true, severity: "LIGHT", params: {} });
    }
  });

  it("the scheduled scan runs every rule in one pass and repeats without duplicates", async () => {
    const first = await evaluateRules(db);
    expect(first.map((r) => r.code).sort()).toEqual([...RULE_CODES].sort());
    const dupes = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM (SELECT rule_code, order_id FROM order_exceptions WHERE status IN ('OPEN', 'CLAIMED') AND order_id IS NOT NULL
      AND rule_code <> 'BUYER_BURST' GROUP BY 1, 2 HAVING count(*) > 1) d`;
    expect(dupes[0].n).toBe(0);
    expect((await evaluateRules(db)).reduce((s, r) => s + r.raised, 0)).toBe(0);
  });
});
