import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { handleKuaidi100Push } from "../../../lib/integrations/logistics/handle-kuaidi100-push";
import { handleAlipayNotify } from "../../../lib/integrations/payments/handle-alipay-notify";
import { handleWechatNotify } from "../../../lib/integrations/payments/handle-wechat-notify";
import { rematchParkedCallbacks } from "../../../lib/integrations/rematch-parked";
import { handleWmsCallback } from "../../../lib/integrations/wms/handle-wms-callback";
import { fakeShipmentCallback } from "../../../lib/integrations/wms/fake-wms";
import { signWms } from "../../../lib/integrations/wms/wms-config";
import { testDb } from "../helpers";
import { createTestOrder } from "./order-fixture";
import { alipayNotify, kuaidi100Push, testPaymentConfig as pay, wechatNotify } from "./peer-signing";

const WMS = { secret: "test-wms-secret" };
const SALT = "test-salt";
const txnId = () => `42000${Date.now()}${Math.floor(Math.random() * 1e6)}`;
const inbound = (id?: string) => testDb().inboundRequest.findFirstOrThrow({ where: id ? { id } : {}, orderBy: { receivedAt: "desc" } });
const snapshot = async (orderId: string) => {
  const db = testDb();
  return {
    order: await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true, version: true } }),
    log: await db.orderStatusLog.count({ where: { orderId } }),
    payments: await db.payment.count({ where: { orderId } }),
    shipments: await db.shipment.count({ where: { orderId } }),
  };
};

describe("WeChat Pay v3 notify", () => {
  it("marks the order paid, links a PayNo, answers 204, and dedupes a redelivery", async () => {
    const db = testDb();
    const o = await createTestOrder(db, { status: "PENDING_PAYMENT", paidFen: 12_800 });
    const req = wechatNotify({ outTradeNo: o.orderNo, transactionId: txnId(), totalFen: 12_800 });
    const first = await handleWechatNotify(db, pay.wechat, req);
    expect(first).toMatchObject({ outcome: "ACCEPTED", http: { status: 204 } });
    const payment = await db.payment.findFirstOrThrow({ where: { orderId: o.id } });
    expect(payment).toMatchObject({ provider: "WECHAT", amountFen: 12_800 });
    expect(payment.payNo).toMatch(/^PY\d{16}$/);
    const after = await snapshot(o.id);
    expect(after.order.status).toBe("PAID");
    const again = await handleWechatNotify(db, pay.wechat, req);
    expect(again).toMatchObject({ outcome: "DUPLICATE", http: { status: 204 } });
    expect(await snapshot(o.id)).toEqual(after);
    expect((await db.orderStatusLog.findFirstOrThrow({ where: { orderId: o.id } })).source).toBe("PAYMENT_NOTIFY");
  });

  it("refuses a bad signature, a stale timestamp and a malformed body — raw request kept, nothing applied", async () => {
    const db = testDb();
    const o = await createTestOrder(db, { status: "PENDING_PAYMENT" });
    const before = await snapshot(o.id);
    const good = wechatNotify({ outTradeNo: o.orderNo, transactionId: txnId(), totalFen: 12_800 });
    const forged = { ...good, rawBody: good.rawBody.replace("TRANSACTION.SUCCESS", "TRANSACTION.SUCCESS ") };
    const r1 = await handleWechatNotify(db, pay.wechat, forged);
    expect(r1).toMatchObject({ outcome: "REJECTED", errorCode: "BAD_SIGNATURE", http: { status: 401 } });
    expect(JSON.parse(r1.http.body)).toEqual({ code: "FAIL", message: "失败" });
    expect((await inbound()).body).toBe(forged.rawBody);
    const old = wechatNotify({ outTradeNo: o.orderNo, transactionId: txnId(), totalFen: 12_800 }, { timestamp: Math.floor(Date.now() / 1000) - 3600 });
    expect(await handleWechatNotify(db, pay.wechat, old)).toMatchObject({ errorCode: "BAD_SIGNATURE" });
    const wrongKey = { ...pay.wechat, apiV3Key: "X".repeat(32) };
    expect(await handleWechatNotify(db, wrongKey, good)).toMatchObject({ outcome: "REJECTED", errorCode: "MALFORMED_CALLBACK", http: { status: 400 } });
    expect(await snapshot(o.id)).toEqual(before);
  });

  it("RECONCILE_PAYMENT: a payment for an order that is not waiting for it is kept, linked and alerted, not failed", async () => {
    const db = testDb();
    const shipped = await createTestOrder(db, { status: "SHIPPED", paidFen: 5_000 });
    const r = await handleWechatNotify(db, pay.wechat, wechatNotify({ outTradeNo: shipped.orderNo, transactionId: txnId(), totalFen: 5_000 }));
    expect(r).toMatchObject({ outcome: "RECONCILED", http: { status: 204 } });
    expect((await snapshot(shipped.id)).order.status).toBe("SHIPPED");
    expect(await db.orderAlert.count({ where: { kind: "RECONCILE_PAYMENT", orderId: shipped.id } })).toBe(1);
    // Wrong amount on a pending order: kept, order flagged for review with the reason.
    const pending = await createTestOrder(db, { status: "PENDING_PAYMENT", paidFen: 5_000 });
    await handleWechatNotify(db, pay.wechat, wechatNotify({ outTradeNo: pending.orderNo, transactionId: txnId(), totalFen: 4_000 }));
    const log = await db.orderStatusLog.findFirstOrThrow({ where: { orderId: pending.id } });
    expect(log).toMatchObject({ toStatus: "NEEDS_REVIEW", action: "flagForReview" });
    expect(log.reason).toContain("RECONCILE_PAYMENT");
  });

  it("parks a payment for an unknown order and links it when the order appears", async () => {
    const db = testDb();
    const orderNo = `OHP${Date.now()}`;
    const id = txnId();
    const r = await handleWechatNotify(db, pay.wechat, wechatNotify({ outTradeNo: orderNo, transactionId: id, totalFen: 12_800 }));
    expect(r).toMatchObject({ outcome: "PARKED", http: { status: 204 } });
    expect(await db.payment.findFirst({ where: { providerTxnId: id } })).toMatchObject({ orderId: null });
    const o = await createTestOrder(db, { status: "PENDING_PAYMENT", orderNo });
    // The re-match job runs the kept request again (its configured keys: here the test keys).
    const parked = await db.inboundRequest.findFirstOrThrow({ where: { outcome: "PARKED", dedupeKey: `WECHAT:${id}` } });
    const again = await handleWechatNotify(db, pay.wechat, { headers: parked.headers as Record<string, string>, rawBody: parked.body }, { inboundId: parked.id });
    expect(again.outcome).toBe("ACCEPTED");
    expect((await inbound(parked.id)).outcome).toBe("ACCEPTED");
    expect(await db.payment.findFirst({ where: { providerTxnId: id } })).toMatchObject({ orderId: o.id });
    expect((await snapshot(o.id)).order.status).toBe("PAID");
  });
});

