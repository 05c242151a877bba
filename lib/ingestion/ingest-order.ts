/**
 * THE write path of every way in (push, file import, pull; SPEC §1): validate the canonical order,
 * cleanse it, and upsert it idempotently by (channel, platform order id) — an older snapshot (by
 * the platform's modified time) never overwrites a newer one — with its items, payments, refunds
 * and shipments, the raw payload, the first status-log row, routing for paid orders, and an ingest
 * event for the data-quality figures. A set of orders shares one transaction (batches of a push,
 * chunks of a file, pages of a pull); concurrent deliveries of one order serialise on an advisory
 * lock, so 50 parallel pushes of one order make one order.
 */
import type { Db, DbClient, Prisma } from "../db/client";
import type { OrderStatus, StatusSource } from "../db/generated/prisma/enums";
import { canonicalOrderSchema, type CanonicalOrder } from "./canonical-order";
import { bulkInsert, type Column } from "./bulk-insert";
import { cleanseOrder, type CleanOrder } from "./cleanse-order";
import { createOrders, type NewOrder } from "./create-orders";
import { loadKeywords } from "./keywords";
import { orderColumns } from "./order-columns";
import { STORED_FIELDS, updateOrder } from "./update-order";

export type IngestSource = Extract<StatusSource, "PLATFORM_PUSH" | "PLATFORM_PULL" | "FILE_IMPORT">;

export interface IngestChannel {
  id: string;
}

export interface IngestResult {
  outcome: "CREATED" | "UPDATED" | "UNCHANGED" | "STALE";
  orderId: string;
  orderNo: string;
  status: OrderStatus;
}

export interface IngestInput {
  order: CanonicalOrder;
  raw: unknown;
}

const MAX_LATENCY_MS = 2_147_483_647;

type EventRow = { channelId: string; source: string; outcome: string; orderId: string; platformOrderId: string; latencyMs: number; nullFields: string[]; invalidFields: string[] };
const EVENT_COLUMNS: Column<EventRow>[] = [
  ["channel_id", "text", (e) => e.channelId], ["source", '"StatusSource"', (e) => e.source], ["outcome", '"IngestOutcome"', (e) => e.outcome],
  ["order_id", "text", (e) => e.orderId], ["platform_order_id", "text", (e) => e.platformOrderId], ["latency_ms", "int", (e) => e.latencyMs],
  ["null_fields", "text[]", (e) => e.nullFields], ["invalid_fields", "text[]", (e) => e.invalidFields],
];

async function inTx<T>(db: Db, fn: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  if ("$transaction" in db) return (db as DbClient).$transaction(fn, { maxWait: 30_000, timeout: 120_000 });
  return fn(db);
}

interface Prepared extends NewOrder {
  clean: CleanOrder;
  key: string;
}

export async function ingestOrders(db: Db, channel: IngestChannel, inputs: IngestInput[], source: IngestSource): Promise<IngestResult[]> {
  if (inputs.length === 0) return [];
  const keywords = await loadKeywords(db);
  const prepared: Prepared[] = inputs.map(({ order: o, raw }) => {
    const order = canonicalOrderSchema.parse(o);
    const clean = cleanseOrder(order, keywords);
    return { order, clean, cols: orderColumns(order, clean), rawPayload: (raw ?? {}) as Prisma.InputJsonValue, key: `${channel.id}|${order.platformOrderId}` };
  });

  const results = await inTx(db, async (tx) => {
    // Sorted, so two batches sharing orders take their locks in the same order.
    const keys = [...new Set(prepared.map((p) => p.key))].sort();
    await tx.$queryRaw`SELECT count(pg_advisory_xact_lock(hashtextextended(k, 3))) FROM (SELECT unnest(${keys}::text[]) AS k ORDER BY 1) AS s`;
    const storedRows = await tx.order.findMany({
      where: { channelId: channel.id, platformOrderId: { in: prepared.map((p) => p.order.platformOrderId) } },
      select: STORED_FIELDS,
    });
    const stored = new Map(storedRows.map((s) => [s.platformOrderId, s]));
    const out: (IngestResult | null)[] = prepared.map(() => null);
    // First sight of an order, once per batch; repeats of it later in the batch are updates.
    const fresh = prepared.map((p, i) => ({ p, i })).filter(({ p, i }) => !stored.has(p.order.platformOrderId) && prepared.findIndex((q) => q.key === p.key) === i);
    const created = await createOrders(tx, channel.id, fresh.map((f) => f.p), source);
    fresh.forEach((f, k) => (out[f.i] = { outcome: "CREATED", orderId: created[k].id, orderNo: created[k].orderNo, status: f.p.order.status }));
    for (const [i, p] of prepared.entries()) {
      if (out[i]) continue;
      let s = stored.get(p.order.platformOrderId);
      if (!s) s = await tx.order.findUniqueOrThrow({ where: { channelId_platformOrderId: { channelId: channel.id, platformOrderId: p.order.platformOrderId } }, select: STORED_FIELDS });
      out[i] = await updateOrder(tx, s, p, source);
      stored.set(p.order.platformOrderId, { ...s, status: out[i]!.status, platformStatus: p.order.platformStatus, platformModifiedAt: out[i]!.outcome === "UPDATED" ? p.order.platformModifiedAt : s.platformModifiedAt });
    }
    return out as IngestResult[];
  });

  const now = Date.now();
  await bulkInsert(db, "ingest_events", EVENT_COLUMNS, prepared.map((p, i) => ({
    channelId: channel.id, source, outcome: results[i].outcome, orderId: results[i].orderId, platformOrderId: p.order.platformOrderId,
    latencyMs: Math.min(MAX_LATENCY_MS, Math.max(0, now - p.order.platformModifiedAt.getTime())),
    nullFields: p.clean.nullFields, invalidFields: p.clean.invalidFields,
  })));
  return results;
}

export async function ingestOrder(db: Db, channel: IngestChannel, order: CanonicalOrder, raw: unknown, source: IngestSource): Promise<IngestResult> {
  const [result] = await ingestOrders(db, channel, [{ order, raw }], source);
  return result;
}
