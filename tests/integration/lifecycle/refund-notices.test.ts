import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { handleAlipayNotify } from "../../../lib/integrations/payments/handle-alipay-notify";
import { handleWechatNotify } from "../../../lib/integrations/payments/handle-wechat-notify";
import { rematchParkedCallbacks } from "../../../lib/integrations/rematch-parked";
import { systemActor } from "../../../lib/lifecycle/order-actor";
import { flagForReview, release } from "../../../lib/lifecycle/control-actions";
import { requestRefund } from "../../../lib/lifecycle/refund-actions";
import { testDb } from "../helpers";
import { createTestOrder } from "./order-fixture";
import { alipayNotify, testPaymentConfig as pay, wechatRefundNotify } from "./peer-signing";

const ctx = (reason?: string) => ({ by: systemActor("test"), source: "CONSOLE" as const, idempotencyKey: randomUUID(), reason });
const refundId = () => `50300${Date.now()}${Math.floor(Math.random() * 1e6)}`;

/** An order in after-sale with one open refund of `refundFen` (paid `paidFen`, shipped before). */
async function afterSale(paidFen: number, refundFen: number) {
  const db = testDb();
  const o = await createTestOrder(db, { status: "SHIPPED", paidFen });
  const r = await requestRefund(db, o.id, ctx("买家退货"), { amountFen: refundFen });
  return { ...o, refundNo: String(r.refundNo) };
}
const state = async (orderId: string) => {
  const db = testDb();
  return {
    order: await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true, version: true, refundedFen: true } }),
    refunds: await db.refund.findMany({ where: { orderId }, select: { status: true, providerRefundId: true }, orderBy: { requestedAt: "asc" } }),
    log: await db.orderStatusLog.count({ where: { orderId } }),
  };
};

