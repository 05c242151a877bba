import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import type { ActionContext } from "./order-actor";
import { runTransition } from "./run-transition";

/** 待支付 → 已支付: a payment arrived (payment notify, platform push or a person who checked the bill). */
export function markPaid(db: Db, orderId: string, ctx: ActionContext, input: { paidAt?: Date; payNo?: string } = {}) {
  return runTransition(db, "markPaid", orderId, ctx, async () => ({
    orderData: { paidAt: input.paidAt ?? new Date() },
    extra: input.payNo ? { payNo: input.payNo } : undefined,
  }));
}

/** 已支付 → 已推送仓库: the WMS accepted the outbound order. */
export function pushToWms(db: Db, orderId: string, ctx: ActionContext, input: { wmsOrderId?: string } = {}) {
  return runTransition(db, "pushToWms", orderId, ctx, async () => ({ extra: input.wmsOrderId ? { wmsOrderId: input.wmsOrderId } : undefined }));
}

/** Carrier codes are short ASCII codes (SF, ZTO, shunfeng …); tracking numbers letters and digits. */
const CARRIER = /^[A-Za-z0-9_-]{1,32}$/;
const TRACKING = /^[A-Za-z0-9-]{4,40}$/;

/**
 * 发货: requires both a carrier and a tracking number (an order is never SHIPPED without one) and
 * creates the one shipment; a tracking number already used by another order is refused.
 */
export async function confirmShipment(db: Db, orderId: string, ctx: ActionContext, input: { carrierCode: string; trackingNo: string; shippedAt?: Date }) {
  const carrierCode = input.carrierCode?.trim() ?? "";
  const trackingNo = input.trackingNo?.trim() ?? "";
  if (!carrierCode || !trackingNo) throw new AppError("TRACKING_REQUIRED");
  if (!CARRIER.test(carrierCode) || !TRACKING.test(trackingNo)) throw new AppError("INVALID_INPUT", { field: "trackingNo" });
  return runTransition(db, "confirmShipment", orderId, ctx, async (tx) => {
    const taken = await tx.shipment.findUnique({ where: { carrierCode_trackingNo: { carrierCode, trackingNo } }, select: { orderId: true } });
    if (taken) throw new AppError("TRACKING_IN_USE", { trackingNo });
    const shippedAt = input.shippedAt ?? new Date();
    const shipment = await tx.shipment.create({ data: { orderId, carrierCode, trackingNo, shippedAt }, select: { id: true } });
    return { orderData: { shippedAt }, extra: { shipmentId: shipment.id, carrierCode, trackingNo } };
  });
}

/** 已发货 → 已签收 (logistics push 签收, or a person). */
export function markDelivered(db: Db, orderId: string, ctx: ActionContext, input: { deliveredAt?: Date } = {}) {
  return runTransition(db, "markDelivered", orderId, ctx, async () => ({ orderData: { deliveredAt: input.deliveredAt ?? new Date() } }));
}

/** 已签收 → 已完成 (the platform's confirm-receipt, or the after-sale window closing). */
export function complete(db: Db, orderId: string, ctx: ActionContext, input: { completedAt?: Date } = {}) {
  return runTransition(db, "complete", orderId, ctx, async () => ({ orderData: { completedAt: input.completedAt ?? new Date() } }));
}
