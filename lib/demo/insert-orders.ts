/**
 * Bulk loader for generated demo data: one `INSERT … SELECT FROM unnest($1::text[], …)` per table
 * per batch, which sends a whole batch as a handful of array parameters instead of thousands of
 * rows of placeholders. Times travel as epoch-millisecond float8 arrays (no date formatting).
 *
 * With a Pool, parent rows (customers, orders) go on one connection while the previous batch's
 * child rows (items, payments, refunds, shipments, status log) go on two others, and the next batch
 * is generated meanwhile. Each statement commits on its own, so a failure leaves the batches before
 * it in place. With a single client everything runs in order on it (inside the caller's
 * transaction, if it opened one).
 */
import pg from "pg";
import { DEMO_CHANNELS } from "./channels";
import type { CustomerRow, DemoBatch, OrderItemRow, OrderRow, PaymentRow, RefundRow, ShipmentRow, StatusLogRow } from "./types";

type Queryable = pg.ClientBase | pg.Pool;

export interface DemoInsertCounts {
  customers: number;
  orders: number;
  items: number;
  payments: number;
  refunds: number;
  shipments: number;
  statusLog: number;
}

export interface InsertDemoOrdersOptions {
  /** Called after each batch's rows are all stored, with the running totals. */
  onBatch?: (totals: DemoInsertCounts) => void;
  /**
   * Skip foreign-key checks on the loader's own pool connections (session_replication_role =
   * replica, as pg_restore --disable-triggers does). The generator's rows are consistent by
   * construction; this saves ~10 trigger calls per order. Needs a superuser (the embedded server
   * is one); silently ignored otherwise. Disables every trigger on those connections, so leave it
   * off once tables carry triggers that must run.
   */
  skipForeignKeyChecks?: boolean;
}

type PgType = "text" | "int4" | "bool" | "float8" | "jsonb";
interface Column<R> {
  name: string;
  type: PgType;
  /** Cast applied to the unnested value (enums, jsonb, text[]); "ts" converts epoch ms. */
  cast?: string;
  get: (row: R) => unknown;
}

interface TableInsert<R> {
  name: string;
  text: string;
  values: (rows: R[]) => unknown[];
}

function table<R>(name: string, columns: Column<R>[]): TableInsert<R> {
  const select = columns.map((c, i) => (c.cast === "ts" ? `to_timestamp(c${i} / 1000)` : c.cast ? `c${i}::${c.cast}` : `c${i}`));
  // ROWS FROM zips the arrays like multi-argument unnest; JSON documents come as one JSON array
  // (jsonb_array_elements), which spares escaping every payload again as an array element.
  const sources = columns.map((c, i) => (c.type === "jsonb" ? `jsonb_array_elements($${i + 1}::jsonb)` : `unnest($${i + 1}::${c.type}[])`));
  const text =
    `INSERT INTO "${name}" (${columns.map((c) => `"${c.name}"`).join(", ")}) ` +
    `SELECT ${select.join(", ")} FROM ROWS FROM (${sources.join(", ")}) ` +
    `AS t(${columns.map((_, i) => `c${i}`).join(", ")})`;
  return {
    name,
    text,
    values: (rows) => columns.map((c) => {
      const out = new Array<unknown>(rows.length);
      for (let i = 0; i < rows.length; i++) out[i] = c.get(rows[i]);
      return c.type === "jsonb" ? `[${out.join(",")}]` : arrayLiteral(out);
    }),
  };
}

// JSON escapes of control characters, which mean something else (or nothing) in an array literal.
const JSON_CONTROL_ESCAPE = /\\[bfnrtu]/;

/**
 * The Postgres array literal for a column, built by JSON.stringify: for strings free of control
 * characters JSON's quoting (\" and \\) is the array literal's, and a bare null reads as NULL.
 * node-postgres' own array serialiser is ~8× slower on large JSON texts; it stays the fallback.
 */
function arrayLiteral(values: unknown[]): string | unknown[] {
  const json = JSON.stringify(values);
  if (JSON_CONTROL_ESCAPE.test(json)) return values;
  return `{${json.slice(1, -1)}}`;
}

const text = <R>(name: string, get: (r: R) => unknown, cast?: string): Column<R> => ({ name, type: "text", get, cast });
const int = <R>(name: string, get: (r: R) => number): Column<R> => ({ name, type: "int4", get });
const bool = <R>(name: string, get: (r: R) => boolean): Column<R> => ({ name, type: "bool", get });
const ts = <R>(name: string, get: (r: R) => number | null): Column<R> => ({ name, type: "float8", cast: "ts", get });
// Tags are a text[] per row; unnest would flatten a 2-D array, so each row's array goes as its literal.
const tagsLiteral = (tags: string[]) => `{${tags.map((t) => `"${t.replace(/["\\]/g, "\\$&")}"`).join(",")}}`;

