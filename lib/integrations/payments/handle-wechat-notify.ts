import type { z } from "zod";
import type { Db } from "../../db/client";
import { parseChinaTime } from "../../time/biz-time";
import { jsonReply, receiveInbound, type InboundOutcome, type InboundRequestData } from "../inbound";
import { applyPaymentNotice } from "./apply-payment-notice";
import type { PaymentConfig } from "./payment-config";
import { applyRefundNotice } from "./apply-refund-notice";
import { decryptWechatResource, verifyWechatSignature, WechatNotifyBody, WechatRefund, WechatResource, WechatTransaction } from "./wechat-pay";

const FAIL = (status: number) => jsonReply(status, { code: "FAIL", message: "失败" });
const OK = { status: 204, body: "", contentType: "application/json" };

/**
 * POST /api/payments/wechat: WeChat Pay v3 notify. Verify (raw bytes, key by serial, 5-minute window),
 * decrypt, apply a payment (TRANSACTION.SUCCESS) or a refund outcome (REFUND.*). Success is 204 without a
 * body; a 4xx/5xx makes WeChat retry (about a day).
 */
export function handleWechatNotify(db: Db, cfg: PaymentConfig["wechat"], req: InboundRequestData, opts: { inboundId?: string; now?: Date } = {}) {
  return receiveInbound(db, "WECHAT_PAY", req, () => processWechat(db, cfg, req, opts.now ?? new Date(), !!opts.inboundId), {
    inboundId: opts.inboundId, failureBody: FAIL(500).body,
  });
}

async function processWechat(db: Db, cfg: PaymentConfig["wechat"], req: InboundRequestData, now: Date, rematch: boolean): Promise<InboundOutcome> {
  const h = req.headers;
  const headers = { timestamp: h["wechatpay-timestamp"], nonce: h["wechatpay-nonce"], signature: h["wechatpay-signature"], serial: h["wechatpay-serial"] };
  const skew = Math.abs(now.getTime() / 1000 - Number(headers.timestamp));
  // A parked request is re-matched later with its original timestamp; its signature was checked on arrival.
  if (!verifyWechatSignature(cfg.publicKeys, headers, req.rawBody) || (!rematch && !(skew <= cfg.maxSkewSeconds))) {
    return { outcome: "REJECTED", errorCode: "BAD_SIGNATURE", http: FAIL(401) };
  }
  const malformed: InboundOutcome = { outcome: "REJECTED", errorCode: "MALFORMED_CALLBACK", http: FAIL(400) };
  let body;
  try {
    body = WechatNotifyBody.parse(JSON.parse(req.rawBody));
  } catch {
    return malformed;
  }
  if (body.event_type.startsWith("REFUND.")) return processWechatRefund(db, cfg, body.resource, now);
  if (body.event_type !== "TRANSACTION.SUCCESS") return { outcome: "ACCEPTED", dedupeKey: `wechat-event:${body.id}`, http: OK }; // other events: kept, not applied
  let txn;
  try {
    txn = WechatTransaction.parse(decryptWechatResource(body.resource, cfg.apiV3Key));
  } catch {
    return malformed;
  }
  if ((cfg.mchid && txn.mchid !== cfg.mchid) || (cfg.appid && txn.appid !== cfg.appid) || txn.trade_state !== "SUCCESS") return malformed;
  const paidAt = txn.success_time ? new Date(txn.success_time) : now;
  const r = await applyPaymentNotice(db, {
    provider: "WECHAT", providerTxnId: txn.transaction_id, outTradeNo: txn.out_trade_no, amountFen: txn.amount.total,
    paidAt: Number.isNaN(paidAt.getTime()) ? (parseChinaTime(txn.success_time) ?? now) : paidAt,
  });
  return { outcome: r.outcome, dedupeKey: `WECHAT:${txn.transaction_id}`, orderId: r.orderId, http: OK };
}

/** REFUND.SUCCESS / ABNORMAL / CLOSED (payments.md §2.5): decrypt, check, apply through the lifecycle. */
async function processWechatRefund(db: Db, cfg: PaymentConfig["wechat"], resource: z.infer<typeof WechatResource>, now: Date): Promise<InboundOutcome> {
  let refund;
  try {
    refund = WechatRefund.parse(decryptWechatResource(resource, cfg.apiV3Key));
  } catch {
    return { outcome: "REJECTED", errorCode: "MALFORMED_CALLBACK", http: FAIL(400) };
  }
  if (cfg.mchid && refund.mchid !== cfg.mchid) return { outcome: "REJECTED", errorCode: "MALFORMED_CALLBACK", http: FAIL(400) };
  const at = refund.success_time ? new Date(refund.success_time) : now;
  const r = await applyRefundNotice(db, {
    provider: "WECHAT", providerRefundId: `WECHAT:${refund.refund_id}`, outTradeNo: refund.out_trade_no, refundNo: refund.out_refund_no,
    amount: { fen: refund.amount.refund }, result: refund.refund_status, at: Number.isNaN(at.getTime()) ? now : at,
  });
  return { outcome: r.outcome, errorCode: r.outcome === "STALE" ? "STALE_CALLBACK" : undefined, dedupeKey: `WECHAT-REFUND:${refund.refund_id}:${refund.refund_status}`, orderId: r.orderId, http: OK };
}
