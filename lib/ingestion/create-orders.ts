/**
 * First sight of a set of orders, inside the write path's transaction: a handful of set-based
 * statements for the whole set (orders, items, payments, refunds, shipments, status log, outbox,
 * routing) instead of a dozen round trips per order — what makes batches of 100 fast.
 */
import { newRowId } from "../db/row-id";
import { SYSTEM_ACTOR_NAME } from "../access/actor";
import type { Prisma } from "../db/client";
import { loadRoutingRules, reserveForOrder, stockSnapshot } from "../routing/route-order";
import type { CanonicalOrder } from "./canonical-order";
import { bulkInsert, bulkInsertNew, type Column } from "./bulk-insert";
import { nextOrderNos, nextPayNos, nextRefundNos } from "./hub-numbers";
import type { OrderColumns } from "./order-columns";
import type { IngestSource } from "./ingest-order";

type Tx = Prisma.TransactionClient;

export interface NewOrder {
  order: CanonicalOrder;
  cols: OrderColumns;
  rawPayload: Prisma.InputJsonValue;
}

type OrderRow = { n: NewOrder; id: string; orderNo: string; channelId: string; refundedFen: number };
const c = (o: OrderRow) => o.n.cols;
const ORDER_COLUMNS: Column<OrderRow>[] = [
  ["id", "text", (o) => o.id], ["order_no", "text", (o) => o.orderNo], ["channel_id", "text", (o) => o.channelId],
  ["platform_order_id", "text", (o) => o.n.order.platformOrderId], ["platform_status", "text", (o) => c(o).platformStatus],
  ["status", '"OrderStatus"', (o) => o.n.order.status], ["buyer_nick", "text", (o) => c(o).buyerNick], ["receiver_name", "text", (o) => c(o).receiverName],
  ["receiver_phone", "text", (o) => c(o).receiverPhone], ["receiver_province", "text", (o) => c(o).receiverProvince], ["receiver_city", "text", (o) => c(o).receiverCity],
  ["receiver_district", "text", (o) => c(o).receiverDistrict], ["receiver_detail", "text", (o) => c(o).receiverDetail], ["receiver_region", "text", (o) => c(o).receiverRegion],
  ["address_incomplete", "bool", (o) => c(o).addressIncomplete], ["goods_fen", "int", (o) => c(o).goodsFen], ["freight_fen", "int", (o) => c(o).freightFen],
  ["merchant_discount_fen", "int", (o) => c(o).merchantDiscountFen], ["platform_subsidy_fen", "int", (o) => c(o).platformSubsidyFen], ["coupon_fen", "int", (o) => c(o).couponFen],
  ["paid_fen", "int", (o) => c(o).paidFen], ["refunded_fen", "int", (o) => o.refundedFen], ["buyer_note", "text", (o) => c(o).buyerNote], ["seller_note", "text", (o) => c(o).sellerNote],
  ["tags", "text[]", (o) => c(o).tags], ["is_test", "bool", (o) => c(o).isTest], ["priority", "int", (o) => c(o).priority], ["placed_at", "timestamptz", (o) => c(o).placedAt],
  ["paid_at", "timestamptz", (o) => c(o).paidAt], ["shipped_at", "timestamptz", (o) => c(o).shippedAt], ["delivered_at", "timestamptz", (o) => c(o).deliveredAt],
  ["completed_at", "timestamptz", (o) => c(o).completedAt], ["platform_modified_at", "timestamptz", (o) => c(o).platformModifiedAt], ["raw_payload", "jsonb", (o) => o.n.rawPayload],
];
type ItemRow = { it: CanonicalOrder["items"][number]; orderId: string };
const ITEM_COLUMNS: Column<ItemRow>[] = [
  ["id", "text", () => newRowId()], ["order_id", "text", (r) => r.orderId], ["sku_code", "text", (r) => r.it.skuCode],
  ["title", "text", (r) => (r.it.variant ? `${r.it.title}（${r.it.variant}）` : r.it.title)], ["quantity", "int", (r) => r.it.quantity],
  ["unit_price_fen", "int", (r) => r.it.unitPriceFen], ["discount_fen", "int", (r) => r.it.discountFen], ["paid_fen", "int", (r) => r.it.paidFen],
];
type PaymentRow = { p: CanonicalOrder["payments"][number]; orderId: string; id: string; payNo: string };
const PAYMENT_COLUMNS: Column<PaymentRow>[] = [
  ["id", "text", (r) => r.id], ["pay_no", "text", (r) => r.payNo], ["order_id", "text", (r) => r.orderId], ["provider", '"PaymentProvider"', (r) => r.p.provider],
  ["provider_txn_id", "text", (r) => r.p.providerTxnId ?? null], ["amount_fen", "int", (r) => r.p.amountFen], ["paid_at", "timestamptz", (r) => r.p.paidAt],
];
type RefundRow = { r: CanonicalOrder["refunds"][number]; orderId: string; modifiedAt: Date; refundNo: string };
const REFUND_COLUMNS: Column<RefundRow>[] = [
  ["id", "text", () => newRowId()], ["refund_no", "text", (x) => x.refundNo], ["order_id", "text", (x) => x.orderId], ["platform_refund_id", "text", (x) => x.r.platformRefundId],
  ["amount_fen", "int", (x) => x.r.amountFen], ["reason", "text", (x) => x.r.reason ?? null], ["status", '"RefundStatus"', (x) => x.r.status],
  ["requested_at", "timestamptz", (x) => x.r.requestedAt], ["completed_at", "timestamptz", (x) => (x.r.status === "COMPLETED" ? x.modifiedAt : null)],
];
type ShipmentRow = { orderId: string; carrierCode: string; trackingNo: string; shippedAt: Date };
const SHIPMENT_COLUMNS: Column<ShipmentRow>[] = [
  ["id", "text", () => newRowId()], ["order_id", "text", (s) => s.orderId], ["carrier_code", "text", (s) => s.carrierCode],
  ["tracking_no", "text", (s) => s.trackingNo], ["shipped_at", "timestamptz", (s) => s.shippedAt],
];
type LogRow = { orderId: string; to: string; reason: string | null; source: string };
const LOG_COLUMNS: Column<LogRow>[] = [
  ["order_id", "text", (l) => l.orderId], ["to_status", '"OrderStatus"', (l) => l.to], ["action", "text", () => "ingest.create"],
  ["actor_name", "text", () => SYSTEM_ACTOR_NAME], ["source", '"StatusSource"', (l) => l.source], ["reason", "text", (l) => l.reason],
];
type OutboxRow = { orderId: string; payload: object };
const OUTBOX_COLUMNS: Column<OutboxRow>[] = [["event_type", "text", () => "ORDER_CREATED"], ["order_id", "text", (e) => e.orderId], ["payload", "jsonb", (e) => e.payload]];
type RoutingRow = { orderId: string; warehouseId: string | null; status: string; reason: string | null; reserved: unknown };
const ROUTING_COLUMNS: Column<RoutingRow>[] = [
  ["order_id", "text", (r) => r.orderId], ["warehouse_id", "text", (r) => r.warehouseId], ["status", "text", (r) => r.status],
  ["reason", "text", (r) => r.reason], ["reserved", "jsonb", (r) => r.reserved],
];

