import { describe, expect, it } from "vitest";
import { mapTaobaoOrder } from "@/lib/ingestion/mappers";
import { err, expectBalanced, fixture, fixtureLossy, fixtureText, ok, utc } from "./helpers";

/** The trade object inside a fresh copy of a sample, for mutation. */
const trade = (name: "taobao-t1" | "taobao-t2") => fixture(name).trade_fullinfo_get_response.trade;

describe("Taobao T1 – one line, paid, awaiting shipment", () => {
  const o = ok(mapTaobaoOrder(fixture("taobao-t1")));

  it("maps ids, status and times (zone-less = UTC+8)", () => {
    expect(o).toMatchObject({
      platformOrderId: "2100000000000000001",
      platformStatus: "WAIT_SELLER_SEND_GOODS",
      status: "PAID",
      buyerNick: "t**1",
      buyerKey: "AAFdemoUid001",
      buyerNote: "周末送",
      placedAt: utc("2024-06-18T01:12:05Z"),
      paidAt: utc("2024-06-18T01:12:40Z"),
      platformModifiedAt: utc("2024-06-18T01:12:41Z"),
      shippedAt: null,
    });
    expect(o.reviewReason).toBeUndefined();
  });

  it("converts yuan strings to fen exactly", () => {
    expect(o.amounts).toEqual({ goodsFen: 12850, freightFen: 600, merchantDiscountFen: 1000, platformSubsidyFen: 0, couponFen: 0, adjustmentFen: 0, paidFen: 12450 });
    expect(o.items).toEqual([expect.objectContaining({ platformLineId: "2100000000000000001", platformItemId: "700000000001", skuCode: "TS-RED-L", variant: "颜色:红;尺码:L", quantity: 1, unitPriceFen: 12850, discountFen: 1000, paidFen: 11850 })]);
    expect(o.payments).toEqual([{ provider: "ALIPAY", amountFen: 12450, paidAt: utc("2024-06-18T01:12:40Z") }]);
    expectBalanced(o);
  });

  it("keeps masked PII masked and never invents plain values", () => {
    expect(o.receiver).toMatchObject({ name: null, nameMasked: "李**", phone: null, phoneMasked: "*******1234", detail: null, detailMasked: "文**路**号", decryptRef: "1demoOaid001", province: "浙江省", city: "杭州市", district: "西湖区", town: "西溪街道" });
  });
});

describe("Taobao T2 – split order discount, platform coupon, split shipment, partial refund", () => {
  const o = ok(mapTaobaoOrder(fixture("taobao-t2")));

  it("splits discounts by payer and keeps the original paid amount", () => {
    expect(o.amounts).toEqual({ goodsFen: 50790, freightFen: 800, merchantDiscountFen: 7500, platformSubsidyFen: 1200, couponFen: 0, adjustmentFen: 0, paidFen: 42890 });
    expect(o.items.map((i) => i.paidFen)).toEqual([32552, 5446, 4092]); // divide_order_fee, not line payment
    expect(o.items.reduce((s, i) => s + i.paidFen, 0)).toBe(42890 - 800);
    expectBalanced(o);
  });

  it("an open line refund makes the order AFTER_SALE; the refunded line is recorded apart", () => {
    expect(o.status).toBe("AFTER_SALE");
    expect(o.items.map((i) => i.refundStatus)).toEqual([undefined, "COMPLETED", "REQUESTED"]);
    expect(o.refunds).toEqual([
      { platformRefundId: "180000000000000001", platformLineId: "2100000000000000779", amountFen: 5446, amountIsEstimate: true, status: "COMPLETED", requestedAt: utc("2024-06-20T00:30:12Z") },
      { platformRefundId: "line:2100000000000000780", platformLineId: "2100000000000000780", amountFen: 4092, amountIsEstimate: true, status: "REQUESTED", requestedAt: utc("2024-06-20T00:30:12Z") },
    ]);
  });

  it("takes shipments from the shipped lines (invoice_no is the tracking number)", () => {
    expect(o.shipments).toEqual([{ carrierCode: "zhongtong", trackingNo: "73500000000001", shippedAt: utc("2024-06-19T02:00:00Z"), platformLineIds: ["2100000000000000778"] }]);
    expect(o.shippedAt).toEqual(utc("2024-06-19T02:00:00Z"));
  });

  it("Dongguan has no district", () => {
    expect(o.receiver).toMatchObject({ province: "广东省", city: "东莞市", district: null, town: "南城街道" });
  });
});