describe("WeChat Pay v3 refund notifications", () => {
  it("REFUND.SUCCESS completes the refund through the lifecycle; a redelivery changes nothing", async () => {
    const db = testDb();
    const o = await afterSale(10_000, 4_000);
    const id = refundId();
    const req = wechatRefundNotify({ outTradeNo: o.orderNo, outRefundNo: o.refundNo, refundId: id, refundFen: 4_000, totalFen: 10_000, status: "SUCCESS" });
    expect(await handleWechatNotify(db, pay.wechat, req)).toMatchObject({ outcome: "ACCEPTED", http: { status: 204 } });
    const after = await state(o.id);
    // Partial: back to the fulfilment status with the refund recorded.
    expect(after).toMatchObject({ order: { status: "SHIPPED", refundedFen: 4_000 }, refunds: [{ status: "COMPLETED", providerRefundId: `WECHAT:${id}` }], log: 2 });
    const last = await db.orderStatusLog.findFirstOrThrow({ where: { orderId: o.id }, orderBy: { id: "desc" } });
    expect(last).toMatchObject({ action: "completeRefund", source: "PAYMENT_NOTIFY", fromStatus: "AFTER_SALE", toStatus: "SHIPPED" });
    expect(await db.outboxEvent.count({ where: { orderId: o.id, eventType: "REFUND_COMPLETED" } })).toBe(1);
    expect(await handleWechatNotify(db, pay.wechat, req)).toMatchObject({ outcome: "DUPLICATE", http: { status: 204 } });
    expect(await state(o.id)).toEqual(after);
  });

  it("a full refund ends in REFUNDED", async () => {
    const db = testDb();
    const o = await afterSale(6_000, 6_000);
    const req = wechatRefundNotify({ outTradeNo: o.orderNo, outRefundNo: o.refundNo, refundId: refundId(), refundFen: 6_000, totalFen: 6_000, status: "SUCCESS" });
    expect(await handleWechatNotify(db, pay.wechat, req)).toMatchObject({ outcome: "ACCEPTED" });
    expect((await state(o.id)).order).toMatchObject({ status: "REFUNDED", refundedFen: 6_000 });
  });

  it("REFUND.CLOSED marks the refund failed and restores the order; ABNORMAL only alerts; a late notice is STALE", async () => {
    const db = testDb();
    const o = await afterSale(8_000, 8_000);
    const id = refundId();
    const abnormal = wechatRefundNotify({ outTradeNo: o.orderNo, outRefundNo: o.refundNo, refundId: id, refundFen: 8_000, totalFen: 8_000, status: "ABNORMAL" });
    expect(await handleWechatNotify(db, pay.wechat, abnormal)).toMatchObject({ outcome: "ACCEPTED" });
    expect(await state(o.id)).toMatchObject({ order: { status: "AFTER_SALE" }, refunds: [{ status: "REQUESTED" }] });
    expect(await db.orderAlert.count({ where: { orderId: o.id, kind: "RECONCILE_PAYMENT", detail: { path: ["why"], equals: "REFUND_ABNORMAL" } } })).toBe(1);

    const closed = wechatRefundNotify({ outTradeNo: o.orderNo, outRefundNo: o.refundNo, refundId: id, refundFen: 8_000, totalFen: 8_000, status: "CLOSED" });
    expect(await handleWechatNotify(db, pay.wechat, closed)).toMatchObject({ outcome: "ACCEPTED" });
    const after = await state(o.id);
    expect(after).toMatchObject({ order: { status: "SHIPPED", refundedFen: 0 }, refunds: [{ status: "FAILED", providerRefundId: `WECHAT:${id}` }] });
    const last = await db.orderStatusLog.findFirstOrThrow({ where: { orderId: o.id }, orderBy: { id: "desc" } });
    expect(last).toMatchObject({ action: "failRefund", toStatus: "SHIPPED" });
    expect(last.reason).toContain("退款关闭");
    expect(await db.orderAlert.count({ where: { orderId: o.id, detail: { path: ["why"], equals: "REFUND_FAILED" } } })).toBe(1);
    // ABNORMAL redelivered after the final CLOSED, and a SUCCESS for the same refund id: out of order, nothing changes.
    expect(await handleWechatNotify(db, pay.wechat, wechatRefundNotify({ outTradeNo: o.orderNo, outRefundNo: o.refundNo, refundId: id, refundFen: 8_000, totalFen: 8_000, status: "ABNORMAL" })))
      .toMatchObject({ outcome: "STALE", errorCode: "STALE_CALLBACK", http: { status: 204 } });
    expect(await handleWechatNotify(db, pay.wechat, wechatRefundNotify({ outTradeNo: o.orderNo, outRefundNo: o.refundNo, refundId: id, refundFen: 8_000, totalFen: 8_000, status: "SUCCESS" })))
      .toMatchObject({ outcome: "STALE" });
    expect(await state(o.id)).toEqual(after);
    // A new refund can be requested after the failed one.
    await requestRefund(db, o.id, ctx("重新退款"), { amountFen: 8_000 });
    expect((await state(o.id)).order.status).toBe("AFTER_SALE");
  });

  it("a different amount is reconciled, not applied; an unknown refund or order is parked and re-matched", async () => {
    const db = testDb();
    const o = await afterSale(9_000, 3_000);
    const wrong = wechatRefundNotify({ outTradeNo: o.orderNo, outRefundNo: o.refundNo, refundId: refundId(), refundFen: 2_000, totalFen: 9_000, status: "SUCCESS" });
    expect(await handleWechatNotify(db, pay.wechat, wrong)).toMatchObject({ outcome: "RECONCILED" });
    expect(await state(o.id)).toMatchObject({ order: { status: "AFTER_SALE", refundedFen: 0 }, refunds: [{ status: "REQUESTED" }] });
    expect(await db.orderAlert.count({ where: { orderId: o.id, detail: { path: ["why"], equals: "REFUND_AMOUNT_MISMATCH" } } })).toBe(1);

    // The refund notice overtakes the order (not synced yet): kept, parked, applied once the refund exists.
    const orderNo = `OHR${Date.now()}`;
    const id = refundId();
    const early = await handleWechatNotify(db, pay.wechat, wechatRefundNotify({ outTradeNo: orderNo, outRefundNo: "RF-PENDING", refundId: id, refundFen: 5_000, totalFen: 5_000, status: "SUCCESS" }));
    expect(early).toMatchObject({ outcome: "PARKED", http: { status: 204 } });
    const o2 = await createTestOrder(db, { status: "DELIVERED", paidFen: 5_000, orderNo });
    await requestRefund(db, o2.id, ctx("仅退款"), { amountFen: 5_000 });
    await db.refund.updateMany({ where: { orderId: o2.id }, data: { refundNo: "RF-PENDING" } }); // the number the provider was given
    await rematchParkedCallbacks(db, { payments: pay });
    expect(await state(o2.id)).toMatchObject({ order: { status: "REFUNDED", refundedFen: 5_000 }, refunds: [{ status: "COMPLETED", providerRefundId: `WECHAT:${id}` }] });
  });

  it("an order in review when the refund notice comes is parked, and applied after release", async () => {
    const db = testDb();
    const o = await afterSale(7_000, 7_000);
    await flagForReview(db, o.id, ctx("核对退款"));
    const req = wechatRefundNotify({ outTradeNo: o.orderNo, outRefundNo: o.refundNo, refundId: refundId(), refundFen: 7_000, totalFen: 7_000, status: "SUCCESS" });
    expect(await handleWechatNotify(db, pay.wechat, req)).toMatchObject({ outcome: "PARKED" });
    expect((await state(o.id)).order.status).toBe("NEEDS_REVIEW");
    await release(db, o.id, ctx());
    await rematchParkedCallbacks(db, { payments: pay });
    expect((await state(o.id)).order).toMatchObject({ status: "REFUNDED", refundedFen: 7_000 });
  });
});

