import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifyAlipayNotify } from "@/lib/integrations/payments/alipay";
import { paymentConfig } from "@/lib/integrations/payments/payment-config";
import { decryptWechatResource, verifyWechatSignature, WechatNotifyBody } from "@/lib/integrations/payments/wechat-pay";
import { ALIPAY_VECTOR, alipayVectorBody, WECHAT_VECTOR as W } from "./payment-vectors";

const cfg = paymentConfig();

describe("WeChat Pay v3 notify (payments.md §2.6 test vector)", () => {
  const headers = { timestamp: W.timestamp, nonce: W.nonce, signature: W.signature, serial: W.serial };

  it("the message hashes as the document says", () => {
    const msg = `${W.timestamp}\n${W.nonce}\n${W.body}\n`;
    expect(createHash("sha256").update(msg, "utf8").digest("hex")).toBe("7c0d06750714ccc2149a9f44f2128bcd2f05f42967b9b69e4eba1477acccd0d7");
    expect(Buffer.byteLength(W.body)).toBe(919);
  });

  it("verifies over the raw bytes, and fails on any change", () => {
    expect(verifyWechatSignature(cfg.wechat.publicKeys, headers, W.body)).toBe(true);
    expect(verifyWechatSignature(cfg.wechat.publicKeys, headers, W.body + " ")).toBe(false);
    expect(verifyWechatSignature(cfg.wechat.publicKeys, headers, JSON.stringify(JSON.parse(W.body), null, 1))).toBe(false);
    expect(verifyWechatSignature(cfg.wechat.publicKeys, { ...headers, timestamp: "1718673127" }, W.body)).toBe(false);
    expect(verifyWechatSignature(cfg.wechat.publicKeys, { ...headers, serial: "OTHER" }, W.body)).toBe(false);
    expect(verifyWechatSignature(cfg.wechat.publicKeys, { ...headers, signature: "bm90IGEgc2lnbmF0dXJl" }, W.body)).toBe(false);
  });

  it("decrypts the resource to the documented plaintext, and refuses a tampered ciphertext", () => {
    const body = WechatNotifyBody.parse(JSON.parse(W.body));
    expect(decryptWechatResource(body.resource, W.apiV3Key)).toEqual(JSON.parse(W.plaintext));
    const bad = Buffer.from(body.resource.ciphertext, "base64");
    bad[3] ^= 1;
    expect(() => decryptWechatResource({ ...body.resource, ciphertext: bad.toString("base64") }, W.apiV3Key)).toThrow();
    expect(() => decryptWechatResource(body.resource, "X".repeat(32))).toThrow();
  });
});

describe("Alipay async notify RSA2 (payments.md §3.4 test vector)", () => {
  it("verifies the form body and rebuilds the signed string exactly", () => {
    const { ok, params } = verifyAlipayNotify(cfg.alipay.publicKey, alipayVectorBody());
    expect(ok).toBe(true);
    expect(Buffer.byteLength(ALIPAY_VECTOR.signedString)).toBe(650);
    expect(params.out_trade_no).toBe("OH20240618000201");
  });

  it("fails when a value changes or a + in sign arrives as a space", () => {
    expect(verifyAlipayNotify(cfg.alipay.publicKey, alipayVectorBody().replace("total_amount=128.00", "total_amount=1.00")).ok).toBe(false);
    const spaced = alipayVectorBody().replace(/sign=[^&]+/, (m) => m.replaceAll("%2B", "+"));
    expect(verifyAlipayNotify(cfg.alipay.publicKey, spaced).ok).toBe(false);
    expect(verifyAlipayNotify(cfg.alipay.publicKey, "a=1").ok).toBe(false);
  });
});
