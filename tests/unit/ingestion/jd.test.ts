import { describe, expect, it } from "vitest";
import { mapJdOrder } from "@/lib/ingestion/mappers";
import { err, expectBalanced, fixture, ok, utc } from "./helpers";

const j1 = () => fixture("jd-j1").jingdong_pop_order_get_responce.orderDetailInfo.orderInfo;
const j2 = () => fixture("jd-j2").jingdong_pop_order_search_responce.searchorderinfo_result.orderInfoList[0];

describe("JD J1 – one SKU, awaiting outbound", () => {
  const o = ok(mapJdOrder(fixture("jd-j1")));

  it("maps the get response", () => {
    expect(o).toMatchObject({
      platformOrderId: "285000000001",
      parentPlatformOrderId: null,
      platformStatus: "WAIT_SELLER_STOCK_OUT",
      status: "PAID",
      buyerKey: "demoOpenId0001",
      buyerNote: "周末送",
      sellerNote: null, // "" is unset
      placedAt: utc("2024-06-18T01:12:05Z"),
      paidAt: utc("2024-06-18T01:12:40Z"),
      completedAt: null, // orderEndTime 0001-01-01 00:00:00
      platformModifiedAt: utc("2024-06-18T01:12:41Z"),
      shipments: [],
    });
    expect(o.amounts).toEqual({ goodsFen: 12850, freightFen: 600, merchantDiscountFen: 1000, platformSubsidyFen: 0, couponFen: 0, adjustmentFen: 0, paidFen: 12450 });
    expect(o.items).toEqual([expect.objectContaining({ platformLineId: "100012345678", platformItemId: "100009876543", skuCode: "TS-RED-L", quantity: 1, unitPriceFen: 12850, discountFen: 1000, paidFen: 11850 })]);
    expect(o.payments).toEqual([{ provider: "PLATFORM", amountFen: 12450, paidAt: utc("2024-06-18T01:12:40Z") }]);
    expectBalanced(o);
  });

  it("keeps ciphertext and masked copies, never plain", () => {
    expect(o.receiver).toMatchObject({
      name: null, nameCipher: "AAS/ZGVtby1uYW1l", phone: null, phoneMasked: "138*******6", phoneIndex: "6d656d6f30303031",
      detail: null, detailCipher: "AAS/ZGVtby1hZGRy", province: "浙江", city: "杭州市", district: "西湖区", town: "西溪街道",
    });
  });
});

describe("JD J2 – split child order, two parcels, seller + platform discounts", () => {
  const o = ok(mapJdOrder(fixture("jd-j2")));

  it("maps the search response's only order", () => {
    expect(o).toMatchObject({ platformOrderId: "285000000777", parentPlatformOrderId: "285000000700", status: "SHIPPED", sellerNote: "分两包", buyerNote: null });
    expect(o.amounts).toEqual({ goodsFen: 45700, freightFen: 600, merchantDiscountFen: 3000, platformSubsidyFen: 2000, couponFen: 0, adjustmentFen: 0, paidFen: 41300 });
    expectBalanced(o);
  });

  it("gives the single-SKU promotion to its line and spreads the rest", () => {
    expect(o.items.map((i) => [i.skuCode, i.discountFen, i.paidFen])).toEqual([
      ["SHOE-42", 2000 + 2595, 35205],
      ["100012340012", 405, 5495], // empty outerSkuId → skuId
    ]);
    expect(o.items.reduce((s, i) => s + i.paidFen, 0)).toBe(41300 - 600);
  });

  it("one waybill field, two parcels", () => {
    expect(o.shipments).toEqual([
      { carrierCode: "jd:9999", trackingNo: "JDVA10000000001", shippedAt: utc("2024-06-19T10:05:00Z") },
      { carrierCode: "jd:9999", trackingNo: "JDVA10000000002", shippedAt: utc("2024-06-19T10:05:00Z") },
    ]);
  });
});

