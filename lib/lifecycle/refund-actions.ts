import { randomInt } from "node:crypto";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { bizDay } from "../time/biz-time";
import type { ActionContext } from "./order-actor";
import { runTransition, statusBefore } from "./run-transition";

const newRefundNo = (at: Date) => `RF${bizDay(at).replaceAll("-", "").slice(2)}${Date.now().toString(36).toUpperCase()}${randomInt(1e6).toString().padStart(6, "0")}`;

/**
 * 申请退款 (reason required): opens after-sale with one refund record; amounts in fen, at most what is
 * left to refund. A second request while one is open is refused by the table (AFTER_SALE is not a source).
 */
export function requestRefund(db: Db, orderId: string, ctx: ActionContext, input: { amountFen: number }) {
  return runTransition(db, "requestRefund", orderId, ctx, async (tx, order) => {
    const left = order.paidFen - order.refundedFen;
    if (!Number.isInteger(input.amountFen) || input.amountFen <= 0 || input.amountFen > left) {
      throw new AppError("REFUND_AMOUNT_INVALID", { max: left });
    }
    const now = new Date();
    const refund = await tx.refund.create({
      data: { refundNo: newRefundNo(now), orderId, amountFen: input.amountFen, reason: ctx.reason?.trim() ?? null, status: "REQUESTED", requestedAt: now },
      select: { id: true, refundNo: true },
    });
    return { extra: { refundId: refund.id, refundNo: refund.refundNo, amountFen: input.amountFen } };
  });
}

/**
 * 退款完成: completes the open refund. Fully refunded → 已退款; a partial refund returns the order to
 * its fulfilment status (SPEC §2) with the refund recorded.
 */
export function completeRefund(db: Db, orderId: string, ctx: ActionContext) {
  return runTransition(db, "completeRefund", orderId, ctx, async (tx, order) => {
    const open = await tx.refund.findFirst({ where: { orderId, status: "REQUESTED" }, orderBy: { requestedAt: "desc" }, select: { id: true, refundNo: true, amountFen: true } });
    if (!open) throw new AppError("REFUND_NOT_FOUND");
    const now = new Date();
    await tx.refund.update({ where: { id: open.id }, data: { status: "COMPLETED", completedAt: now } });
    const refundedFen = order.refundedFen + open.amountFen;
    const to = refundedFen >= order.paidFen ? "REFUNDED" : await statusBefore(tx, order);
    return { to, orderData: { refundedFen }, extra: { refundId: open.id, refundNo: open.refundNo, amountFen: open.amountFen, refundedFen } };
  });
}
