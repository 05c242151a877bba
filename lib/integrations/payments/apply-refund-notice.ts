import type { Db } from "../../db/client";
import type { PaymentProvider } from "../../db/generated/prisma/enums";
import { systemActor } from "../../lifecycle/order-actor";
import { completeRefund, failRefund } from "../../lifecycle/refund-actions";
import { inTransaction } from "../../lifecycle/run-transition";
import { raiseAlert } from "../alerts";
import type { InboundOutcomeKind } from "../inbound";

/** A verified refund notification, whatever the provider. */
export interface RefundNotice {
  provider: PaymentProvider;
  /** Unique per refund at the provider: WECHAT:<refund_id>, ALIPAY:<trade_no>:<cumulative refund fen>. */
  providerRefundId: string;
  /** The hub's OrderNo (out_trade_no). */
  outTradeNo: string;
  /** The hub's RefundNo (out_refund_no / out_biz_no); without it, the order's open refund. */
  refundNo?: string;
  /** This refund's amount, or (Alipay) the order's cumulative refunded amount. */
  amount: { fen: number } | { cumulativeFen: number };
  result: "SUCCESS" | "ABNORMAL" | "CLOSED";
  at: Date;
}

type Applied = { outcome: InboundOutcomeKind; orderId: string | null; why?: string };

/**
 * Applies a verified refund notification through the lifecycle, under the order's row lock:
 * SUCCESS → completeRefund, CLOSED → failRefund (and a person is alerted to refund another way),
 * ABNORMAL → alert only (not final). De-duplicated on the provider's refund id; a notice about a
 * refund already final is STALE (out of order); an unknown order or refund, or an order not in
 * after-sale (held, in review), is PARKED and re-matched later; an amount that differs is not applied
 * but reconciled by a person (RECONCILE_PAYMENT).
 */
export async function applyRefundNotice(db: Db, n: RefundNotice): Promise<Applied> {
  const actor = systemActor(n.provider === "WECHAT" ? "微信支付退款通知" : "支付宝退款通知");
  const alert = (orderId: string | null, why: string, detail: Record<string, unknown> = {}) =>
    raiseAlert(db, "RECONCILE_PAYMENT", `${n.providerRefundId}:${why}`, { orderId, detail: { why, refundNo: n.refundNo, outTradeNo: n.outTradeNo, ...detail } });

  const seen = await db.refund.findUnique({ where: { providerRefundId: n.providerRefundId }, select: { orderId: true, status: true } });
  if (seen) return { outcome: seen.status === (n.result === "CLOSED" ? "FAILED" : "COMPLETED") ? "DUPLICATE" : "STALE", orderId: seen.orderId };

  const order = await db.order.findUnique({ where: { orderNo: n.outTradeNo }, select: { id: true } });
  if (!order) {
    await raiseAlert(db, "ORPHAN_CALLBACK", `REFUND:${n.providerRefundId}`, { detail: { source: n.provider, outTradeNo: n.outTradeNo, refundNo: n.refundNo } });
    return { outcome: "PARKED", orderId: null };
  }
  const out = await inTransaction(db, async (tx): Promise<Applied> => {
    const [locked] = await tx.$queryRaw<{ status: string; refundedFen: number }[]>`
      SELECT status::text AS status, refunded_fen AS "refundedFen" FROM orders WHERE id = ${order.id} FOR UPDATE`;
    const refund = await tx.refund.findFirst({
      where: { orderId: order.id, ...(n.refundNo ? { refundNo: n.refundNo } : { status: "REQUESTED" }) },
      orderBy: { requestedAt: "desc" },
      select: { refundNo: true, amountFen: true, status: true, providerRefundId: true },
    });
    if (!refund) return { outcome: "PARKED", orderId: order.id, why: "REFUND_UNKNOWN" };
    if (refund.providerRefundId === n.providerRefundId) return { outcome: "DUPLICATE", orderId: order.id }; // raced in twice
    // Another notice already settled this refund (e.g. CLOSED after SUCCESS, or a late ABNORMAL).
    if (refund.status !== "REQUESTED") return { outcome: "STALE", orderId: order.id };
    const fen = "fen" in n.amount ? n.amount.fen : n.amount.cumulativeFen - locked.refundedFen;
    if (fen !== refund.amountFen) return { outcome: "RECONCILED", orderId: order.id, why: "REFUND_AMOUNT_MISMATCH" };
    if (n.result === "ABNORMAL") return { outcome: "ACCEPTED", orderId: order.id, why: "REFUND_ABNORMAL" };
    if (locked.status !== "AFTER_SALE") return { outcome: "PARKED", orderId: order.id, why: `ORDER_${locked.status}` };
    const ctx = { by: actor, source: "PAYMENT_NOTIFY" as const, idempotencyKey: `refund:${n.providerRefundId}:${n.result}` };
    const input = { refundNo: refund.refundNo, providerRefundId: n.providerRefundId, at: n.at };
    const r = n.result === "SUCCESS"
      ? await completeRefund(tx, order.id, ctx, input)
      : await failRefund(tx, order.id, { ...ctx, reason: `${n.provider === "WECHAT" ? "微信支付" : "支付宝"}退款关闭（${n.result}），款项未退回，需另行处理` }, input);
    return { outcome: r.replayed ? "DUPLICATE" : "ACCEPTED", orderId: order.id, why: n.result === "CLOSED" ? "REFUND_FAILED" : undefined };
  });
  // People act on these: a failed or stuck refund must be paid another way; a differing amount checked.
  if (out.why && out.why !== "REFUND_UNKNOWN" && !out.why.startsWith("ORDER_")) await alert(order.id, out.why, { amount: n.amount });
  if (out.outcome === "PARKED") await raiseAlert(db, "ORPHAN_CALLBACK", `REFUND:${n.providerRefundId}`, { orderId: order.id, detail: { source: n.provider, why: out.why, refundNo: n.refundNo } });
  return out;
}
