import type { Db } from "../../db/client";
import { parseYuan } from "../../money/fen";
import { parseChinaTime } from "../../time/biz-time";
import { receiveInbound, textReply, type InboundOutcome, type InboundRequestData } from "../inbound";
import { verifyAlipayNotify } from "./alipay";
import { applyPaymentNotice } from "./apply-payment-notice";
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
  const dedupeKey = `ALIPAY:${p.trade_no}`;
  // TRADE_CLOSED / WAIT_BUYER_PAY and refund notices are kept but change nothing here.
  if (p.trade_status !== "TRADE_SUCCESS" && p.trade_status !== "TRADE_FINISHED") return { outcome: "ACCEPTED", dedupeKey, http: textReply(200, "success") };
  let amountFen: number;
  try {
    amountFen = parseYuan(p.total_amount);
  } catch {
    return malformed;
  }
  const paidAt = parseChinaTime(p.gmt_payment) ?? parseChinaTime(p.notify_time);
  if (!paidAt) return malformed;
  const r = await applyPaymentNotice(db, { provider: "ALIPAY", providerTxnId: p.trade_no, outTradeNo: p.out_trade_no, amountFen, paidAt });
  return { outcome: r.outcome, dedupeKey, orderId: r.orderId, http: textReply(200, "success") };
}