describe("Alipay notify", () => {
  it("answers exactly `success`, marks paid once, and refuses a tampered body with `failure`", async () => {
    const db = testDb();
    const o = await createTestOrder(db, { status: "PENDING_PAYMENT", paidFen: 12_850 });
    const req = alipayNotify({ outTradeNo: o.orderNo, tradeNo: `2026${Date.now()}`, totalAmount: "128.50" });
    expect(await handleAlipayNotify(db, pay.alipay, req)).toMatchObject({ outcome: "ACCEPTED", http: { status: 200, body: "success" } });
    expect(await handleAlipayNotify(db, pay.alipay, req)).toMatchObject({ outcome: "DUPLICATE", http: { body: "success" } });
    const tampered = { ...req, rawBody: req.rawBody.replace("total_amount=128.50", "total_amount=1.00") };
    expect(await handleAlipayNotify(db, pay.alipay, tampered)).toMatchObject({ outcome: "REJECTED", errorCode: "BAD_SIGNATURE", http: { status: 400, body: "failure" } });
    expect(await handleAlipayNotify(db, pay.alipay, { headers: {}, rawBody: "%%%not a form" })).toMatchObject({ errorCode: "BAD_SIGNATURE" });
    const s = await snapshot(o.id);
    expect(s).toMatchObject({ order: { status: "PAID" }, payments: 1, log: 1 });
  });
});

