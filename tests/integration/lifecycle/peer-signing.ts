import { createCipheriv, createHash, createSign, generateKeyPairSync, randomBytes } from "node:crypto";
import type { PaymentConfig } from "../../../lib/integrations/payments/payment-config";

/** Test keys standing in for WeChat's platform key and Alipay's key (the fixed vectors are in tests/unit). */
const wechat = generateKeyPairSync("rsa", { modulusLength: 2048 });
const alipay = generateKeyPairSync("rsa", { modulusLength: 2048 });
const pem = (k: typeof wechat.publicKey) => k.export({ type: "spki", format: "pem" }).toString();

export const testPaymentConfig: PaymentConfig = {
  wechat: { publicKeys: { "TEST-SERIAL": pem(wechat.publicKey) }, apiV3Key: "IntegrationTestApiV3Key_32bytes!", maxSkewSeconds: 300 },
  alipay: { publicKey: pem(alipay.publicKey) },
};

/** A WeChat Pay v3 TRANSACTION.SUCCESS notify as WeChat sends it: encrypted resource, signed headers. */
export function wechatNotify(txn: { outTradeNo: string; transactionId: string; totalFen: number; successTime?: string }, opts: { timestamp?: number } = {}) {
  const plaintext = JSON.stringify({
    mchid: "1900000109", appid: "wx1234567890abcdef", out_trade_no: txn.outTradeNo, transaction_id: txn.transactionId, trade_type: "JSAPI",
    trade_state: "SUCCESS", trade_state_desc: "支付成功", bank_type: "OTHERS", attach: "", success_time: txn.successTime ?? "2026-11-30T10:00:00+08:00",
    payer: { openid: "oTest" }, amount: { total: txn.totalFen, payer_total: txn.totalFen, currency: "CNY", payer_currency: "CNY" },
  });
  return signedWechat("TRANSACTION.SUCCESS", "transaction", plaintext, opts.timestamp);
}

/** A WeChat Pay v3 refund notify (REFUND.SUCCESS / ABNORMAL / CLOSED), payments.md §2.5. */
export function wechatRefundNotify(r: { outTradeNo: string; outRefundNo: string; refundId: string; refundFen: number; totalFen: number; status: "SUCCESS" | "ABNORMAL" | "CLOSED" }) {
  const plaintext = JSON.stringify({
    mchid: "1900000109", out_trade_no: r.outTradeNo, transaction_id: "4200000000000000000000000001", out_refund_no: r.outRefundNo, refund_id: r.refundId,
    refund_status: r.status, success_time: r.status === "SUCCESS" ? "2026-11-30T12:00:00+08:00" : undefined, user_received_account: "招商银行信用卡0403",
    amount: { total: r.totalFen, refund: r.refundFen, payer_total: r.totalFen, payer_refund: r.refundFen },
  });
  return signedWechat(`REFUND.${r.status}`, "refund", plaintext);
}

function signedWechat(eventType: string, originalType: string, plaintext: string, timestamp?: number) {
  const nonce = randomBytes(6).toString("hex");
  const c = createCipheriv("aes-256-gcm", Buffer.from(testPaymentConfig.wechat.apiV3Key, "utf8"), Buffer.from(nonce, "utf8"));
  c.setAAD(Buffer.from(originalType));
  const ciphertext = Buffer.concat([c.update(plaintext, "utf8"), c.final(), c.getAuthTag()]).toString("base64");
  const rawBody = JSON.stringify({
    id: randomBytes(8).toString("hex"), create_time: "2026-11-30T10:00:01+08:00", resource_type: "encrypt-resource", event_type: eventType, summary: "通知",
    resource: { original_type: originalType, algorithm: "AEAD_AES_256_GCM", ciphertext, associated_data: originalType, nonce },
  });
  const ts = String(timestamp ?? Math.floor(Date.now() / 1000));
  const headerNonce = randomBytes(16).toString("hex");
  const signature = createSign("RSA-SHA256").update(`${ts}\n${headerNonce}\n${rawBody}\n`, "utf8").sign(wechat.privateKey, "base64");
  return {
    rawBody,
    headers: { "wechatpay-timestamp": ts, "wechatpay-nonce": headerNonce, "wechatpay-signature": signature, "wechatpay-serial": "TEST-SERIAL", "content-type": "application/json" },
  };
}

/** An Alipay async notify form body, RSA2-signed over the sorted k=v string. */
export function alipayNotify(p: { outTradeNo: string; tradeNo: string; totalAmount: string; tradeStatus?: string; refund?: { fee: string; outBizNo?: string } }) {
  const params: Record<string, string> = {
    app_id: "2021000000000001", charset: "utf-8", gmt_payment: "2026-11-30 10:00:05", notify_id: randomBytes(8).toString("hex"), notify_time: "2026-11-30 10:00:06",
    notify_type: "trade_status_sync", out_trade_no: p.outTradeNo, seller_id: "2088101000000001", total_amount: p.totalAmount, trade_no: p.tradeNo,
    trade_status: p.tradeStatus ?? "TRADE_SUCCESS", version: "1.0",
    ...(p.refund ? { refund_fee: p.refund.fee, gmt_refund: "2026-11-30 12:00:00.123", ...(p.refund.outBizNo ? { out_biz_no: p.refund.outBizNo } : {}) } : {}),
  };
  const content = Object.keys(params).sort().map((k) => `${k}=${params[k]}`).join("&");
  const sign = createSign("RSA-SHA256").update(content, "utf8").sign(alipay.privateKey, "base64");
  return { rawBody: new URLSearchParams({ ...params, sign_type: "RSA2", sign }).toString(), headers: { "content-type": "application/x-www-form-urlencoded" } };
}

/** A 快递100 push: form fields param (JSON) and sign = UPPER(MD5(param + salt)). */
export function kuaidi100Push(salt: string, r: { com: string; nu: string; state: string; data: { ftime: string; context: string }[] }) {
  const param = JSON.stringify({ status: r.state === "3" ? "shutdown" : "polling", message: "", lastResult: { message: "ok", status: "200", ischeck: r.state === "3" ? "1" : "0", ...r } });
  const sign = createHash("md5").update(param + salt, "utf8").digest("hex").toUpperCase();
  return { rawBody: new URLSearchParams({ param, sign }).toString(), headers: { "content-type": "application/x-www-form-urlencoded" } };
}
