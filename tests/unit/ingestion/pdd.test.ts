import { describe, expect, it } from "vitest";
import { mapPddOrder } from "@/lib/ingestion/mappers";
import { err, expectBalanced, fixture, ok, utc } from "./helpers";

const normal = () => fixture("pdd-normal").order_info_get_response.order_info;
const tricky = () => fixture("pdd-tricky").order_info_get_response.order_info;
const refundRow = () => fixture("pdd-tricky-refund");

describe("PDD normal – awaiting shipment", () => {
  const o = ok(mapPddOrder(fixture("pdd-normal")));

  it("maps status from four fields and keeps them all raw", () => {
    expect(o.status).toBe("PAID");
    expect(o.platformStatus).toBe("order_status=1;confirm_status=1;group_status=1;refund_status=1;risk_control_status=0;after_sales_status=0");
  });

  it("converts JSON float yuan exactly (79.8 − 8 = 71.8)", () => {
    expect(o.amounts).toEqual({ goodsFen: 7980, freightFen: 0, merchantDiscountFen: 500, platformSubsidyFen: 300, couponFen: 0, adjustmentFen: 0, paidFen: 7180 });
    expect(o.items).toEqual([expect.objectContaining({ platformLineId: "1234567890123", platformItemId: "512345678901", skuCode: "TEE-WHT-L", variant: "白色,L", quantity: 2, unitPriceFen: 3990, discountFen: 800, paidFen: 7180 })]);
    expectBalanced(o);
  });

  it("\"\" times are unset", () => {
    expect(o).toMatchObject({ placedAt: utc("2024-06-10T06:13:02Z"), paidAt: utc("2024-06-10T06:13:09Z"), shippedAt: null, deliveredAt: null, platformModifiedAt: utc("2024-06-10T06:13:20Z") });
  });

  it("keeps ciphertext and *_mask copies; `town` is the district", () => {
    expect(o.receiver).toMatchObject({
      name: null, nameMasked: "王*", nameCipher: "<ciphertext>", phone: null, phoneMasked: "1381234****", phoneCipher: "<ciphertext>",
      detail: null, detailMasked: "文三路***号", detailCipher: "<ciphertext>", province: "浙江省", city: "杭州市", district: "西湖区", town: null,
    });
  });
});

describe("PDD tricky – group order, two parcels, return in progress", () => {
  it("refund_status=2 → AFTER_SALE; amounts unchanged", () => {
    const o = ok(mapPddOrder(fixture("pdd-tricky")));
    expect(o.status).toBe("AFTER_SALE");
    expect(o.amounts).toEqual({ goodsFen: 7650, freightFen: 600, merchantDiscountFen: 250, platformSubsidyFen: 1000, couponFen: 0, adjustmentFen: 0, paidFen: 7000 });
    expectBalanced(o);
  });

  it("first parcel in tracking_number, the rest in extra_delivery_list", () => {
    const o = ok(mapPddOrder(fixture("pdd-tricky")));
    expect(o.shipments).toEqual([
      { carrierCode: "pdd:85", trackingNo: "YT0000000000001", shippedAt: utc("2024-06-11T08:20:00Z") },
      { carrierCode: "pdd:85", trackingNo: "YT0000000000002", shippedAt: utc("2024-06-11T08:20:00Z") },
    ]);
  });

  it("a phone masked in the main field stays masked; Dongguan has no district", () => {
    const o = ok(mapPddOrder(fixture("pdd-tricky")));
    expect(o.receiver).toMatchObject({ phone: null, phoneMasked: "1387654****", phoneCipher: null, name: null, city: "东莞市", district: null });
  });

  it("records refund rows (yuan strings) without touching the order's amounts", () => {
    const o = ok(mapPddOrder(fixture("pdd-tricky"), { pddRefunds: [refundRow()] }));
    expect(o.refunds).toEqual([{ platformRefundId: "9123456789", platformLineId: "1300000000001", amountFen: 2133, amountIsEstimate: false, status: "REQUESTED", requestedAt: utc("2024-06-13T02:02:33Z") }]);
    expect(o.amounts.paidFen).toBe(7000);
  });
});

