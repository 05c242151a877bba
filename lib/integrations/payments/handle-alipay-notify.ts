import type { Db } from "../../db/client";
import { parseYuan } from "../../money/fen";
import { parseChinaTime } from "../../time/biz-time";
import { receiveInbound, textReply, type InboundOutcome, type InboundRequestData } from "../inbound";
import { verifyAlipayNotify } from "./alipay";
import { applyPaymentNotice } from "./apply-payment-notice";
import { applyRefundNotice } from "./apply-refund-notice";
import type { PaymentConfig } from "./payment-config";

/**
 * POST /api/payments/alipay: Alipay async notify (form body, RSA2). Answers exactly `success` once
 * handled (including duplicates and parked orders); anything else makes Alipay retry for ~25 h.
 */
export function handleAlipayNotify(db: Db, cfg: PaymentConfig["alipay"], req: InboundRequestData, opts: { inboundId?: string } = {}) {
  return receiveInbound(db, "ALIPAY", req, () => processAlipay(db, cfg, req), { inboundId: opts.inboundId, failureBody: "failure" });
}

async function processAlipay(db: Db, cfg: PaymentConfig["alipay"], req: InboundRequestData): Promise<InboundOutcome> {
  const { ok, params: p } = verifyAlipayNotify(cfg.publicKey, req.rawBody);
  if (!ok) return { outcome: "REJECTED", errorCode: "BAD_SIGNATURE", http: textReply(400, "failure") };
  const malformed: InboundOutcome = { outcome: "REJECTED", errorCode: "MALFORMED_CALLBACK", http: textReply(400, "failure") };
  if (!p.trade_no || !p.out_trade_no || !p.total_amount || !p.trade_status) return malformed;
  if (cfg.appId && p.app_id !== cfg.appId) return malformed;
  let amountFen: number;
  let refundedFen: number | null;
  try {
    amountFen = parseYuan(p.total_amount);
    refundedFen = p.refund_fee && p.gmt_refund ? parseYuan(p.refund_fee) : null;
  } catch {
    return malformed;
  }
  // A refund (payments.md §3.3): a partial one comes as TRADE_SUCCESS, a full one as TRADE_CLOSED, both
  // with refund_fee (cumulative) and gmt_refund; out_biz_no is the refund's out_request_no, our RefundNo.
  if (refundedFen !== null) {
    const at = parseChinaTime(p.gmt_refund?.replace(/\.\d+$/, "")); // gmt_refund may carry milliseconds
    if (!at || refundedFen <= 0) return malformed;
    const r = await applyRefundNotice(db, {
      provider: "ALIPAY", providerRefundId: `ALIPAY:${p.trade_no}:${refundedFen}`, outTradeNo: p.out_trade_no, refundNo: p.out_biz_no || undefined,
      amount: { cumulativeFen: refundedFen }, result: "SUCCESS", at,
    });
    return { outcome: r.outcome, errorCode: r.outcome === "STALE" ? "STALE_CALLBACK" : undefined, dedupeKey: `ALIPAY-REFUND:${p.trade_no}:${refundedFen}`, orderId: r.orderId, http: textReply(200, "success") };
  }
  const dedupeKey = `ALIPAY:${p.trade_no}`;
  // TRADE_CLOSED without a refund (unpaid timeout) and WAIT_BUYER_PAY are kept but change nothing.
  if (p.trade_status !== "TRADE_SUCCESS" && p.trade_status !== "TRADE_FINISHED") return { outcome: "ACCEPTED", dedupeKey, http: textReply(200, "success") };
  const paidAt = parseChinaTime(p.gmt_payment) ?? parseChinaTime(p.notify_time);
  if (!paidAt) return malformed;
  const r = await applyPaymentNotice(db, { provider: "ALIPAY", providerTxnId: p.trade_no, outTradeNo: p.out_trade_no, amountFen, paidAt });
  return { outcome: r.outcome, dedupeKey, orderId: r.orderId, http: textReply(200, "success") };
}
