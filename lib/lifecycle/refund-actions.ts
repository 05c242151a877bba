import { randomInt } from "node:crypto";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { bizDay } from "../time/biz-time";
import type { ActionContext } from "./order-actor";
import { runTransition, statusBefore, type Tx } from "./run-transition";

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

/** Which refund a completion or failure is about (default: the open one) and the provider's id for it. */
export interface RefundOutcomeInput {
  /** The hub's RefundNo (the provider's out_refund_no / out_biz_no). */
  refundNo?: string;
  /** Refund notifications dedupe on it (see lib/integrations/payments/apply-refund-notice.ts). */
  providerRefundId?: string;
  at?: Date;
}

async function openRefund(tx: Tx, orderId: string, input: RefundOutcomeInput) {
  const open = await tx.refund.findFirst({
    where: { orderId, status: "REQUESTED", ...(input.refundNo ? { refundNo: input.refundNo } : {}) },
    orderBy: { requestedAt: "desc" },
    select: { id: true, refundNo: true, amountFen: true },
  });
  if (!open) throw new AppError("REFUND_NOT_FOUND");
  return open;
}

/**
 * 退款完成: completes the open refund. Fully refunded → 已退款; a partial refund returns the order to
 * its fulfilment status (SPEC §2) with the refund recorded.
 */
export function completeRefund(db: Db, orderId: string, ctx: ActionContext, input: RefundOutcomeInput = {}) {
  return runTransition(db, "completeRefund", orderId, ctx, async (tx, order) => {
    const open = await openRefund(tx, orderId, input);
    await tx.refund.update({ where: { id: open.id }, data: { status: "COMPLETED", completedAt: input.at ?? new Date(), providerRefundId: input.providerRefundId } });
    const refundedFen = order.refundedFen + open.amountFen;
    const to = refundedFen >= order.paidFen ? "REFUNDED" : await statusBefore(tx, order);
    return { to, orderData: { refundedFen }, extra: { refundId: open.id, refundNo: open.refundNo, amountFen: open.amountFen, refundedFen } };
  });
}

/**
 * 退款失败 (reason required): the provider closed the refund without paying it. The refund is marked
 * FAILED and the order returns to where it was before the after-sale; a new refund can then be requested.
 */
export function failRefund(db: Db, orderId: string, ctx: ActionContext, input: RefundOutcomeInput = {}) {
  return runTransition(db, "failRefund", orderId, ctx, async (tx) => {
    const open = await openRefund(tx, orderId, input);
    await tx.refund.update({ where: { id: open.id }, data: { status: "FAILED", completedAt: input.at ?? new Date(), providerRefundId: input.providerRefundId } });
    return { extra: { refundId: open.id, refundNo: open.refundNo, amountFen: open.amountFen } };
  });
}
