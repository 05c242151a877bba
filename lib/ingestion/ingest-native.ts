/**
 * One native order (already parsed losslessly) → mapper → write path; a mapping failure goes to the
 * quarantine with its code and Chinese message instead of being dropped. Shared by push, file
 * import, pull and quarantine replay.
 */
import type { Db } from "../db/client";
import type { Platform } from "../db/generated/prisma/enums";
import type { CanonicalOrder } from "./canonical-order";
import { ingestOrders, type IngestResult, type IngestSource } from "./ingest-order";
import { mapNativeOrder, type MapperOptions } from "./mappers";
import { quarantinePayload } from "./quarantine";

export interface NativeChannel {
  id: string;
  platform: Platform;
}

export type NativeOutcome =
  | ({ ok: true; platformOrderId: string } & IngestResult)
  | { ok: false; code: string; message: string; field?: string; platformOrderId: string | null; quarantineId: string };

export interface NativeContext {
  source: IngestSource;
  importJobId?: string;
  rowNo?: number;
  options?: MapperOptions;
  /** Map with another platform's mapper (file rows use the hub's own template, whatever the channel). */
  mapAs?: Platform;
}

/** Best-effort order id of a payload the mapper refused, so the quarantine row can be found by it. */
export function guessPlatformOrderId(payload: unknown): string | null {
  if (typeof payload !== "object" || payload === null) return null;
  const p = payload as Record<string, unknown>;
  for (const key of ["tid_str", "tid", "orderId", "order_id", "order_sn", "orderNo", "receiptNo"]) {
    const v = p[key];
    if (typeof v === "string" && v) return v.slice(0, 64);
    if (typeof v === "number" && Number.isSafeInteger(v)) return String(v);
  }
  return null;
}

/**
 * A set of native orders: each is mapped on its own (a refusal is quarantined with its `rowNos`
 * entry, if given), and the mapped ones are written together in one transaction.
 */
export async function ingestNativeBatch(db: Db, channel: NativeChannel, payloads: unknown[], ctx: NativeContext & { rowNos?: number[] }): Promise<NativeOutcome[]> {
  const out: (NativeOutcome | null)[] = payloads.map(() => null);
  const good: { i: number; order: CanonicalOrder; raw: unknown }[] = [];
  for (const [i, payload] of payloads.entries()) {
    const mapped = mapNativeOrder(ctx.mapAs ?? channel.platform, payload, ctx.options);
    if (mapped.ok) {
      good.push({ i, order: mapped.order, raw: payload });
      continue;
    }
    const platformOrderId = guessPlatformOrderId(payload);
    const quarantineId = await quarantinePayload(db, {
      channelId: channel.id,
      source: ctx.source,
      reasonCode: mapped.code,
      reason: mapped.message,
      field: mapped.field,
      rawBody: JSON.stringify(payload, null, 2) ?? "null",
      platformOrderId,
      importJobId: ctx.importJobId,
      rowNo: ctx.rowNos?.[i] ?? ctx.rowNo,
    });
    out[i] = { ok: false, code: mapped.code, message: mapped.message, ...(mapped.field ? { field: mapped.field } : {}), platformOrderId, quarantineId };
  }
  const results = await ingestOrders(db, channel, good.map((g) => ({ order: g.order, raw: g.raw })), ctx.source);
  good.forEach((g, k) => (out[g.i] = { ok: true, platformOrderId: g.order.platformOrderId, ...results[k] }));
  return out as NativeOutcome[];
}

export async function ingestNative(db: Db, channel: NativeChannel, payload: unknown, ctx: NativeContext): Promise<NativeOutcome> {
  const [r] = await ingestNativeBatch(db, channel, [payload], ctx);
  return r;
}