describe("WMS shipment callback", () => {
  const signed = (body: string) => ({ rawBody: body, headers: { "x-signature": signWms(WMS.secret, body) } });

  it("confirms the shipment once; a redelivery and a new message id for the same parcel change nothing", async () => {
    const db = testDb();
    const o = await createTestOrder(db, { status: "PUSHED_TO_WMS" });
    const cb = fakeShipmentCallback(WMS.secret, { deliveryOrderCode: o.orderNo });
    const req = { rawBody: cb.body, headers: { "x-signature": cb.signature } };
    const first = await handleWmsCallback(db, WMS, req);
    expect(first).toMatchObject({ outcome: "ACCEPTED", http: { status: 200 } });
    expect(JSON.parse(first.http.body)).toMatchObject({ flag: "success" });
    const after = await snapshot(o.id);
    expect(after).toMatchObject({ order: { status: "SHIPPED" }, shipments: 1, log: 1 });
    expect(await handleWmsCallback(db, WMS, req)).toMatchObject({ outcome: "DUPLICATE" });
    const resent = JSON.parse(cb.body);
    resent.outBizCode = "CONF-RESENT";
    expect(await handleWmsCallback(db, WMS, signed(JSON.stringify(resent)))).toMatchObject({ outcome: "DUPLICATE" });
    expect(await snapshot(o.id)).toEqual(after);
  });

  it("records every package of a multi-package confirmation as its own shipment, idempotent on redelivery", async () => {
    const db = testDb();
    const o = await createTestOrder(db, { status: "PUSHED_TO_WMS" });
    const nu = `79${Date.now()}`;
    const body = {
      deliveryOrderCode: o.orderNo, outBizCode: `CONF-${nu}-1`, status: "PARTDELIVERED", confirmType: 1, orderConfirmTime: "2026-11-30 16:20:05",
      packages: [
        { logisticsCode: "ZTO", expressCode: `${nu}1`, items: [{ itemCode: "SKU-TEA-250G", quantity: 1 }] },
        { logisticsCode: "SF", expressCode: `SF${nu}2`, items: [{ itemCode: "SKU-TEA-250G", quantity: "1" }] },
      ],
    };
    expect(await handleWmsCallback(db, WMS, signed(JSON.stringify(body)))).toMatchObject({ outcome: "ACCEPTED" });
    const shipments = await db.shipment.findMany({ where: { orderId: o.id }, orderBy: { trackingNo: "asc" }, select: { carrierCode: true, trackingNo: true, items: true, shippedAt: true } });
    expect(shipments).toEqual([
      { carrierCode: "ZTO", trackingNo: `${nu}1`, items: [{ skuCode: "SKU-TEA-250G", quantity: 1 }], shippedAt: new Date("2026-11-30T08:20:05Z") },
      { carrierCode: "SF", trackingNo: `SF${nu}2`, items: [{ skuCode: "SKU-TEA-250G", quantity: 1 }], shippedAt: new Date("2026-11-30T08:20:05Z") },
    ].sort((a, b) => a.trackingNo.localeCompare(b.trackingNo)));
    const after = await snapshot(o.id);
    expect(after).toMatchObject({ order: { status: "SHIPPED" }, shipments: 2, log: 1 });
    // Redelivered (same message id), and re-sent under a new message id: nothing new.
    expect(await handleWmsCallback(db, WMS, signed(JSON.stringify(body)))).toMatchObject({ outcome: "DUPLICATE" });
    expect(await handleWmsCallback(db, WMS, signed(JSON.stringify({ ...body, outBizCode: `CONF-${nu}-1b` })))).toMatchObject({ outcome: "DUPLICATE" });
    expect(await snapshot(o.id)).toEqual(after);
    // The final confirmation brings one more parcel: recorded, no second status change.
    const final = { ...body, outBizCode: `CONF-${nu}-2`, status: "DELIVERED", confirmType: 0, packages: [...body.packages, { logisticsCode: "ZTO", expressCode: `${nu}3` }] };
    expect(await handleWmsCallback(db, WMS, signed(JSON.stringify(final)))).toMatchObject({ outcome: "ACCEPTED" });
    expect(await snapshot(o.id)).toMatchObject({ order: { status: "SHIPPED", version: after.order.version }, shipments: 3, log: 1 });
    // A parcel of another order is refused and nothing of the message is applied.
    const other = await createTestOrder(db, { status: "PUSHED_TO_WMS" });
    const clash = { ...body, deliveryOrderCode: other.orderNo, outBizCode: `CONF-${nu}-X`, packages: [{ logisticsCode: "ZTO", expressCode: `${nu}9` }, body.packages[0]] };
    expect(await handleWmsCallback(db, WMS, signed(JSON.stringify(clash)))).toMatchObject({ outcome: "REJECTED", errorCode: "TRACKING_IN_USE", http: { status: 409 } });
    expect(await snapshot(other.id)).toMatchObject({ order: { status: "PUSHED_TO_WMS" }, shipments: 0, log: 0 });
  });

  it("bad signature → 401 BAD_SIGNATURE; malformed → 400 MALFORMED_CALLBACK; no tracking → TRACKING_REQUIRED; nothing applied", async () => {
    const db = testDb();
    const o = await createTestOrder(db, { status: "PUSHED_TO_WMS" });
    const before = await snapshot(o.id);
    const cb = fakeShipmentCallback(WMS.secret, { deliveryOrderCode: o.orderNo });
    expect(await handleWmsCallback(db, WMS, { rawBody: cb.body, headers: { "x-signature": "0".repeat(64) } })).toMatchObject({ errorCode: "BAD_SIGNATURE", http: { status: 401 } });
    expect(await handleWmsCallback(db, WMS, signed("{not json"))).toMatchObject({ errorCode: "MALFORMED_CALLBACK", http: { status: 400 } });
    expect(await handleWmsCallback(db, WMS, signed(JSON.stringify({ deliveryOrderCode: o.orderNo })))).toMatchObject({ errorCode: "MALFORMED_CALLBACK" });
    const noPkg = { ...JSON.parse(cb.body), packages: [] };
    expect(await handleWmsCallback(db, WMS, signed(JSON.stringify(noPkg)))).toMatchObject({ errorCode: "TRACKING_REQUIRED" });
    expect(await snapshot(o.id)).toEqual(before);
    const kept = await db.inboundRequest.count({ where: { source: "WMS_CALLBACK", body: { contains: o.orderNo } } });
    expect(kept).toBe(3);
  });

  it("parks a callback for an unknown order (acknowledged), and the re-match job applies it once the order exists", async () => {
    const db = testDb();
    const orderNo = `OHW${Date.now()}`;
    const cb = fakeShipmentCallback(WMS.secret, { deliveryOrderCode: orderNo });
    const r = await handleWmsCallback(db, WMS, { rawBody: cb.body, headers: { "x-signature": cb.signature } });
    expect(r).toMatchObject({ outcome: "PARKED", http: { status: 200 } });
    expect(await db.orderAlert.count({ where: { kind: "ORPHAN_CALLBACK", alertKey: { contains: orderNo } } })).toBe(1);
    const o = await createTestOrder(db, { status: "PUSHED_TO_WMS", orderNo });
    process.env.WMS_SECRET = WMS.secret;
    try {
      const out = await rematchParkedCallbacks(db);
      expect(out.outcomes.ACCEPTED).toBeGreaterThanOrEqual(1);
    } finally {
      delete process.env.WMS_SECRET;
    }
    expect((await snapshot(o.id)).order.status).toBe("SHIPPED");
  });
});