/**
 * Inserts the orders that are new to the hub. A concurrent writer may have stored one of them since
 * the caller looked: the insert skips it (ON CONFLICT on (channel, platform order id), waiting for
 * that writer's commit) and its slot in the answer is null, for the caller to treat as stored.
 * Rows go in key order, so two batches sharing orders wait on each other in one order (no deadlock).
 */
export async function createOrders(tx: Tx, channelId: string, list: NewOrder[], source: IngestSource): Promise<({ id: string; orderNo: string } | null)[]> {
  if (list.length === 0) return [];
  const orderNos = await nextOrderNos(tx, list.length);
  const ids = list.map(() => newRowId());
  const refundedFen = (o: CanonicalOrder) => o.refunds.filter((r) => r.status === "COMPLETED").reduce((s, r) => s + r.amountFen, 0);
  const rows = list.map((n, i) => ({ n, id: ids[i], orderNo: orderNos[i], channelId, refundedFen: refundedFen(n.order) }));
  rows.sort((a, b) => (a.n.order.platformOrderId < b.n.order.platformOrderId ? -1 : a.n.order.platformOrderId > b.n.order.platformOrderId ? 1 : 0));
  const inserted = await bulkInsertNew(tx, "orders", ORDER_COLUMNS, rows, "channel_id, platform_order_id");
  const mine = list.map((n, i) => ({ n, id: ids[i], orderNo: orderNos[i] })).filter((x) => inserted.has(x.id));
  const made = mine.map((x) => x.n);
  const madeIds = mine.map((x) => x.id);
  await bulkInsert(tx, "order_items", ITEM_COLUMNS, mine.flatMap((x) => x.n.order.items.map((it) => ({ it, orderId: x.id }))));
  await createPayments(tx, made, madeIds);
  const refunds = mine.flatMap((x) => x.n.order.refunds.map((r) => ({ r, orderId: x.id, modifiedAt: x.n.order.platformModifiedAt })));
  const refundNos = await nextRefundNos(tx, refunds.length);
  if (refunds.length) {
    await bulkInsert(tx, "refunds", REFUND_COLUMNS, refunds.map((x, k) => ({ ...x, refundNo: refundNos[k] })), "ON CONFLICT DO NOTHING");
  }
  // A tracking number already on another order stays there (the anomaly workbench owns that case).
  const shipments = mine.flatMap((x) => x.n.order.shipments.map((s) => ({ orderId: x.id, carrierCode: s.carrierCode, trackingNo: s.trackingNo, shippedAt: s.shippedAt })));
  await bulkInsert(tx, "shipments", SHIPMENT_COLUMNS, shipments, "ON CONFLICT DO NOTHING");
  await bulkInsert(tx, "order_status_log", LOG_COLUMNS, mine.map((x) => ({ orderId: x.id, to: x.n.order.status, reason: x.n.order.reviewReason ?? null, source })));
  await bulkInsert(tx, "outbox_events", OUTBOX_COLUMNS, mine.map((x) => ({ orderId: x.id, payload: { orderNo: x.orderNo, channelId, status: x.n.order.status, source } })));
  await routeNew(tx, made, madeIds);
  return ids.map((id, i) => (inserted.has(id) ? { id, orderNo: orderNos[i] } : null));
}