describe("PDD status mapping (first match wins)", () => {
  const cases: [string, Record<string, unknown>, string, object?][] = [
    ["deal cancelled", { confirm_status: 2 }, "CANCELLED"],
    ["group failed", { group_status: 2, refund_status: 4 }, "CANCELLED"],
    ["refunding", { refund_status: 3 }, "AFTER_SALE"],
    ["after-sale beats risk hold", { refund_status: 2, risk_control_status: 1 }, "AFTER_SALE"],
    ["risk review: do not ship", { risk_control_status: 1 }, "ON_HOLD"],
    ["group still forming", { group_status: 0 }, "ON_HOLD"],
    ["deal not confirmed", { confirm_status: 0 }, "ON_HOLD"],
    ["shipped", { order_status: 2 }, "SHIPPED"],
    ["received, not confirmed", { order_status: 3 }, "DELIVERED"],
    ["received and confirmed", { order_status: 3, receive_time: "2024-06-14 10:00:00" }, "COMPLETED"],
    ["refunded, no refund rows", { refund_status: 4 }, "NEEDS_REVIEW"],
    ["refunded, assumed full [U]", { refund_status: 4 }, "REFUNDED", { pddRefundedWithoutRows: "REFUNDED" }],
    ["refunded in full", { refund_status: 4 }, "REFUNDED", { pddRefunds: [{ id: 1, after_sales_status: 10, refund_amount: "71.80" }] }],
    ["partly refunded keeps shipping state", { refund_status: 4, order_status: 2 }, "SHIPPED", { pddRefunds: [{ id: 1, after_sales_status: 10, refund_amount: "20.00" }] }],
    ["unknown order_status", { order_status: 9 }, "NEEDS_REVIEW"],
    ["unknown refund_status", { refund_status: 7 }, "NEEDS_REVIEW"],
    ["unknown after-sale row status", {}, "NEEDS_REVIEW", { pddRefunds: [{ id: 1, after_sales_status: 99, refund_amount: "1.00" }] }],
  ];
  it.each(cases)("%s → %s", (_l, patch, canonical, options) => {
    const o = ok(mapPddOrder({ ...normal(), ...patch }, options));
    expect(o.status).toBe(canonical);
    if (canonical === "NEEDS_REVIEW") expect(o.reviewReason).toBeTruthy();
  });

  it("a partial refund is recorded, the original amounts stay", () => {
    const o = ok(mapPddOrder({ ...normal(), refund_status: 4 }, { pddRefunds: [{ id: "77", after_sales_status: 10, refund_amount: "20.00", sku_id: "1234567890123" }] }));
    expect(o.status).toBe("PAID");
    expect(o.refunds).toEqual([expect.objectContaining({ platformRefundId: "77", amountFen: 2000, status: "COMPLETED", amountIsEstimate: false })]);
    expect(o.amounts.paidFen).toBe(7180);
  });

  it("exchange rows move no money and are not refunds", () => {
    const o = ok(mapPddOrder(normal(), { pddRefunds: [{ id: 5, after_sales_type: 4, after_sales_status: 3, refund_amount: "0.00" }] }));
    expect(o.refunds).toEqual([]);
  });
});

describe("PDD money as floats", () => {
  it.each([
    ["0.1 + 0.2", 0.1 + 0.2, 30],
    ["79.8 − 8", 79.8 - 8, 7180],
    ["19.99 × 3 computed upstream", 19.99 * 3, 5997],
    ["1.15", 1.15, 115],
    ["a yuan string", "71.80", 7180],
    ["an integer", 72, 7200],
  ])("pay_amount %s → %d fen", (_l, value, fen) => {
    expect(ok(mapPddOrder({ ...normal(), pay_amount: value })).amounts.paidFen).toBe(fen);
  });

  it("prices with floats add up exactly over lines", () => {
    const o = ok(mapPddOrder({
      ...normal(),
      goods_amount: 0.3, seller_discount: 0, platform_discount: 0, discount_amount: 0, postage: 0, pay_amount: 0.1 + 0.2,
      item_list: [{ sku_id: 1, goods_name: "a", goods_price: 0.1, goods_count: 1 }, { sku_id: 2, goods_name: "b", goods_price: 0.2, goods_count: 1 }],
    }));
    expect(o.items.map((i) => i.paidFen)).toEqual([10, 20]);
    expectBalanced(o);
  });

  it("a seller price change shows as an adjustment", () => {
    const o = ok(mapPddOrder({ ...normal(), goods_amount: 75.8, order_change_amount: 4, discount_amount: 8, pay_amount: 67.8 }));
    expect(o.amounts).toMatchObject({ goodsFen: 7980, adjustmentFen: -400, paidFen: 6780 });
    expectBalanced(o);
  });
});

describe("PDD errors and options", () => {
  it.each([
    ["three decimals", "INVALID_AMOUNT", "pay_amount", { pay_amount: 12.345 }],
    ["NaN-ish string", "INVALID_AMOUNT", "postage", { postage: "abc" }],
    ["pay_amount missing", "MISSING_FIELD", "pay_amount", { pay_amount: undefined }],
    ["bad time", "INVALID_TIME", "pay_time", { pay_time: "2024-06-10T14:13:09" + "Z" }],
    ["order_status missing", "MISSING_FIELD", "order_status", { order_status: undefined }],
  ])("%s → %s", (_l, code, field, patch) => {
    expect(err(mapPddOrder({ ...normal(), ...patch }))).toMatchObject({ code, field });
  });

  it("refund rows of another order are refused", () => {
    expect(err(mapPddOrder(normal(), { pddRefunds: [refundRow()] }))).toMatchObject({ code: "INVALID_PAYLOAD", field: "pddRefunds.0.order_sn" });
  });

  it("a refund row without an amount names the field", () => {
    expect(err(mapPddOrder(normal(), { pddRefunds: [{ id: 1, after_sales_status: 10 }] }))).toMatchObject({ code: "MISSING_FIELD", field: "pddRefunds.0.refund_amount" });
  });

  it("capital_free_discount is platform-funded unless configured [U]", () => {
    const o = { ...normal(), capital_free_discount: 1, discount_amount: 9, pay_amount: 70.8 };
    expect(ok(mapPddOrder(o)).amounts).toMatchObject({ platformSubsidyFen: 400, merchantDiscountFen: 500 });
    expect(ok(mapPddOrder(o, { pddCapitalFreeFundedBy: "merchant" })).amounts).toMatchObject({ platformSubsidyFen: 300, merchantDiscountFen: 600 });
  });

  it("a plain phone (sent before shipment) is kept as plain", () => {
    expect(ok(mapPddOrder({ ...normal(), receiver_phone: "13812345678" })).receiver).toMatchObject({ phone: "13812345678", phoneMasked: "1381234****", phoneCipher: null });
  });

  it("an error response is a PLATFORM_ERROR", () => {
    expect(err(mapPddOrder({ error_response: { error_code: 10019, error_msg: "access_token已过期" } })).code).toBe("PLATFORM_ERROR");
  });
});