describe("快递100 logistics push", () => {
  const ship = async () => {
    const db = testDb();
    const o = await createTestOrder(db, { status: "PUSHED_TO_WMS" });
    const nu = `ZT${randomUUID().replaceAll("-", "").slice(0, 12)}`;
    const cb = fakeShipmentCallback(WMS.secret, { deliveryOrderCode: o.orderNo }, nu);
    await handleWmsCallback(db, WMS, { rawBody: cb.body, headers: { "x-signature": cb.signature } });
    return { o, nu };
  };
  const transit = { ftime: "2026-11-30 10:00:00", context: "[杭州市] 快件已揽收" };
  const signedOff = { ftime: "2026-12-01 09:30:00", context: "[杭州市] 快件已签收，签收人：本人" };

  it("stores the trace on the shipment, replaces it with newer snapshots, and 签收 moves the order to DELIVERED", async () => {
    const db = testDb();
    const { o, nu } = await ship();
    const r1 = await handleKuaidi100Push(db, SALT, kuaidi100Push(SALT, { com: "zhongtong", nu, state: "0", data: [transit] }));
    expect(r1).toMatchObject({ outcome: "ACCEPTED", http: { status: 200 } });
    expect(JSON.parse(r1.http.body)).toEqual({ result: true, returnCode: "200", message: "成功" });
    const r2 = await handleKuaidi100Push(db, SALT, kuaidi100Push(SALT, { com: "zhongtong", nu, state: "3", data: [signedOff, transit] }));
    expect(r2.outcome).toBe("ACCEPTED");
    const s = await db.shipment.findFirstOrThrow({ where: { trackingNo: nu } });
    expect(s.lastEvent).toContain("签收");
    expect(await db.shipmentEvent.count({ where: { shipmentId: s.id } })).toBe(2);
    const order = await db.order.findUniqueOrThrow({ where: { id: o.id } });
    expect(order.status).toBe("DELIVERED");
    expect(order.deliveredAt?.toISOString()).toBe("2026-12-01T01:30:00.000Z"); // China time, stored UTC
    // An older snapshot arriving late is dropped; the terminal state stays.
    const late = await handleKuaidi100Push(db, SALT, kuaidi100Push(SALT, { com: "zhongtong", nu, state: "0", data: [transit] }));
    expect(late).toMatchObject({ outcome: "STALE", errorCode: "STALE_CALLBACK", http: { status: 200 } });
    expect(await db.shipmentEvent.count({ where: { shipmentId: s.id } })).toBe(2);
    expect(await handleKuaidi100Push(db, SALT, kuaidi100Push(SALT, { com: "zhongtong", nu, state: "3", data: [signedOff, transit] }))).toMatchObject({ outcome: "DUPLICATE" });
    expect(await db.orderStatusLog.count({ where: { orderId: o.id, action: "markDelivered" } })).toBe(1);
  });

  it("a DELIVERED push before the shipment exists is parked, then applied in order once the WMS confirms", async () => {
    const db = testDb();
    const o = await createTestOrder(db, { status: "PUSHED_TO_WMS" });
    const nu = `ZT${randomUUID().replaceAll("-", "").slice(0, 12)}`;
    const early = await handleKuaidi100Push(db, SALT, kuaidi100Push(SALT, { com: "zhongtong", nu, state: "3", data: [signedOff] }));
    expect(early).toMatchObject({ outcome: "PARKED", http: { status: 200 } });
    expect((await snapshot(o.id)).order.status).toBe("PUSHED_TO_WMS");
    const cb = fakeShipmentCallback(WMS.secret, { deliveryOrderCode: o.orderNo }, nu);
    await handleWmsCallback(db, WMS, { rawBody: cb.body, headers: { "x-signature": cb.signature } });
    process.env.KUAIDI100_SALT = SALT;
    try {
      await rematchParkedCallbacks(db);
    } finally {
      delete process.env.KUAIDI100_SALT;
    }
    const log = await db.orderStatusLog.findMany({ where: { orderId: o.id }, orderBy: { id: "asc" } });
    expect(log.map((l) => l.toStatus)).toEqual(["SHIPPED", "DELIVERED"]);
  });

  it("bad sign → 401 BAD_SIGNATURE, missing param or bad JSON → 400 MALFORMED_CALLBACK; raw kept", async () => {
    const db = testDb();
    const { nu } = await ship();
    const good = kuaidi100Push(SALT, { com: "zhongtong", nu, state: "0", data: [transit] });
    expect(await handleKuaidi100Push(db, "other-salt", good)).toMatchObject({ errorCode: "BAD_SIGNATURE", http: { status: 401 } });
    expect(await handleKuaidi100Push(db, SALT, { headers: {}, rawBody: "sign=AB" })).toMatchObject({ errorCode: "MALFORMED_CALLBACK", http: { status: 400 } });
    const p = new URLSearchParams({ param: "{broken", sign: "" });
    expect((await handleKuaidi100Push(db, SALT, { headers: {}, rawBody: p.toString() })).errorCode).toBe("BAD_SIGNATURE");
    expect((await inbound()).body).toBe(p.toString());
    expect(await db.shipmentEvent.count({ where: { context: transit.context, shipmentId: (await db.shipment.findFirstOrThrow({ where: { trackingNo: nu } })).id } })).toBe(0);
  });
});