describe("JD status mapping", () => {
  it.each([
    ["WAIT_SELLER_STOCK_OUT", "PAID"],
    ["WAIT_SELLER_DELIVERY", "PAID"],
    ["WAIT_SEND_CODE", "PAID"],
    ["SEND_TO_DISTRIBUTION_CENER", "SHIPPED"],
    ["DISTRIBUTION_CENTER_RECEIVED", "SHIPPED"],
    ["WAIT_GOODS_RECEIVE_CONFIRM", "SHIPPED"],
    ["RECEIPTS_CONFIRM", "DELIVERED"],
    ["FINISHED_L", "COMPLETED"],
    ["TRADE_CANCELED", "REFUNDED"], // it had a real paymentConfirmTime
    ["LOCKED", "ON_HOLD"],
    ["PAUSE", "ON_HOLD"],
    ["POP_ORDER_PAUSE", "ON_HOLD"],
  ])("%s → %s", (native, canonical) => {
    const o = j1();
    o.orderState = native;
    expect(ok(mapJdOrder(o)).status).toBe(canonical);
  });

  it.each([
    ["unpaid (0001 sentinel)", { paymentConfirmTime: "0001-01-01 00:00:00" }, "CANCELLED"],
    ["unpaid (1970 sentinel)", { paymentConfirmTime: "1970-01-01 00:00:00" }, "CANCELLED"],
    ["cash on delivery", { payType: "1-货到付款" }, "CANCELLED"],
  ])("TRADE_CANCELED %s → %s", (_l, patch, canonical) => {
    const o = { ...j1(), orderState: "TRADE_CANCELED", ...patch };
    const m = ok(mapJdOrder(o));
    expect(m.status).toBe(canonical);
    expect(m.paidAt).toBeNull();
    expect(m.payments).toEqual([]);
  });

  it("LOCKED can be read as AFTER_SALE instead [✖]", () => {
    expect(ok(mapJdOrder({ ...j1(), orderState: "LOCKED" }, { jdLockedStatus: "AFTER_SALE" })).status).toBe("AFTER_SALE");
  });

  it.each(["WAIT_ALIENS", "toString", ""])("an unknown orderState %j → NEEDS_REVIEW with the raw value", (state) => {
    const o = ok(mapJdOrder({ ...j1(), orderState: state }));
    expect(o).toMatchObject({ status: "NEEDS_REVIEW", platformStatus: state });
    expect(o.reviewReason).toContain(`orderState=${state}`);
  });

  it("FINISHED_L takes orderEndTime as completion; a 1970 sentinel stays unset", () => {
    expect(ok(mapJdOrder({ ...j1(), orderState: "FINISHED_L", orderEndTime: "2024-06-25 12:00:00" })).completedAt).toEqual(utc("2024-06-25T04:00:00Z"));
    expect(ok(mapJdOrder({ ...j1(), orderState: "FINISHED_L", orderEndTime: "1970-01-01 00:00:00" })).completedAt).toBeNull();
  });
});

describe("JD amounts and shapes", () => {
  it("JD balance is money paid: paid = orderPayment + balanceUsed", () => {
    const o = ok(mapJdOrder({ ...j1(), orderPayment: "100.00", balanceUsed: "24.50" }));
    expect(o.amounts.paidFen).toBe(12450);
    expect(o.amounts.platformSubsidyFen).toBe(0);
    expectBalanced(o);
  });

  it("tax and service fees are adjustments, not discounts", () => {
    const o = ok(mapJdOrder({ ...j1(), taxFee: "3.20", serviceFee: "1.00", orderPayment: "128.70" }));
    expect(o.amounts).toMatchObject({ adjustmentFen: 420, platformSubsidyFen: 0, paidFen: 12870 });
    expectBalanced(o);
  });

  it("several carriers: | separates carriers, paired with logisticsId", () => {
    const o = ok(mapJdOrder({ ...j2(), waybill: "A1,A2|B1", logisticsId: "463|2087" }));
    expect(o.shipments.map((s) => `${s.carrierCode}/${s.trackingNo}`)).toEqual(["jd:463/A1", "jd:463/A2", "jd:2087/B1"]);
  });

  it("figures that disagree are stored as sent, with a warning", () => {
    const o = ok(mapJdOrder({ ...j1(), orderPayment: "130.00" })); // more than list price + freight
    expect(o.amounts.platformSubsidyFen).toBe(0);
    expect(o.warnings.join()).toMatch(/推算为负数|金额不平/);
  });
});

describe("JD errors", () => {
  it.each([
    ["orderPayment missing", "MISSING_FIELD", "orderPayment", (o: any) => delete o.orderPayment],
    ["amount with a comma", "INVALID_AMOUNT", "orderTotalPrice", (o: any) => (o.orderTotalPrice = "1,128.50")],
    ["float-looking amount with 3 decimals", "INVALID_AMOUNT", "freightPrice", (o: any) => (o.freightPrice = "6.005")],
    ["quantity not a number", "INVALID_PAYLOAD", "itemInfoList.0.itemTotal", (o: any) => (o.itemInfoList[0].itemTotal = "one")],
    ["start time garbage", "INVALID_TIME", "orderStartTime", (o: any) => (o.orderStartTime = "yesterday")],
    ["no items", "INVALID_PAYLOAD", "itemInfoList", (o: any) => (o.itemInfoList = [])],
  ])("%s → %s", (_l, code, field, mutate) => {
    const o = j1();
    mutate(o);
    expect(err(mapJdOrder(o))).toMatchObject({ code, field });
  });

  it.each([
    ["gateway error", { error_response: { code: "19", zh_desc: "token已过期" } }, "PLATFORM_ERROR"],
    ["apiResult.success \"false\"", { jingdong_pop_order_get_responce: { orderDetailInfo: { apiResult: { success: "false", chineseErrCode: "订单不存在" } } } }, "PLATFORM_ERROR"],
    ["two orders in one search page", { jingdong_pop_order_search_responce: { searchorderinfo_result: { apiResult: { success: true }, orderInfoList: [{}, {}] } } }, "MULTIPLE_ORDERS"],
  ])("%s → %s", (_l, payload, code) => {
    expect(err(mapJdOrder(payload)).code).toBe(code);
  });
});