const CUSTOMERS = table<CustomerRow>("customers", [
  text("id", (r) => r.id), text("display_name", (r) => r.displayName), text("phone", (r) => r.phone), ts("created_at", (r) => r.createdAt),
]);

const ORDERS = table<OrderRow>("orders", [
  text("id", (r) => r.id), text("order_no", (r) => r.orderNo), text("channel_id", (r) => r.channelId),
  text("platform_order_id", (r) => r.platformOrderId), text("platform_status", (r) => r.platformStatus),
  text("status", (r) => r.status, `"OrderStatus"`), text("customer_id", (r) => r.customerId), text("buyer_nick", (r) => r.buyerNick),
  text("receiver_name", (r) => r.receiverName), text("receiver_phone", (r) => r.receiverPhone),
  text("receiver_province", (r) => r.receiverProvince), text("receiver_city", (r) => r.receiverCity),
  text("receiver_district", (r) => r.receiverDistrict), text("receiver_detail", (r) => r.receiverDetail),
  text("receiver_region", (r) => r.receiverRegion), bool("address_incomplete", (r) => r.addressIncomplete),
  int("goods_fen", (r) => r.goodsFen), int("freight_fen", (r) => r.freightFen), int("merchant_discount_fen", (r) => r.merchantDiscountFen),
  int("platform_subsidy_fen", (r) => r.platformSubsidyFen), int("coupon_fen", (r) => r.couponFen), int("paid_fen", (r) => r.paidFen),
  int("refunded_fen", (r) => r.refundedFen), text("buyer_note", (r) => r.buyerNote), text("seller_note", (r) => r.sellerNote),
  text("tags", (r) => tagsLiteral(r.tags), "text[]"), bool("is_test", (r) => r.isTest), int("priority", (r) => r.priority),
  ts("placed_at", (r) => r.placedAt), ts("paid_at", (r) => r.paidAt), ts("shipped_at", (r) => r.shippedAt),
  ts("delivered_at", (r) => r.deliveredAt), ts("completed_at", (r) => r.completedAt), ts("platform_modified_at", (r) => r.platformModifiedAt),
  { name: "raw_payload", type: "jsonb", get: (r) => r.rawPayload }, int("version", (r) => r.version),
  ts("created_at", (r) => r.createdAt), ts("updated_at", (r) => r.updatedAt),
]);

const ITEMS = table<OrderItemRow>("order_items", [
  text("id", (r) => r.id), text("order_id", (r) => r.orderId), text("sku_code", (r) => r.skuCode), text("title", (r) => r.title),
  int("quantity", (r) => r.quantity), int("unit_price_fen", (r) => r.unitPriceFen), int("discount_fen", (r) => r.discountFen),
  int("paid_fen", (r) => r.paidFen),
]);

const PAYMENTS = table<PaymentRow>("payments", [
  text("id", (r) => r.id), text("pay_no", (r) => r.payNo), text("order_id", (r) => r.orderId),
  text("provider", (r) => r.provider, `"PaymentProvider"`), text("provider_txn_id", (r) => r.providerTxnId),
  int("amount_fen", (r) => r.amountFen), ts("paid_at", (r) => r.paidAt), ts("created_at", (r) => r.createdAt),
]);

const REFUNDS = table<RefundRow>("refunds", [
  text("id", (r) => r.id), text("refund_no", (r) => r.refundNo), text("order_id", (r) => r.orderId), int("amount_fen", (r) => r.amountFen),
  text("reason", (r) => r.reason), text("status", (r) => r.status, `"RefundStatus"`),
  ts("requested_at", (r) => r.requestedAt), ts("completed_at", (r) => r.completedAt),
]);

const SHIPMENTS = table<ShipmentRow>("shipments", [
  text("id", (r) => r.id), text("order_id", (r) => r.orderId), text("carrier_code", (r) => r.carrierCode), text("tracking_no", (r) => r.trackingNo),
  ts("shipped_at", (r) => r.shippedAt), ts("last_event_at", (r) => r.lastEventAt), text("last_event", (r) => r.lastEvent),
]);

const STATUS_LOG = table<StatusLogRow>("order_status_log", [
  text("order_id", (r) => r.orderId), text("from_status", (r) => r.fromStatus, `"OrderStatus"`), text("to_status", (r) => r.toStatus, `"OrderStatus"`),
  text("action", (r) => r.action), text("actor_id", (r) => r.actorId), text("actor_name", (r) => r.actorName),
  text("source", (r) => r.source, `"StatusSource"`), text("reason", (r) => r.reason), ts("created_at", (r) => r.createdAt),
]);

async function insertRows<R>(client: pg.ClientBase, spec: TableInsert<R>, rows: R[]): Promise<number> {
  if (rows.length === 0) return 0;
  // Named: each connection parses and plans the statement once, not once per batch.
  const res = await client.query({ name: `demo_insert_${spec.name}`, text: spec.text, values: spec.values(rows) });
  return res.rowCount ?? 0;
}

