import { describe, expect, it } from "vitest";
import { receivePush } from "../../../lib/ingestion/push/receive-push";
import { testDb } from "../helpers";
import { mallOrder, OWN_MALL, signed } from "./push-fixtures";

const sku = `RT-${process.pid}-${Date.now()}`;
const push = async (body: unknown) => {
  const s = signed(body);
  return receivePush(testDb(), OWN_MALL.id, s.raw, { xSignature: s.signature });
};
const order = (over: Record<string, unknown> = {}) =>
  mallOrder({ items: [{ skuCode: sku, title: "测试库存商品", quantity: 1, unitPrice: "10.00" }], amounts: { paid: "10.00" }, payments: [], buyerNote: undefined, ...over });

describe("routing and stock reservation", () => {
  it("never oversells: 30 parallel paid orders for 10 in stock route 10 and leave 20 unrouted with a reason", async () => {
    const db = testDb();
    await db.stockLevel.create({ data: { warehouseId: "WH_HZ", skuCode: sku, onHand: 10 } });
    const orders = Array.from({ length: 30 }, () => order());
    const res = await Promise.all(orders.map((o) => push(o)));
    expect(res.every((r) => r.status === 200)).toBe(true);
    const ids = (await db.order.findMany({ where: { platformOrderId: { in: orders.map((o) => o.orderNo) } }, select: { id: true } })).map((o) => o.id);
    const routings = await db.orderRouting.findMany({ where: { orderId: { in: ids } } });
    expect(routings).toHaveLength(30);
    expect(routings.filter((r) => r.status === "ROUTED" && r.warehouseId === "WH_HZ")).toHaveLength(10);
    const unrouted = routings.filter((r) => r.status === "UNROUTED");
    expect(unrouted).toHaveLength(20);
    expect(unrouted[0].reason).toContain(`库存不足：WH_HZ 缺 ${sku}`);
    expect(await db.stockLevel.findUniqueOrThrow({ where: { warehouseId_skuCode: { warehouseId: "WH_HZ", skuCode: sku } } })).toMatchObject({ onHand: 10, reserved: 10 });
  });

  it("routes by region first, then falls back; a SKU-prefix rule can send a category elsewhere", async () => {
    const db = testDb();
    const s2 = `${sku}-B`;
    await db.stockLevel.createMany({ data: [{ warehouseId: "WH_GZ", skuCode: s2, onHand: 1 }, { warehouseId: "WH_HZ", skuCode: s2, onHand: 5 }, { warehouseId: "WH_CD", skuCode: s2, onHand: 5 }] });
    const south = (n: number) => order({ receiver: { name: "陈", phone: "13700000000", province: "广东省", city: "广州市", district: "天河区", detail: `体育西路 ${n} 号` }, items: [{ skuCode: s2, title: "商品", quantity: 1, unitPrice: "10.00" }] });
    const a = south(1);
    const b = south(2);
    await push(a);
    await push(b);
    const route = async (no: string) => db.orderRouting.findFirstOrThrow({ where: { order: { platformOrderId: no } } });
    expect(await route(a.orderNo)).toMatchObject({ status: "ROUTED", warehouseId: "WH_GZ" });
    expect(await route(b.orderNo)).toMatchObject({ status: "ROUTED", warehouseId: "WH_HZ" }); // 广州仓 empty → fallback 杭州仓

    const rule = await db.routingRule.create({ data: { priority: 10, kind: "SKU_PREFIX", matchValue: s2, warehouseId: "WH_CD" } });
    try {
      const c = south(3);
      await push(c);
      expect(await route(c.orderNo)).toMatchObject({ status: "ROUTED", warehouseId: "WH_CD" });
    } finally {
      await db.routingRule.delete({ where: { id: rule.id } });
    }
  });

  it("does not route unpaid orders, and routes them once they are paid", async () => {
    const db = testDb();
    const s3 = `${sku}-C`;
    await db.stockLevel.create({ data: { warehouseId: "WH_HZ", skuCode: s3, onHand: 3 } });
    const o = order({ status: "PENDING_PAYMENT", paidAt: undefined, items: [{ skuCode: s3, title: "商品", quantity: 2, unitPrice: "10.00" }], amounts: { paid: "20.00" } });
    await push(o);
    expect(await db.orderRouting.count({ where: { order: { platformOrderId: o.orderNo } } })).toBe(0);
    await push({ ...o, status: "PAID", paidAt: "2026-11-20T10:00:00+08:00", updatedAt: "2026-11-20T10:00:01+08:00" });
    expect(await db.orderRouting.findFirstOrThrow({ where: { order: { platformOrderId: o.orderNo } } })).toMatchObject({ status: "ROUTED", warehouseId: "WH_HZ" });
    expect((await db.stockLevel.findUniqueOrThrow({ where: { warehouseId_skuCode: { warehouseId: "WH_HZ", skuCode: s3 } } })).reserved).toBe(2);
  });
});
