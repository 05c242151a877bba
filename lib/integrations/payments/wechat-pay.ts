import { createDecipheriv, createVerify } from "node:crypto";
import { z } from "zod";

/** WeChat Pay v3 notify signature: SHA256withRSA over `timestamp\nnonce\nbody\n` (raw bytes), base64. */
export function verifyWechatSignature(
  publicKeys: Record<string, string>,
  h: { timestamp?: string; nonce?: string; signature?: string; serial?: string },
  rawBody: string,
): boolean {
  const pem = h.serial ? publicKeys[h.serial] : undefined;
  if (!pem || !h.timestamp || !h.nonce || !h.signature) return false;
  try {
    return createVerify("RSA-SHA256").update(`${h.timestamp}\n${h.nonce}\n${rawBody}\n`, "utf8").verify(pem, h.signature, "base64");
  } catch {
    return false;
  }
}

export const WechatResource = z.object({
  algorithm: z.literal("AEAD_AES_256_GCM"),
  ciphertext: z.string().min(24),
  nonce: z.string().min(1),
  associated_data: z.string().optional().default(""),
  original_type: z.string().optional(),
});

export const WechatNotifyBody = z.object({
  id: z.string().min(1),
  create_time: z.string().optional(),
  event_type: z.string().min(1),
  resource_type: z.string().optional(),
  resource: WechatResource,
});

/** AES-256-GCM with the APIv3 key; the last 16 bytes of the ciphertext are the tag. Throws when it does not authenticate. */
export function decryptWechatResource(r: z.infer<typeof WechatResource>, apiV3Key: string): unknown {
  const buf = Buffer.from(r.ciphertext, "base64");
  const d = createDecipheriv("aes-256-gcm", Buffer.from(apiV3Key, "utf8"), Buffer.from(r.nonce, "utf8"));
  d.setAAD(Buffer.from(r.associated_data ?? "", "utf8"));
  d.setAuthTag(buf.subarray(buf.length - 16));
  return JSON.parse(Buffer.concat([d.update(buf.subarray(0, buf.length - 16)), d.final()]).toString("utf8"));
}

export const WechatTransaction = z.object({
  mchid: z.string(),
  appid: z.string(),
  out_trade_no: z.string().min(1).max(64),
  transaction_id: z.string().min(1).max(64),
  trade_state: z.string(),
  success_time: z.string().optional(),
  amount: z.object({ total: z.number().int().nonnegative(), payer_total: z.number().int().optional(), currency: z.string().optional() }),
});

/** The decrypted resource of a REFUND.SUCCESS / REFUND.ABNORMAL / REFUND.CLOSED notify (payments.md §2.5); amounts in fen. */
export const WechatRefund = z.object({
  mchid: z.string(),
  out_trade_no: z.string().min(1).max(64),
  transaction_id: z.string().min(1).max(64),
  out_refund_no: z.string().min(1).max(64),
  refund_id: z.string().min(1).max(64),
  refund_status: z.enum(["SUCCESS", "ABNORMAL", "CLOSED"]),
  success_time: z.string().optional(),
  amount: z.object({ total: z.number().int().nonnegative(), refund: z.number().int().positive(), payer_total: z.number().int().optional(), payer_refund: z.number().int().optional() }),
});
