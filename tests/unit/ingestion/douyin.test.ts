import { describe, expect, it } from "vitest";
import { mapDouyinOrder } from "@/lib/ingestion/mappers";
import { err, expectBalanced, fixture, fixtureLossy, ok, utc } from "./helpers";

const normal = () => fixture("douyin-normal").data.shop_order_detail;
const tricky = () => fixture("douyin-tricky").data.shop_order_detail;

describe("Douyin normal – one line, shop coupon, awaiting shipment", () => {
  const o = ok(mapDouyinOrder(fixture("douyin-normal")));

  it("maps fen integers and unix seconds", () => {
    expect(o).toMatchObject({
      platformOrderId: "6930000000000000001",
      platformStatus: "order_status=2;main_status=2",
      status: "PAID",
      buyerKey: "1@#ZGVtby1vcGVuLWlk",
      placedAt: utc("2024-06-10T06:14:20Z"),
      paidAt: utc("2024-06-10T06:15:00Z"),
      shippedAt: null, // ship_time 0 = unset
      completedAt: null,
      platformModifiedAt: utc("2024-06-10T06:15:00Z"),
    });
    expect(o.amounts).toEqual({ goodsFen: 9980, freightFen: 0, merchantDiscountFen: 1000, platformSubsidyFen: 0, couponFen: 0, adjustmentFen: 0, paidFen: 8980 });
    expectBalanced(o);
  });

  it("keeps the 64-bit product_id exact, from the number or from product_id_str", () => {
    expect(o.items[0]).toMatchObject({ platformLineId: "6930000000000000001", platformItemId: "3660200000000000001", platformSkuId: "1780000000001", skuCode: "TEE-WHT-L", variant: "颜色:白色;尺码:L" });
    expect(ok(mapDouyinOrder(fixtureLossy("douyin-normal"))).items[0].platformItemId).toBe("3660200000000000001");
  });

  it("keeps Douyin ciphertext ($$…$1$$, ##…#1##) and masks", () => {
    expect(o.receiver).toMatchObject({
      name: null, nameMasked: "王*", nameCipher: "##<b64>*<b64>#1##", phone: null, phoneMasked: "138****5678", phoneCipher: "$$<b64>*<b64>$1$$",
      detail: null, detailCipher: "##<b64>*<b64>#1##", province: "浙江省", city: "杭州市", district: "西湖区", town: "西溪街道",
    });
  });
});

describe("Douyin tricky – one line shipped, the other refunded before shipment", () => {
  const o = ok(mapDouyinOrder(fixture("douyin-tricky")));

  it("a partial refund keeps SHIPPED and the original amounts", () => {
    expect(o.status).toBe("SHIPPED");
    expect(o.amounts).toEqual({ goodsFen: 20880, freightFen: 800, merchantDiscountFen: 1000, platformSubsidyFen: 2000, couponFen: 200, adjustmentFen: 0, paidFen: 18480 });
    expectBalanced(o);
  });

  it("children are lines; line paid excludes its freight share", () => {
    expect(o.items.map((i) => [i.platformLineId, i.paidFen, i.discountFen, i.refundStatus])).toEqual([
      ["6930000000000000101", 10916, 1984, undefined],
      ["6930000000000000102", 6764, 1216, "COMPLETED"],
    ]);
  });

  it("records the refunded child (7064 fen incl. its freight) as an estimate", () => {
    expect(o.refunds).toEqual([{ platformRefundId: "line:6930000000000000102", platformLineId: "6930000000000000102", amountFen: 7064, amountIsEstimate: true, status: "COMPLETED", requestedAt: utc("2024-06-10T07:13:20Z") }]);
  });

  it("one logistics_info entry per parcel, mapped to its lines", () => {
    expect(o.shipments).toEqual([{ carrierCode: "shunfeng", trackingNo: "SF0000000000001", shippedAt: utc("2024-06-10T06:30:00Z"), platformLineIds: ["6930000000000000101"] }]);
  });

  it("masked phone stays masked; empty district, street as town", () => {
    expect(o.receiver).toMatchObject({ phone: null, phoneMasked: "138****5678", nameMasked: "李**", city: "东莞市", district: null, town: "长安镇" });
  });

  it("a second parcel (split shipment) becomes a second shipment", () => {
    const d = tricky();
    d.logistics_info.push({ tracking_no: "YT9", company: "", company_name: "圆通速递", ship_time: 0, product_info: [{ sku_order_id: "6930000000000000101" }] });
    expect(ok(mapDouyinOrder(d)).shipments[1]).toEqual({ carrierCode: "yuantong", trackingNo: "YT9", shippedAt: utc("2024-06-10T06:30:00Z"), platformLineIds: ["6930000000000000101"] });
  });
});