describe("Alipay refund notifications", () => {
  it("a partial refund (TRADE_SUCCESS with refund_fee) then the rest (TRADE_CLOSED), each once", async () => {
    const db = testDb();
    const o = await afterSale(10_000, 3_000);
    const tradeNo = `2026113022001${Date.now()}`;
    const partial = alipayNotify({ outTradeNo: o.orderNo, tradeNo, totalAmount: "100.00", refund: { fee: "30.00", outBizNo: o.refundNo } });
    const r1 = await handleAlipayNotify(db, pay.alipay, partial);
    expect(r1).toMatchObject({ outcome: "ACCEPTED", http: { status: 200, body: "success" } });
    expect(await state(o.id)).toMatchObject({ order: { status: "SHIPPED", refundedFen: 3_000 }, refunds: [{ status: "COMPLETED", providerRefundId: `ALIPAY:${tradeNo}:3000` }] });
    expect(await handleAlipayNotify(db, pay.alipay, partial)).toMatchObject({ outcome: "DUPLICATE", http: { body: "success" } });

    // The rest, without out_biz_no: matched to the open refund by the cumulative amount.
    await requestRefund(db, o.id, ctx("再退剩余"), { amountFen: 7_000 });
    const full = alipayNotify({ outTradeNo: o.orderNo, tradeNo, totalAmount: "100.00", tradeStatus: "TRADE_CLOSED", refund: { fee: "100.00" } });
    expect(await handleAlipayNotify(db, pay.alipay, full)).toMatchObject({ outcome: "ACCEPTED" });
    const after = await state(o.id);
    expect(after.order).toMatchObject({ status: "REFUNDED", refundedFen: 10_000 });
    expect(after.refunds.map((r) => r.status)).toEqual(["COMPLETED", "COMPLETED"]);
    // The partial notice redelivered late: already applied.
    expect(await handleAlipayNotify(db, pay.alipay, partial)).toMatchObject({ outcome: "DUPLICATE" });
    expect(await state(o.id)).toEqual(after);
  });

  it("a bad signature or a malformed refund is refused with nothing applied", async () => {
    const db = testDb();
    const o = await afterSale(5_000, 5_000);
    const good = alipayNotify({ outTradeNo: o.orderNo, tradeNo: `2026113022002${Date.now()}`, totalAmount: "50.00", refund: { fee: "50.00", outBizNo: o.refundNo } });
    const forged = { ...good, rawBody: good.rawBody.replace("refund_fee=50.00", "refund_fee=5.00") };
    expect(await handleAlipayNotify(db, pay.alipay, forged)).toMatchObject({ outcome: "REJECTED", errorCode: "BAD_SIGNATURE" });
    const bad = alipayNotify({ outTradeNo: o.orderNo, tradeNo: `2026113022003${Date.now()}`, totalAmount: "50.00", refund: { fee: "5O.00", outBizNo: o.refundNo } });
    expect(await handleAlipayNotify(db, pay.alipay, bad)).toMatchObject({ outcome: "REJECTED", errorCode: "MALFORMED_CALLBACK" });
    expect(await state(o.id)).toMatchObject({ order: { status: "AFTER_SALE", refundedFen: 0 }, refunds: [{ status: "REQUESTED" }] });
  });
});
