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
  const nonce = randomBytes(6).toString("hex");
  const c = createCipheriv("aes-256-gcm", Buffer.from(testPaymentConfig.wechat.apiV3Key, "utf8"), Buffer.from(nonce, "utf8"));
  c.setAAD(Buffer.from("transaction"));
  const ciphertext = Buffer.concat([c.update(plaintext, "utf8"), c.final(), c.getAuthTag()]).toString("base64");
  const rawBody = JSON.stringify({
    id: randomBytes(8).toString("hex"), create_time: "2026-11-30T10:00:01+08:00", resource_type: "encrypt-resource", event_type: "TRANSACTION.SUCCESS", summary: "支付成功",
    resource: { original_type: "transaction", algorithm: "AEAD_AES_256_GCM", ciphertext, associated_data: "transaction", nonce },
  });
  const timestamp = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
  const headerNonce = randomBytes(16).toString("hex");
  const signature = createSign("RSA-SHA256").update(`${timestamp}\n${headerNonce}\n${rawBody}\n`, "utf8").sign(wechat.privateKey, "base64");
  return {
    rawBody,
    headers: { "wechatpay-timestamp": timestamp, "wechatpay-nonce": headerNonce, "wechatpay-signature": signature, "wechatpay-serial": "TEST-SERIAL", "content-type": "application/json" },
  };
}

/** An Alipay async notify form body, RSA2-signed over the sorted k=v string. */
export function alipayNotify(p: { outTradeNo: string; tradeNo: string; totalAmount: string; tradeStatus?: string }) {
  const params: Record<string, string> = {
    app_id: "2021000000000001", charset: "utf-8", gmt_payment: "2026-11-30 10:00:05", notify_id: randomBytes(8).toString("hex"), notify_time: "2026-11-30 10:00:06",
    notify_type: "trade_status_sync", out_trade_no: p.outTradeNo, seller_id: "2088101000000001", total_amount: p.totalAmount, trade_no: p.tradeNo,
    trade_status: p.tradeStatus ?? "TRADE_SUCCESS", version: "1.0",
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