describe("Douyin status mapping", () => {
  const cases: [string, (d: any) => void, string][] = [
    ["1 unpaid", (d) => Object.assign(d, { order_status: 1, main_status: 1, pay_time: 0 }), "PENDING_PAYMENT"],
    ["103 partly paid", (d) => Object.assign(d, { order_status: 103, main_status: 103 }), "PENDING_PAYMENT"],
    ["105 paid", (d) => Object.assign(d, { order_status: 105, main_status: 105 }), "PAID"],
    ["2 awaiting shipment", () => {}, "PAID"],
    ["101 partly shipped", (d) => Object.assign(d, { order_status: 101, main_status: 101 }), "SHIPPED"],
    ["3 shipped", (d) => Object.assign(d, { order_status: 3, main_status: 3 }), "SHIPPED"],
    ["3 + receipt time", (d) => { Object.assign(d, { order_status: 3, main_status: 3 }); d.sku_order_list[0].confirm_receipt_time = 1718300000; }, "DELIVERED"],
    ["5 completed", (d) => Object.assign(d, { order_status: 5, main_status: 5, finish_time: 1718400000 }), "COMPLETED"],
    ["4 + main 21 refunded", (d) => Object.assign(d, { order_status: 4, main_status: 21 }), "REFUNDED"],
    ["4 + main 39 refunded", (d) => Object.assign(d, { order_status: 4, main_status: 39 }), "REFUNDED"],
    ["4 never paid (pay_time 0)", (d) => Object.assign(d, { order_status: 4, main_status: 4, pay_time: 0 }), "CANCELLED"],
    ["4 all children refunded", (d) => { Object.assign(d, { order_status: 4, main_status: 4 }); d.sku_order_list[0].after_sale_info.refund_status = 3; }, "REFUNDED"],
    ["child refund applied", (d) => (d.sku_order_list[0].after_sale_info = { after_sale_status: 6, after_sale_type: 2, refund_status: 1 }), "AFTER_SALE"],
    ["child return in transit", (d) => (d.sku_order_list[0].after_sale_info = { after_sale_status: 7, after_sale_type: 0, refund_status: 0 }), "AFTER_SALE"],
    ["child refund rejected", (d) => (d.sku_order_list[0].after_sale_info = { after_sale_status: 27, after_sale_type: 2, refund_status: 4 }), "PAID"],
    ["unknown order_status", (d) => (d.order_status = 42), "NEEDS_REVIEW"],
    ["unknown main_status", (d) => (d.main_status = 77), "NEEDS_REVIEW"],
    ["unknown child after_sale_status", (d) => (d.sku_order_list[0].after_sale_info.after_sale_status = 99), "NEEDS_REVIEW"],
    ["unknown child refund_status", (d) => (d.sku_order_list[0].after_sale_info.refund_status = 9), "NEEDS_REVIEW"],
  ];
  it.each(cases)("%s → %s", (_l, mutate, canonical) => {
    const d = normal();
    mutate(d);
    const o = ok(mapDouyinOrder(d));
    expect(o.status).toBe(canonical);
    if (canonical === "NEEDS_REVIEW") expect(o.reviewReason).toMatch(/抖店/);
  });

  it("completedAt and deliveredAt come from their own fields", () => {
    expect(ok(mapDouyinOrder({ ...normal(), order_status: 5, main_status: 5, finish_time: 1718400000 })).completedAt).toEqual(new Date(1718400000 * 1000));
    const d = normal();
    Object.assign(d, { order_status: 3, main_status: 3 });
    d.sku_order_list[0].logistics_receipt_time = 1718300000;
    expect(ok(mapDouyinOrder(d)).deliveredAt).toEqual(new Date(1718300000 * 1000));
  });

  it("cash on delivery (pay_type 0) records no payment", () => {
    const o = ok(mapDouyinOrder({ ...normal(), pay_type: 0 }));
    expect(o.payments).toEqual([]);
    expect(o.paidAt).toBeNull();
  });
});

describe("Douyin errors", () => {
  it.each([
    ["amount in yuan by mistake", "INVALID_AMOUNT", "pay_amount", (d: any) => (d.pay_amount = 89.8)],
    ["time in milliseconds", "INVALID_TIME", "create_time", (d: any) => (d.create_time = 1718000060000)],
    ["create_time 0", "MISSING_FIELD", "create_time", (d: any) => (d.create_time = 0)],
    ["no children", "INVALID_PAYLOAD", "sku_order_list", (d: any) => (d.sku_order_list = [])],
    ["child pay_amount missing", "MISSING_FIELD", "sku_order_list.0.pay_amount", (d: any) => delete d.sku_order_list[0].pay_amount],
  ])("%s → %s", (_l, code, field, mutate) => {
    const d = normal();
    mutate(d);
    expect(err(mapDouyinOrder(d))).toMatchObject({ code, field });
  });

  it("a corrupted 64-bit product_id without product_id_str is refused", () => {
    const d = fixtureLossy("douyin-normal").data.shop_order_detail;
    delete d.sku_order_list[0].product_id_str;
    expect(err(mapDouyinOrder(d))).toMatchObject({ code: "INVALID_ID", field: "sku_order_list.0.product_id" });
  });

  it("fen amounts as numeric strings are fine", () => {
    expect(ok(mapDouyinOrder({ ...normal(), pay_amount: "8980" })).amounts.paidFen).toBe(8980);
  });

  it.each([
    ["API error", { code: 50002, msg: "业务处理失败", sub_msg: "订单不存在", data: {} }, "PLATFORM_ERROR"],
    ["a search page with two orders", { code: 10000, msg: "success", data: { shop_order_list: [{}, {}] } }, "MULTIPLE_ORDERS"],
  ])("%s → %s", (_l, payload, code) => {
    expect(err(mapDouyinOrder(payload)).code).toBe(code);
  });

  it("a search page with one order maps it", () => {
    expect(ok(mapDouyinOrder({ code: 10000, msg: "success", data: { shop_order_list: [normal()] } })).platformOrderId).toBe("6930000000000000001");
  });
});