/**
 * Payments keyed by (provider, transaction id): new ones are inserted; one a payment notify parked
 * unlinked before the order arrived is linked to it instead. Two statements for the whole set.
 */
async function createPayments(tx: Tx, list: NewOrder[], ids: string[]) {
  const seen = new Set<string>();
  const all = list.flatMap((n, i) => n.order.payments.map((p) => ({ p, orderId: ids[i] }))).filter(({ p }) => {
    if (!p.providerTxnId) return true;
    const key = `${p.provider}|${p.providerTxnId}`;
    return !seen.has(key) && !!seen.add(key);
  });
  if (all.length === 0) return;
  const nos = await nextPayNos(tx, all.length);
  const rows = all.map((x, k) => ({ ...x, id: newRowId(), payNo: nos[k] }));
  const inserted = await bulkInsertNew(tx, "payments", PAYMENT_COLUMNS, rows, "provider, provider_txn_id");
  const known = rows.filter((r) => !inserted.has(r.id) && r.p.providerTxnId);
  if (known.length) {
    await tx.$executeRaw`UPDATE payments p SET order_id = k.order_id
      FROM unnest(${known.map((r) => r.p.provider)}::text[], ${known.map((r) => r.p.providerTxnId!)}::text[], ${known.map((r) => r.orderId)}::text[]) AS k(provider, txn, order_id)
      WHERE p.provider = k.provider::"PaymentProvider" AND p.provider_txn_id = k.txn AND p.order_id IS NULL`;
  }
}

/** Paid orders get a warehouse and reserve stock (lib/routing); rules and a stock snapshot are read once per set. */
async function routeNew(tx: Tx, list: NewOrder[], ids: string[]) {
  const paid = list.map((n, i) => ({ n, id: ids[i] })).filter((x) => x.n.order.status === "PAID");
  if (paid.length === 0) return;
  const rules = await loadRoutingRules(tx);
  const snapshot = await stockSnapshot(tx, paid.flatMap((x) => x.n.order.items.map((it) => it.skuCode)));
  const rows: RoutingRow[] = [];
  for (const x of paid) {
    const r = await reserveForOrder(tx, rules, x.n.cols.receiverRegion, x.n.order.items, snapshot);
    rows.push({ orderId: x.id, warehouseId: r.warehouseId, status: r.status, reason: r.reason, reserved: r.reserved });
  }
  await bulkInsert(tx, "order_routings", ROUTING_COLUMNS, rows);
}
