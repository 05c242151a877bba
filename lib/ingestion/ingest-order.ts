/**
 * THE write path of every way in (push, file import, pull; SPEC §1): take the canonical order its
 * mapper validated (zod, in runMapper — the only way orders reach here), cleanse it, and upsert it idempotently by (channel, platform order id) — an older snapshot (by
 * the platform's modified time) never overwrites a newer one — with its items, payments, refunds
 * and shipments, the raw payload, the first status-log row, routing for paid orders, and an ingest
 * event for the data-quality figures. A set of orders shares one transaction (batches of a push,
 * chunks of a file, pages of a pull) and is written set-based: one read of what is stored, one
 * INSERT … ON CONFLICT DO NOTHING for the new orders (and one per child table), so a chunk of
 * thousands costs a dozen statements. Concurrent deliveries of one order meet on the unique key
 * (channel, platform order id): one insert wins, the others see it stored — 50 parallel pushes of
 * one order make one order. Only a newer snapshot of a stored order takes that row's lock.
 */
import { withTx, type Db } from "../db/client";
import { Prisma } from "../db/generated/prisma/client";
import type { OrderStatus, StatusSource } from "../db/generated/prisma/enums";
import type { CanonicalOrder } from "./canonical-order";
import { bulkInsert, type Column } from "./bulk-insert";
import { cleanseOrder, type CleanOrder } from "./cleanse-order";
import { createOrders, type NewOrder } from "./create-orders";
import { loadKeywords } from "./keywords";
import { orderColumns } from "./order-columns";
import { updateOrder, type StoredOrder } from "./update-order";

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
  /** A mapper's output: runMapper has already validated it against canonicalOrderSchema. */
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

const STORED_COLUMNS = Prisma.sql`id, order_no AS "orderNo", platform_order_id AS "platformOrderId", status::text AS status,
  platform_status AS "platformStatus", platform_modified_at AS "platformModifiedAt", receiver_name AS "receiverName",
  receiver_phone AS "receiverPhone", receiver_detail AS "receiverDetail", buyer_nick AS "buyerNick"`;

/** What is stored of these orders: one array parameter, whatever the batch size. */
async function readStored(tx: Prisma.TransactionClient, channelId: string, platformOrderIds: string[]): Promise<StoredOrder[]> {
  return tx.$queryRaw<StoredOrder[]>`SELECT ${STORED_COLUMNS} FROM orders WHERE channel_id = ${channelId} AND platform_order_id = ANY(${platformOrderIds}::text[])`;
}

/** The stored row of an order, locked until the transaction ends (a newer snapshot is about to be applied). */
async function lockStored(tx: Prisma.TransactionClient, channelId: string, platformOrderId: string): Promise<StoredOrder> {
  const [row] = await tx.$queryRaw<StoredOrder[]>`SELECT ${STORED_COLUMNS} FROM orders WHERE channel_id = ${channelId} AND platform_order_id = ${platformOrderId} FOR UPDATE`;
  return row;
}

interface Prepared extends NewOrder {
  clean: CleanOrder;
}

export async function ingestOrders(db: Db, channel: IngestChannel, inputs: IngestInput[], source: IngestSource): Promise<IngestResult[]> {
  if (inputs.length === 0) return [];
  const keywords = await loadKeywords(db);
  const prepared: Prepared[] = inputs.map(({ order, raw }) => {
    const clean = cleanseOrder(order, keywords);
    return { order, clean, cols: orderColumns(order, clean), rawPayload: (raw ?? {}) as Prisma.InputJsonValue };
  });

  return withTx(db, async (tx) => {
    const storedRows = await readStored(tx, channel.id, [...new Set(prepared.map((p) => p.order.platformOrderId))]);
    const stored = new Map<string, StoredOrder>(storedRows.map((s) => [s.platformOrderId, s]));
    const out: (IngestResult | null)[] = prepared.map(() => null);
    // First sight of an order, once per batch; repeats of it later in the batch are updates.
    const firstAt = new Map<string, number>();
    prepared.forEach((p, i) => !firstAt.has(p.order.platformOrderId) && firstAt.set(p.order.platformOrderId, i));
    const fresh = prepared.map((p, i) => ({ p, i })).filter(({ p, i }) => !stored.has(p.order.platformOrderId) && firstAt.get(p.order.platformOrderId) === i);
    const created = await createOrders(tx, channel.id, fresh.map((f) => f.p), source);
    fresh.forEach((f, k) => {
      const c = created[k];
      if (c) out[f.i] = { outcome: "CREATED", orderId: c.id, orderNo: c.orderNo, status: f.p.order.status };
    });
    for (const [i, p] of prepared.entries()) {
      if (out[i]) continue;
      const id = p.order.platformOrderId;
      // Stored by this batch or by a concurrent writer since the read above: read it now, locked.
      const known = stored.get(id);
      let s = known ?? (await lockStored(tx, channel.id, id));
      const incomingAt = p.order.platformModifiedAt.getTime();
      if (incomingAt > s.platformModifiedAt.getTime()) {
        if (known) s = await lockStored(tx, channel.id, id); // re-read under the lock: a concurrent update may have won
        out[i] = await updateOrder(tx, s, p, source);
      } else {
        out[i] = await updateOrder(tx, s, p, source); // STALE or UNCHANGED: writes nothing
      }
      const r = out[i]!;
      stored.set(id, { ...s, status: r.status, platformStatus: r.outcome === "UPDATED" ? p.order.platformStatus : s.platformStatus, platformModifiedAt: r.outcome === "UPDATED" ? p.order.platformModifiedAt : s.platformModifiedAt });
    }
    const results = out as IngestResult[];
    const now = Date.now();
    await bulkInsert(tx, "ingest_events", EVENT_COLUMNS, prepared.map((p, i) => ({
      channelId: channel.id, source, outcome: results[i].outcome, orderId: results[i].orderId, platformOrderId: p.order.platformOrderId,
      latencyMs: Math.min(MAX_LATENCY_MS, Math.max(0, now - p.order.platformModifiedAt.getTime())),
      nullFields: p.clean.nullFields, invalidFields: p.clean.invalidFields,
    })));
    return results;
  }, { maxWait: 30_000, timeout: 120_000 });
}

export async function ingestOrder(db: Db, channel: IngestChannel, order: CanonicalOrder, raw: unknown, source: IngestSource): Promise<IngestResult> {
  const [result] = await ingestOrders(db, channel, [{ order, raw }], source);
  return result;
}