describe("Taobao status mapping", () => {
  it.each([
    ["TRADE_NO_CREATE_PAY", "PENDING_PAYMENT"],
    ["WAIT_BUYER_PAY", "PENDING_PAYMENT"],
    ["PAY_PENDING", "PENDING_PAYMENT"],
    ["WAIT_PRE_AUTH_CONFIRM", "PENDING_PAYMENT"],
    ["PAID_FORBID_CONSIGN", "ON_HOLD"],
    ["WAIT_SELLER_SEND_GOODS", "PAID"],
    ["SELLER_CONSIGNED_PART", "SHIPPED"],
    ["WAIT_BUYER_CONFIRM_GOODS", "SHIPPED"],
    ["TRADE_BUYER_SIGNED", "DELIVERED"],
    ["TRADE_FINISHED", "COMPLETED"],
    ["TRADE_CLOSED", "CANCELLED"], // closed but the line was not refunded
    ["TRADE_CLOSED_BY_TAOBAO", "CANCELLED"],
  ])("%s → %s", (native, canonical) => {
    const t = trade("taobao-t1");
    t.status = native;
    expect(ok(mapTaobaoOrder(t)).status).toBe(canonical);
  });

  it("TRADE_CLOSED with every line refunded → REFUNDED; amounts unchanged", () => {
    const t = trade("taobao-t1");
    Object.assign(t, { status: "TRADE_CLOSED", end_time: "2024-06-19 10:00:00" });
    Object.assign(t.orders.order[0], { status: "TRADE_CLOSED", refund_status: "SUCCESS", payment: "0.00" });
    const o = ok(mapTaobaoOrder(t));
    expect(o.status).toBe("REFUNDED");
    expect(o.amounts.paidFen).toBe(12450);
    expect(o.refunds).toEqual([expect.objectContaining({ status: "COMPLETED", amountFen: 11850 })]);
  });

  it.each([
    ["WAIT_SELLER_AGREE", "AFTER_SALE"],
    ["WAIT_BUYER_RETURN_GOODS", "AFTER_SALE"],
    ["WAIT_SELLER_CONFIRM_GOODS", "AFTER_SALE"],
    ["SELLER_REFUSE_BUYER", "AFTER_SALE"],
    ["CLOSED", "PAID"],
    ["NO_REFUND", "PAID"],
  ])("line refund_status %s on a paid trade → %s", (refund, canonical) => {
    const t = trade("taobao-t1");
    t.orders.order[0].refund_status = refund;
    expect(ok(mapTaobaoOrder(t)).status).toBe(canonical);
  });

  it.each([
    ["status", (t: any) => (t.status = "TRADE_TELEPORTED"), /TRADE_TELEPORTED/],
    ["status named like an Object method", (t: any) => (t.status = "constructor"), /constructor/],
    ["line status", (t: any) => (t.orders.order[0].status = "LINE_LOST"), /LINE_LOST/],
    ["line refund_status", (t: any) => (t.orders.order[0].refund_status = "WAIT_PLATFORM"), /WAIT_PLATFORM/],
  ])("unknown %s → NEEDS_REVIEW with the raw value kept", (_f, mutate, reason) => {
    const t = trade("taobao-t1");
    mutate(t);
    const o = ok(mapTaobaoOrder(t));
    expect(o.status).toBe("NEEDS_REVIEW");
    expect(o.reviewReason).toMatch(reason);
    expect(o.platformStatus).toBe(t.status);
  });
});