/** Creates the six demo channels; existing ones are left as they are. Returns how many were new. */
export async function insertDemoChannels(client: Queryable): Promise<number> {
  const res = await client.query(
    `INSERT INTO channels (id, platform, name, shop_code, secret, pull_interval_minutes, app_key)
     SELECT id, platform::"Platform", name, shop_code, secret, pull, app_key FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int4[], $7::text[])
       AS t(id, platform, name, shop_code, secret, pull, app_key)
     ON CONFLICT DO NOTHING`,
    [
      DEMO_CHANNELS.map((c) => c.id), DEMO_CHANNELS.map((c) => c.platform), DEMO_CHANNELS.map((c) => c.name),
      DEMO_CHANNELS.map((c) => c.shopCode), DEMO_CHANNELS.map((c) => c.secret), DEMO_CHANNELS.map((c) => c.pullIntervalMinutes),
      DEMO_CHANNELS.map((c) => c.appKey),
    ],
  );
  return res.rowCount ?? 0;
}

/** Inserts generated batches in foreign-key order; the demo channels must exist. Returns row counts. */
export async function insertDemoOrders(
  client: Queryable,
  batches: Iterable<DemoBatch> | AsyncIterable<DemoBatch>,
  options: InsertDemoOrdersOptions = {},
): Promise<DemoInsertCounts> {
  const totals: DemoInsertCounts = { customers: 0, orders: 0, items: 0, payments: 0, refunds: 0, shipments: 0, statusLog: 0 };
  if (client instanceof pg.Pool && (client.options.max ?? 10) < 3) {
    // A pool too small to lend three connections: run everything on one.
    const one = await client.connect();
    try {
      return await insertDemoOrders(one, batches, options);
    } finally {
      one.release();
    }
  }
  const lanes: pg.PoolClient[] = client instanceof pg.Pool ? await Promise.all([0, 1, 2].map(() => client.connect())) : [];
  for (const lane of lanes) {
    // Batches are big: keep unnest's row buffer in memory instead of a temp file.
    await lane.query("SET work_mem = '64MB'");
    if (options.skipForeignKeyChecks) await lane.query("SET session_replication_role = replica").catch(() => {});
  }
  const [parents, childA, childB]: pg.ClientBase[] = lanes.length ? lanes : [client as pg.ClientBase, client as pg.ClientBase, client as pg.ClientBase];

  const itemsAndMore = async (batch: DemoBatch) => {
    totals.items += await insertRows(childA, ITEMS, batch.items);
    totals.payments += await insertRows(childA, PAYMENTS, batch.payments);
    totals.refunds += await insertRows(childA, REFUNDS, batch.refunds);
    totals.shipments += await insertRows(childA, SHIPMENTS, batch.shipments);
  };
  const statusLog = async (batch: DemoBatch) => {
    totals.statusLog += await insertRows(childB, STATUS_LOG, batch.statusLog);
  };

  const parentRows = async (batch: DemoBatch) => {
    totals.customers += await insertRows(parents, CUSTOMERS, batch.customers);
    totals.orders += await insertRows(parents, ORDERS, batch.orders);
  };
  const childRows = (batch: DemoBatch) =>
    Promise.all([itemsAndMore(batch), statusLog(batch)]).then(() => options.onBatch?.({ ...totals }));

  // Pipeline (pool): while batch N's parents and batch N−1's children are in flight on their
  // connections, this process generates batch N+1 (pulling the next batch is the CPU work).
  let children: Promise<void> = Promise.resolve();
  let pending: { batch: DemoBatch; parents: Promise<void> } | null = null;
  const settle = (p: Promise<unknown>) => p.catch(() => {}); // rejections surface at the next await
  let failed = false;
  try {
    for await (const batch of batches) {
      if (!lanes.length) {
        // One client: strictly one statement at a time (pg refuses overlapping queries).
        await parentRows(batch);
        await itemsAndMore(batch);
        await statusLog(batch);
        options.onBatch?.({ ...totals });
        continue;
      }
      if (pending) {
        await pending.parents;
        await children;
        children = childRows(pending.batch);
        settle(children);
      }
      pending = { batch, parents: parentRows(batch) };
      settle(pending.parents);
    }
    if (pending) {
      await pending.parents;
      await children;
      children = childRows(pending.batch);
    }
    await children;
  } catch (err) {
    failed = true;
    await Promise.allSettled([children, pending?.parents]);
    throw err;
  } finally {
    // Session settings must not leak to the pool's next borrower; a failed connection is discarded.
    for (const lane of lanes) {
      if (!failed) await lane.query("RESET work_mem; RESET session_replication_role").catch(() => {});
      lane.release(failed);
    }
  }
  return totals;
}
