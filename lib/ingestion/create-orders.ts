/**
 * First sight of a set of orders, inside the write path's transaction: a handful of set-based
 * statements for the whole set (orders, items, payments, refunds, shipments, status log, outbox,
 * routing) instead of a dozen round trips per order — what makes batches of 100 fast.
 */
import { randomUUID } from "node:crypto";
import { SYSTEM_ACTOR_NAME } from "../access/actor";
import type { Prisma } from "../db/client";
import { loadRoutingRules, reserveForOrder, stockSnapshot } from "../routing/route-order";
import type { CanonicalOrder } from "./canonical-order";
import { bulkInsert, type Column } from "./bulk-insert";
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
  ["id", "text", () => randomUUID()], ["order_id", "text", (r) => r.orderId], ["sku_code", "text", (r) => r.it.skuCode],
  ["title", "text", (r) => (r.it.variant ? `${r.it.title}（${r.it.variant}）` : r.it.title)], ["quantity", "int", (r) => r.it.quantity],
  ["unit_price_fen", "int", (r) => r.it.unitPriceFen], ["discount_fen", "int", (r) => r.it.discountFen], ["paid_fen", "int", (r) => r.it.paidFen],
];
type PaymentRow = { p: CanonicalOrder["payments"][number]; orderId: string; payNo: string };
const PAYMENT_COLUMNS: Column<PaymentRow>[] = [
  ["id", "text", () => randomUUID()], ["pay_no", "text", (r) => r.payNo], ["order_id", "text", (r) => r.orderId], ["provider", '"PaymentProvider"', (r) => r.p.provider],
  ["provider_txn_id", "text", (r) => r.p.providerTxnId ?? null], ["amount_fen", "int", (r) => r.p.amountFen], ["paid_at", "timestamptz", (r) => r.p.paidAt],
];
type RefundRow = { r: CanonicalOrder["refunds"][number]; orderId: string; modifiedAt: Date; refundNo: string };
const REFUND_COLUMNS: Column<RefundRow>[] = [
  ["id", "text", () => randomUUID()], ["refund_no", "text", (x) => x.refundNo], ["order_id", "text", (x) => x.orderId], ["platform_refund_id", "text", (x) => x.r.platformRefundId],
  ["amount_fen", "int", (x) => x.r.amountFen], ["reason", "text", (x) => x.r.reason ?? null], ["status", '"RefundStatus"', (x) => x.r.status],
  ["requested_at", "timestamptz", (x) => x.r.requestedAt], ["completed_at", "timestamptz", (x) => (x.r.status === "COMPLETED" ? x.modifiedAt : null)],
];
type ShipmentRow = { orderId: string; carrierCode: string; trackingNo: string; shippedAt: Date };
const SHIPMENT_COLUMNS: Column<ShipmentRow>[] = [
  ["id", "text", () => randomUUID()], ["order_id", "text", (s) => s.orderId], ["carrier_code", "text", (s) => s.carrierCode],
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

export async function createOrders(tx: Tx, channelId: string, list: NewOrder[], source: IngestSource): Promise<{ id: string; orderNo: string }[]> {
  if (list.length === 0) return [];
  const orderNos = await nextOrderNos(tx, list.map((n) => n.order.placedAt));
  const ids = list.map(() => randomUUID());
  const refundedFen = (o: CanonicalOrder) => o.refunds.filter((r) => r.status === "COMPLETED").reduce((s, r) => s + r.amountFen, 0);
  await bulkInsert(tx, "orders", ORDER_COLUMNS, list.map((n, i) => ({ n, id: ids[i], orderNo: orderNos[i], channelId, refundedFen: refundedFen(n.order) })));
  await bulkInsert(tx, "order_items", ITEM_COLUMNS, list.flatMap((n, i) => n.order.items.map((it) => ({ it, orderId: ids[i] }))));
  await createPayments(tx, list, ids);
  const refunds = list.flatMap((n, i) => n.order.refunds.map((r) => ({ r, orderId: ids[i], modifiedAt: n.order.platformModifiedAt })));
  const refundNos = await nextRefundNos(tx, refunds.map((x) => x.r.requestedAt));
  if (refunds.length) {
    await bulkInsert(tx, "refunds", REFUND_COLUMNS, refunds.map((x, k) => ({ ...x, refundNo: refundNos[k] })), "ON CONFLICT DO NOTHING");
  }
  // A tracking number already on another order stays there (the anomaly workbench owns that case).
  const shipments = list.flatMap((n, i) => n.order.shipments.map((s) => ({ orderId: ids[i], carrierCode: s.carrierCode, trackingNo: s.trackingNo, shippedAt: s.shippedAt })));
  await bulkInsert(tx, "shipments", SHIPMENT_COLUMNS, shipments, "ON CONFLICT DO NOTHING");
  await bulkInsert(tx, "order_status_log", LOG_COLUMNS, list.map((n, i) => ({ orderId: ids[i], to: n.order.status, reason: n.order.reviewReason ?? null, source })));
  await bulkInsert(tx, "outbox_events", OUTBOX_COLUMNS, list.map((n, i) => ({ orderId: ids[i], payload: { orderNo: orderNos[i], channelId, status: n.order.status, source } })));
  await routeNew(tx, list, ids);
  return ids.map((id, i) => ({ id, orderNo: orderNos[i] }));
}

async function createPayments(tx: Tx, list: NewOrder[], ids: string[]) {
  const all = list.flatMap((n, i) => n.order.payments.map((p) => ({ p, orderId: ids[i] })));
  if (all.length === 0) return;
  const keyed = all.filter((x) => x.p.providerTxnId);
  const known = keyed.length
    ? await tx.$queryRaw<{ id: string; provider: string; providerTxnId: string; orderId: string | null }[]>`
        SELECT p.id, p.provider::text AS provider, p.provider_txn_id AS "providerTxnId", p.order_id AS "orderId"
          FROM payments p JOIN unnest(${keyed.map((x) => x.p.provider)}::text[], ${keyed.map((x) => x.p.providerTxnId!)}::text[]) AS k(provider, txn)
            ON p.provider = k.provider::"PaymentProvider" AND p.provider_txn_id = k.txn`
    : [];
  const seen = new Set<string>();
  const fresh: typeof all = [];
  for (const x of all) {
    const key = x.p.providerTxnId ? `${x.p.provider}|${x.p.providerTxnId}` : null;
    const hit = key ? known.find((k) => `${k.provider}|${k.providerTxnId}` === key) : undefined;
    // A payment notify may have arrived first and parked the payment unlinked: link it.
    if (hit) {
      if (hit.orderId === null) await tx.payment.update({ where: { id: hit.id }, data: { orderId: x.orderId } });
      continue;
    }
    if (key && seen.has(key)) continue;
    if (key) seen.add(key);
    fresh.push(x);
  }
  const nos = await nextPayNos(tx, fresh.map((x) => x.p.paidAt));
  if (fresh.length) {
    await bulkInsert(tx, "payments", PAYMENT_COLUMNS, fresh.map((x, k) => ({ ...x, payNo: nos[k] })));
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