describe("Taobao payload variants", () => {
  it("reads 19-digit tid/oid from numbers when *_str is absent (lossless parse)", () => {
    const t = trade("taobao-t2");
    delete t.tid_str;
    for (const l of t.orders.order) delete l.oid_str;
    const o = ok(mapTaobaoOrder(t));
    expect(o.platformOrderId).toBe("2100000000000000777");
    expect(o.items.map((i) => i.platformLineId)).toEqual(["2100000000000000778", "2100000000000000779", "2100000000000000780"]);
  });

  it("prefers tid_str over an already corrupted number", () => {
    expect(ok(mapTaobaoOrder(fixtureLossy("taobao-t2"))).platformOrderId).toBe("2100000000000000777");
  });

  it("refuses a corrupted 19-digit number with no *_str", () => {
    const t = fixtureLossy("taobao-t1").trade_fullinfo_get_response.trade;
    delete t.tid_str;
    expect(err(mapTaobaoOrder(t))).toMatchObject({ code: "INVALID_ID", field: "tid" });
  });

  it("accepts a 聚石塔 jdp_tb_trade row (jdp_response is the fullinfo JSON as text, big ids unquoted)", () => {
    const row = { tid: "2100000000000000001", status: "WAIT_SELLER_SEND_GOODS", jdp_response: fixtureText("taobao-t1") };
    delete (row as { tid?: string }).tid; // the row's own columns do not matter
    const o = ok(mapTaobaoOrder(row));
    expect(o.platformOrderId).toBe("2100000000000000001");
    expect(o.amounts.paidFen).toBe(12450);
  });

  it("accepts simplify-style unwrapped lists", () => {
    const t = trade("taobao-t2");
    t.orders = t.orders.order;
    t.promotion_details = t.promotion_details.promotion_detail;
    expect(ok(mapTaobaoOrder({ trade: t })).amounts.platformSubsidyFen).toBe(1200);
  });

  it("county-level city (济源): district used as city", () => {
    const t = trade("taobao-t1");
    Object.assign(t, { receiver_state: "河南省", receiver_city: "", receiver_district: "济源市" });
    expect(ok(mapTaobaoOrder(t)).receiver).toMatchObject({ province: "河南省", city: "济源市", district: null });
  });

  it("groups lines shipped in one parcel and keeps parcels apart (split shipment)", () => {
    const t = trade("taobao-t2");
    Object.assign(t.orders.order[2], { refund_status: "NO_REFUND", consign_time: "2024-06-20 08:00:00", logistics_company: "顺丰速运", invoice_no: "SF100" });
    Object.assign(t.orders.order[1], { consign_time: "2024-06-19 10:00:00", logistics_company: "中通快递", invoice_no: "73500000000001" });
    const o = ok(mapTaobaoOrder(t));
    expect(o.status).toBe("SHIPPED"); // no refund open any more
    expect(o.shipments).toEqual([
      { carrierCode: "zhongtong", trackingNo: "73500000000001", shippedAt: utc("2024-06-19T02:00:00Z"), platformLineIds: ["2100000000000000778", "2100000000000000779"] },
      { carrierCode: "shunfeng", trackingNo: "SF100", shippedAt: utc("2024-06-20T00:00:00Z"), platformLineIds: ["2100000000000000780"] },
    ]);
  });

  it("derives line adjustments from total_fee, whatever the sign convention of adjust_fee", () => {
    const t = trade("taobao-t1"); // re-priced down by 3.50: total 115.00, paid 121.00
    Object.assign(t.orders.order[0], { adjust_fee: "3.50", total_fee: "115.00", divide_order_fee: "115.00" });
    t.payment = "121.00";
    const o = ok(mapTaobaoOrder(t));
    expect(o.amounts.adjustmentFen).toBe(-350);
    expectBalanced(o);
  });

  it("can take the platform subsidy from platform_subsidy_fee instead [✖]", () => {
    const t = trade("taobao-t2");
    t.promotion_details = [];
    expect(ok(mapTaobaoOrder(t)).amounts.platformSubsidyFen).toBe(0);
    expect(ok(mapTaobaoOrder(t, { taobaoSubsidySource: "platformSubsidyFee" })).amounts.platformSubsidyFen).toBe(1200);
  });
});

describe("Taobao errors", () => {
  it.each([
    ["payment missing", "MISSING_FIELD", "payment", (t: any) => delete t.payment],
    ["payment not a yuan amount", "INVALID_AMOUNT", "payment", (t: any) => (t.payment = "12.3.4")],
    ["more than 2 decimals", "INVALID_AMOUNT", "post_fee", (t: any) => (t.post_fee = "6.001")],
    ["negative paid", "INVALID_AMOUNT", "payment", (t: any) => (t.payment = "-1.00")],
    ["line price missing", "MISSING_FIELD", "orders.order.0.price", (t: any) => delete t.orders.order[0].price],
    ["quantity zero", "INVALID_PAYLOAD", "orders.order.0.num", (t: any) => (t.orders.order[0].num = 0)],
    ["slashed date", "INVALID_TIME", "created", (t: any) => (t.created = "2024/06/18 09:12:05")],
    ["impossible date", "INVALID_TIME", "pay_time", (t: any) => (t.pay_time = "2024-02-30 10:00:00")],
    ["modified missing", "MISSING_FIELD", "modified", (t: any) => delete t.modified],
    ["no lines", "INVALID_PAYLOAD", "orders", (t: any) => (t.orders.order = [])],
  ])("%s → %s", (_label, code, field, mutate) => {
    const t = trade("taobao-t1");
    mutate(t);
    expect(err(mapTaobaoOrder(t))).toMatchObject({ code, field });
  });

  it("an error response is a PLATFORM_ERROR with the platform's message", () => {
    const r = err(mapTaobaoOrder({ error_response: { code: 27, msg: "Invalid session", sub_msg: "会话已过期" } }));
    expect(r).toMatchObject({ code: "PLATFORM_ERROR" });
    expect(r.message).toContain("会话已过期");
  });

  it("not an object at all", () => {
    expect(err(mapTaobaoOrder("hello")).code).toBe("INVALID_PAYLOAD");
  });
});
