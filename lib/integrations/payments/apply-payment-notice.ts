import { randomInt } from "node:crypto";
import type { Db } from "../../db/client";
import { Prisma } from "../../db/generated/prisma/client";
import type { PaymentProvider } from "../../db/generated/prisma/enums";
import { flagForReview } from "../../lifecycle/control-actions";
import { markPaid } from "../../lifecycle/fulfilment-actions";
import { systemActor } from "../../lifecycle/order-actor";
import { inTransaction } from "../../lifecycle/run-transition";
import { bizDay } from "../../time/biz-time";
import { raiseAlert } from "../alerts";
import type { InboundOutcomeKind } from "../inbound";

/** A verified "paid" notification, whatever the provider. */
export interface PaymentNotice {
  provider: PaymentProvider;
  providerTxnId: string;
  /** The merchant order number we gave the provider: the hub's OrderNo. */
  outTradeNo: string;
  amountFen: number;
  paidAt: Date;
}

// Demo PayNos are 16 characters; these are 18, so the two can never collide.
const newPayNo = (at: Date) => `PY${bizDay(at).replaceAll("-", "").slice(2)}${String(randomInt(1e9)).padStart(9, "0")}${randomInt(10)}`;

/**
 * Applies a verified payment: de-duplicated on the provider's transaction id, PayNo linked to the
 * order, and the order marked paid in the same transaction. When the order is not waiting for this
 * payment (already paid, cancelled, amount differs) the RECONCILE_PAYMENT compensation runs instead
 * of failing: the payment is kept and linked, and a person is alerted (and the order flagged when it can be).
 * An unknown order is parked: the payment is kept unlinked and the request is re-matched later.
 */
export async function applyPaymentNotice(db: Db, n: PaymentNotice): Promise<{ outcome: InboundOutcomeKind; orderId: string | null; payNo?: string }> {
  const actor = systemActor(n.provider === "WECHAT" ? "微信支付通知" : "支付宝通知");
  try {
    return await inTransaction(db, async (tx) => {
      const existing = await tx.payment.findUnique({ where: { provider_providerTxnId: { provider: n.provider, providerTxnId: n.providerTxnId } } });
      if (existing?.orderId) return { outcome: "DUPLICATE" as const, orderId: existing.orderId, payNo: existing.payNo };
      const order = await tx.order.findUnique({ where: { orderNo: n.outTradeNo }, select: { id: true, status: true, paidFen: true } });
      const payment = existing
        ? existing
        : await tx.payment.create({ data: { payNo: newPayNo(n.paidAt), orderId: null, provider: n.provider, providerTxnId: n.providerTxnId, amountFen: n.amountFen, paidAt: n.paidAt } });
      if (!order) {
        await raiseAlert(tx, "UNLINKED_PAYMENT", `${n.provider}:${n.providerTxnId}`, { detail: { payNo: payment.payNo, outTradeNo: n.outTradeNo, amountFen: n.amountFen } });
        return { outcome: "PARKED" as const, orderId: null, payNo: payment.payNo };
      }
      await tx.payment.update({ where: { id: payment.id }, data: { orderId: order.id } });
      const ctx = { by: actor, source: "PAYMENT_NOTIFY" as const, idempotencyKey: `pay:${n.provider}:${n.providerTxnId}` };
      if (order.status === "PENDING_PAYMENT" && n.amountFen === order.paidFen) {
        await markPaid(tx, order.id, ctx, { paidAt: n.paidAt, payNo: payment.payNo });
        return { outcome: "ACCEPTED" as const, orderId: order.id, payNo: payment.payNo };
      }
      // RECONCILE_PAYMENT: money arrived for an order not waiting for it (or not this much).
      const why = n.amountFen !== order.paidFen ? "AMOUNT_MISMATCH" : order.status === "CANCELLED" ? "PAID_AFTER_CANCEL" : "ALREADY_PAID";
      await raiseAlert(tx, "RECONCILE_PAYMENT", `${n.provider}:${n.providerTxnId}`, {
        orderId: order.id, detail: { why, status: order.status, payNo: payment.payNo, amountFen: n.amountFen, orderPaidFen: order.paidFen },
      });
      if (why === "AMOUNT_MISMATCH" && ["PENDING_PAYMENT", "PAID", "PUSHED_TO_WMS", "SHIPPED", "DELIVERED", "AFTER_SALE", "ON_HOLD"].includes(order.status)) {
        await flagForReview(tx, order.id, { ...ctx, idempotencyKey: `reconcile:${ctx.idempotencyKey}`, reason: `RECONCILE_PAYMENT: 支付金额 ${n.amountFen} 分与订单 ${order.paidFen} 分不符` });
      }
      return { outcome: "RECONCILED" as const, orderId: order.id, payNo: payment.payNo };
    });
  } catch (err) {
    // The same transaction id raced in twice: the other delivery applied it.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") return { outcome: "DUPLICATE", orderId: null };
    throw err;
  }
}
