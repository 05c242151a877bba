/**
 * POST /api/channels/{channelId}/orders, as a domain function: signature over the raw bytes first,
 * then lossless JSON, then one order or a batch through the shared write path. Answers 2xx only
 * after every order is stored (or recognised as already stored); anything refused is quarantined
 * raw with its reason, and the sender gets a machine-readable code and a Chinese message per order.
 */
import type { DbClient } from "../../db/client";
import { ingestNativeBatch, type NativeOutcome } from "../ingest-native";
import { parseJsonLossless } from "../mappers";
import { INTAKE_MESSAGES, MAX_QUARANTINED_BODY, quarantinePayload, type IntakeErrorCode } from "../quarantine";
import { douyinEventSign, sameHex } from "../platform-sign";
import { verifySignature } from "./signature";

export const MAX_BATCH = 500;

export interface PushOrderResult {
  index: number;
  ok: boolean;
  platformOrderId: string | null;
  orderNo?: string;
  outcome?: string;
  code?: string;
  message?: string;
  field?: string;
}

export interface PushResponse {
  status: number;
  /** The hub's answer ({ok, code, message, results}), or Douyin's expected {code: 0, msg} for a message push. */
  body: { ok?: boolean; code?: string | 0; message?: string; msg?: string; results?: PushOrderResult[] };
}

/**
 * Douyin's own message push (pdd-douyin.md §2.6): an array of `{tag, msg_id, data}` whose `data` is a
 * JSON string — a trigger that something changed, not an order.
 */
export function isDouyinMessagePush(parsed: unknown): boolean {
  return Array.isArray(parsed) && parsed.length > 0 && parsed.every((m) => m && typeof m === "object" && "tag" in m && ("msg_id" in m || "msgId" in m) && typeof (m as { data?: unknown }).data === "string");
}

/** A batch is a JSON array of native orders or `{ "orders": [...] }`; anything else is one order. */
export function splitBatch(parsed: unknown): unknown[] | null {
  if (Array.isArray(parsed)) return parsed;
  if (parsed && typeof parsed === "object" && Array.isArray((parsed as { orders?: unknown }).orders)) return (parsed as { orders: unknown[] }).orders;
  return null;
}

function refuse(status: number, code: IntakeErrorCode): PushResponse {
  return { status, body: { ok: false, code, message: INTAKE_MESSAGES[code] } };
}

function toResult(index: number, r: NativeOutcome): PushOrderResult {
  return r.ok
    ? { index, ok: true, platformOrderId: r.platformOrderId, orderNo: r.orderNo, outcome: r.outcome }
    : { index, ok: false, platformOrderId: r.platformOrderId, code: r.code, message: r.message, ...(r.field ? { field: r.field } : {}) };
}

/** The signature headers a push may carry: the hub's X-Signature, or Douyin's own event-sign. */
export interface PushSignatures {
  xSignature: string | null;
  eventSign?: string | null;
}

/**
 * X-Signature (HMAC-SHA256 with the channel secret) for every channel; a Douyin channel with an app
 * key also accepts the platform's own `event-sign` = md5(app_key + body + app_secret) (pdd-douyin.md §2.6).
 */
function signatureOk(channel: { platform: string; secret: string; appKey: string | null }, raw: Uint8Array, sig: PushSignatures): boolean {
  if (channel.platform === "DOUYIN" && channel.appKey && sig.eventSign) return sameHex(douyinEventSign(channel.appKey, raw, channel.secret), sig.eventSign);
  return verifySignature(channel.secret, raw, sig.xSignature);
}

export async function receivePush(db: DbClient, channelId: string, raw: Uint8Array, sig: PushSignatures): Promise<PushResponse> {
  const text = () => Buffer.from(raw).toString("utf8");
  const keep = (reasonCode: IntakeErrorCode) =>
    quarantinePayload(db, { channelId, source: "PLATFORM_PUSH", reasonCode, reason: INTAKE_MESSAGES[reasonCode], rawBody: text() });

  if (raw.byteLength > MAX_QUARANTINED_BODY) return refuse(413, "BODY_TOO_LARGE");
  const channel = await db.channel.findUnique({ where: { id: channelId }, select: { id: true, platform: true, active: true, secret: true, appKey: true } });
  if (!channel || !channel.active) {
    await keep("UNKNOWN_CHANNEL");
    return refuse(404, "UNKNOWN_CHANNEL");
  }
  if (!signatureOk(channel, raw, sig)) {
    await keep("BAD_SIGNATURE");
    return refuse(401, "BAD_SIGNATURE");
  }
  let parsed: unknown;
  try {
    parsed = parseJsonLossless(text());
  } catch {
    await keep("INVALID_JSON");
    return refuse(422, "INVALID_JSON");
  }
  if (channel.platform === "DOUYIN" && isDouyinMessagePush(parsed)) {
    // Treated as the trigger it is: the channel becomes due, and the next minute's pull job re-reads
    // its changed orders through the one write path (repeats of a msg_id change nothing more).
    await db.pullCursor.upsert({ where: { channelId: channel.id }, create: { channelId: channel.id }, update: { lastRunAt: null } });
    return { status: 200, body: { code: 0, msg: "success" } };
  }
  const batch = splitBatch(parsed);
  const orders = batch ?? [parsed];
  if (orders.length === 0) {
    await keep("EMPTY_BATCH");
    return refuse(422, "EMPTY_BATCH");
  }
  if (orders.length > MAX_BATCH) {
    await keep("BATCH_TOO_LARGE");
    return refuse(413, "BATCH_TOO_LARGE");
  }
  const target = { id: channel.id, platform: channel.platform };
  const outcomes = await ingestNativeBatch(db, target, orders, { source: "PLATFORM_PUSH" });
  const results = outcomes.map((r, index) => toResult(index, r));
  const allOk = results.every((r) => r.ok);
  return { status: allOk ? 200 : 422, body: { ok: allOk, results } };
}
