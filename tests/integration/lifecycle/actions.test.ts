import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { systemActor, userActor, type ActionContext } from "../../../lib/lifecycle/order-actor";
import { cancel, flagForReview, hold, release } from "../../../lib/lifecycle/control-actions";
import { complete, confirmShipment, markDelivered, markPaid, pushToWms } from "../../../lib/lifecycle/fulfilment-actions";
import { completeRefund, requestRefund } from "../../../lib/lifecycle/refund-actions";
import { performOrderAction } from "../../../lib/lifecycle/perform-order-action";
import { actorFor, testDb } from "../helpers";
import { createTestOrder } from "./order-fixture";

const sys = (reason?: string): ActionContext => ({ by: systemActor(), source: "SCHEDULER", idempotencyKey: randomUUID(), reason });
const counts = async (orderId: string) => {
  const db = testDb();
  return {
    log: await db.orderStatusLog.count({ where: { orderId } }),
    outbox: await db.outboxEvent.count({ where: { orderId } }),
    shipments: await db.shipment.count({ where: { orderId } }),
    order: await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true, version: true } }),
  };
};

describe("lifecycle actions", () => {
  it("walks the happy path with one status-log row and one outbox event per step", async () => {
    const db = testDb();
    const o = await createTestOrder(db, { status: "PENDING_PAYMENT" });
    await markPaid(db, o.id, sys());
    await pushToWms(db, o.id, sys(), { wmsOrderId: "WMS-1" });
    const shipped = await confirmShipment(db, o.id, { ...sys(), source: "WMS_CALLBACK" }, { carrierCode: "ZTO", trackingNo: `78${Date.now()}` });
    expect(shipped.shipmentId).toBeTruthy();
    await markDelivered(db, o.id, sys());
    const done = await complete(db, o.id, sys());
    expect(done).toMatchObject({ from: "DELIVERED", to: "COMPLETED", version: o.version + 5 });
    const log = await db.orderStatusLog.findMany({ where: { orderId: o.id }, orderBy: { id: "asc" } });
    expect(log.map((l) => `${l.fromStatus}>${l.toStatus}:${l.action}`)).toEqual([
      "PENDING_PAYMENT>PAID:markPaid", "PAID>PUSHED_TO_WMS:pushToWms", "PUSHED_TO_WMS>SHIPPED:confirmShipment",
      "SHIPPED>DELIVERED:markDelivered", "DELIVERED>COMPLETED:complete",
    ]);
    expect(log[2].source).toBe("WMS_CALLBACK");
    const events = await db.outboxEvent.findMany({ where: { orderId: o.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.eventType)).toEqual(["ORDER_PAID", "ORDER_PUSHED", "ORDER_SHIPPED", "ORDER_DELIVERED", "ORDER_COMPLETED"]);
    const row = await db.order.findUniqueOrThrow({ where: { id: o.id } });
    expect(row.shippedAt && row.deliveredAt && row.completedAt).toBeTruthy();
  });

  it("refuses an illegal action with a stable code and changes nothing", async () => {
    const db = testDb();
    const o = await createTestOrder(db, { status: "PENDING_PAYMENT" });
    const before = await counts(o.id);
    await expect(confirmShipment(db, o.id, sys(), { carrierCode: "SF", trackingNo: `SF${Date.now()}` })).rejects.toMatchObject({ code: "ILLEGAL_TRANSITION" });
    await expect(markDelivered(db, o.id, sys())).rejects.toMatchObject({ code: "ILLEGAL_TRANSITION" });
    expect(await counts(o.id)).toEqual(before);
  });

  it("requires carrier and tracking number to ship, and refuses a tracking number used by another order", async () => {
    const db = testDb();
    const a = await createTestOrder(db);
    const b = await createTestOrder(db);
    await expect(confirmShipment(db, a.id, sys(), { carrierCode: "SF", trackingNo: " " })).rejects.toMatchObject({ code: "TRACKING_REQUIRED" });
    const no = `SF${Date.now()}`;
    await confirmShipment(db, a.id, sys(), { carrierCode: "SF", trackingNo: no });
    await expect(confirmShipment(db, b.id, sys(), { carrierCode: "SF", trackingNo: no })).rejects.toMatchObject({ code: "TRACKING_IN_USE" });
    expect((await counts(b.id)).order.status).toBe("PAID");
  });

  it("answers a repeated idempotency key with the first answer and refuses the key on another order", async () => {
    const db = testDb();
    const o = await createTestOrder(db);
    const other = await createTestOrder(db);
    const ctx = sys("客户要求暂停");
    const first = await hold(db, o.id, ctx);
    const again = await hold(db, o.id, ctx);
    expect(again).toMatchObject({ ...first, replayed: true });
    expect((await counts(o.id)).log).toBe(1);
    await expect(hold(db, other.id, ctx)).rejects.toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
  });

  it("hold and release return the order to where it was; review flags likewise", async () => {
    const db = testDb();
    const o = await createTestOrder(db, { status: "PUSHED_TO_WMS" });
    await expect(hold(db, o.id, sys())).rejects.toMatchObject({ code: "REASON_REQUIRED" });
    await hold(db, o.id, sys("地址待确认"));
    expect(await release(db, o.id, sys())).toMatchObject({ from: "ON_HOLD", to: "PUSHED_TO_WMS" });
    await flagForReview(db, o.id, sys("金额不符"));
    expect(await release(db, o.id, sys())).toMatchObject({ from: "NEEDS_REVIEW", to: "PUSHED_TO_WMS" });
    await cancel(db, o.id, sys("客户取消")).catch((e) => expect(e.code).toBe("ILLEGAL_TRANSITION"));
  });

  it("a partial refund keeps the fulfilment status; a full one ends in REFUNDED; a second request while open is refused", async () => {
    const db = testDb();
    const o = await createTestOrder(db, { status: "SHIPPED", paidFen: 10_000 });
    await expect(requestRefund(db, o.id, sys("破损"), { amountFen: 10_001 })).rejects.toMatchObject({ code: "REFUND_AMOUNT_INVALID" });
    await requestRefund(db, o.id, sys("破损"), { amountFen: 3_000 });
    await expect(requestRefund(db, o.id, sys("再次"), { amountFen: 1_000 })).rejects.toMatchObject({ code: "ILLEGAL_TRANSITION" });
    expect(await completeRefund(db, o.id, sys())).toMatchObject({ from: "AFTER_SALE", to: "SHIPPED", refundedFen: 3_000 });
    await requestRefund(db, o.id, sys("退货"), { amountFen: 7_000 });
    expect(await completeRefund(db, o.id, sys())).toMatchObject({ to: "REFUNDED", refundedFen: 10_000 });
    expect(await db.refund.count({ where: { orderId: o.id, status: "COMPLETED" } })).toBe(2);
  });

  it("console actions check permission and row scope, and are audited", async () => {
    const db = testDb();
    const cs = await actorFor("cs");
    const auditor = await actorFor("auditor");
    const mine = await createTestOrder(db, { channelId: "ch_tmall" });
    const notMine = await createTestOrder(db, { channelId: "ch_pos" });
    const ship = (orderId: string, idempotencyKey = randomUUID()) =>
      ({ action: "confirmShipment" as const, orderId, idempotencyKey, carrierCode: "SF", trackingNo: `SF${randomUUID().slice(0, 12).replaceAll("-", "")}` });
    await expect(performOrderAction(db, auditor, ship(mine.id))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(performOrderAction(db, cs, ship(notMine.id))).rejects.toMatchObject({ code: "ORDER_NOT_FOUND" });
    await expect(performOrderAction(db, cs, { action: "cancel", orderId: mine.id, idempotencyKey: randomUUID(), reason: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const r = await performOrderAction(db, cs, ship(mine.id));
    expect(r.to).toBe("SHIPPED");
    const audit = await db.auditLog.findFirst({ where: { action: "order.confirmShipment", entityId: mine.id } });
    expect(audit?.actorId).toBe(cs.id);
    const log = await db.orderStatusLog.findFirstOrThrow({ where: { orderId: mine.id } });
    expect(log).toMatchObject({ source: "CONSOLE", actorId: cs.id, actorName: cs.displayName });
    expect(userActor(cs).kind).toBe("user");
  });
});
