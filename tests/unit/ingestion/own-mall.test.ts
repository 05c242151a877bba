import { describe, expect, it } from "vitest";
import { mapOwnMallOrder, ownMallOrderSchema } from "@/lib/ingestion/mappers";
import { err, expectBalanced, fixture, ok, utc } from "./helpers";

describe("own mall – the hub's own JSON", () => {
  const o = ok(mapOwnMallOrder(fixture("own-mall-paid")));

  it("maps the documented example", () => {
    expect(o).toMatchObject({
      platformOrderId: "M202406180001",
      platformStatus: "PAID",
      status: "PAID",
      buyerNick: "小李",
      buyerKey: "U10086",
      buyerNote: "请开发票",
      placedAt: utc("2024-06-18T01:12:05Z"),
      paidAt: utc("2024-06-18T01:12:40Z"),
      platformModifiedAt: utc("2024-06-18T01:12:41Z"),
    });
    expect(o.receiver).toMatchObject({ name: "李雷", phone: "13812345678", phoneMasked: null, province: "浙江省", district: "西湖区", detail: "文三路 100 号" });
    expect(o.payments).toEqual([{ provider: "WECHAT", providerTxnId: "4200000000202406180000000001", amountFen: 14930, paidAt: utc("2024-06-18T01:12:40Z") }]);
  });

  it("line discounts + order discount are the merchant's; coupons apart; order-level spread over lines", () => {
    expect(o.amounts).toEqual({ goodsFen: 16830, freightFen: 600, merchantDiscountFen: 1500, platformSubsidyFen: 0, couponFen: 1000, adjustmentFen: 0, paidFen: 14930 });
    expect(o.items.map((i) => [i.platformLineId, i.discountFen, i.paidFen])).toEqual([["1", 1000 + 1123, 10727], ["2", 377, 3603]]);
    expect(o.items.reduce((s, i) => s + i.paidFen, 0)).toBe(14930 - 600);
    expectBalanced(o);
  });

  it("a partial refund keeps the status and the amounts", () => {
    const p = fixture("own-mall-paid");
    Object.assign(p, { status: "SHIPPED", refunds: [{ refundNo: "R1", lineNo: "2", amount: "36.03", status: "COMPLETED", reason: "少发一双", requestedAt: "2024-06-19T10:00:00+08:00" }] });
    const m = ok(mapOwnMallOrder(p));
    expect(m.status).toBe("SHIPPED");
    expect(m.amounts.paidFen).toBe(14930);
    expect(m.refunds).toEqual([{ platformRefundId: "R1", platformLineId: "2", amountFen: 3603, amountIsEstimate: false, status: "COMPLETED", reason: "少发一双", requestedAt: utc("2024-06-19T02:00:00Z") }]);
  });

  it("split shipment: one entry per parcel, carrier names normalised", () => {
    const p = fixture("own-mall-paid");
    Object.assign(p, {
      status: "SHIPPED",
      shipments: [
        { carrierCode: "shunfeng", trackingNo: "SF1", shippedAt: "2024-06-19T10:00:00+08:00", lineNos: ["1"] },
        { carrierCode: "中通快递", trackingNo: "ZT2", shippedAt: "2024-06-20T02:00:00Z", lineNos: ["2"] },
      ],
    });
    expect(ok(mapOwnMallOrder(p)).shipments).toEqual([
      { carrierCode: "shunfeng", trackingNo: "SF1", shippedAt: utc("2024-06-19T02:00:00Z"), platformLineIds: ["1"] },
      { carrierCode: "zhongtong", trackingNo: "ZT2", shippedAt: utc("2024-06-20T02:00:00Z"), platformLineIds: ["2"] },
    ]);
  });

  it.each([
    ["an unknown status", "SHIPPING_SOON"],
    ["a hub-internal status", "PUSHED_TO_WMS"],
  ])("%s → NEEDS_REVIEW with the raw value", (_l, status) => {
    const m = ok(mapOwnMallOrder({ ...fixture("own-mall-paid"), status }));
    expect(m).toMatchObject({ status: "NEEDS_REVIEW", platformStatus: status });
    expect(m.reviewReason).toContain(status);
  });

  it("a masked phone sent by mistake stays masked", () => {
    const p = fixture("own-mall-paid");
    p.receiver.phone = "138****5678";
    expect(ok(mapOwnMallOrder(p)).receiver).toMatchObject({ phone: null, phoneMasked: "138****5678" });
  });

  it.each([
    ["zone-less time", "createdAt", (p: any) => (p.createdAt = "2024-06-18 09:12:05")],
    ["time without offset", "updatedAt", (p: any) => (p.updatedAt = "2024-06-18T09:12:41")],
    ["amount as a number", "amounts.paid", (p: any) => (p.amounts.paid = 149.3)],
    ["three decimals", "items.0.unitPrice", (p: any) => (p.items[0].unitPrice = "128.505")],
    ["quantity 0", "items.0.quantity", (p: any) => (p.items[0].quantity = 0)],
    ["unknown payment provider", "payments.0.provider", (p: any) => (p.payments[0].provider = "PAYPAL")],
  ])("rejects %s (INVALID_PAYLOAD at %s)", (_l, field, mutate) => {
    const p = fixture("own-mall-paid");
    mutate(p);
    expect(err(mapOwnMallOrder(p))).toMatchObject({ code: "INVALID_PAYLOAD", field });
  });

  it.each([
    ["orderNo", (p: any) => delete p.orderNo],
    ["amounts.paid", (p: any) => delete p.amounts.paid],
    ["receiver", (p: any) => delete p.receiver],
  ])("missing %s → MISSING_FIELD", (field, mutate) => {
    const p = fixture("own-mall-paid");
    mutate(p);
    expect(err(mapOwnMallOrder(p))).toMatchObject({ code: "MISSING_FIELD", field });
  });

  it("paid that does not add up is stored as sent, with a warning", () => {
    const m = ok(mapOwnMallOrder({ ...fixture("own-mall-paid"), amounts: { freight: "6.00", paid: "100.00" } }));
    expect(m.amounts.paidFen).toBe(10000);
    expect(m.warnings[0]).toMatch(/金额不平/);
  });

  it("the schema can describe itself for the OpenAPI document", async () => {
    const { z } = await import("zod");
    const json = z.toJSONSchema(ownMallOrderSchema, { io: "input" }) as { required: string[]; properties: Record<string, { description?: string }> };
    expect(json.required).toEqual(expect.arrayContaining(["orderNo", "status", "createdAt", "updatedAt", "receiver", "items", "amounts"]));
    expect(json.properties.orderNo.description).toMatch(/幂等/);
  });
});
