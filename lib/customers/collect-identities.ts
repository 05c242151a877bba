import { newRowId } from "../db/row-id";
import type { Db } from "../db/client";
import { evidenceFromOrder, type IdentityEvidence, type OrderForEvidence } from "./evidence-from-order";

const ORDER_FIELDS = {
  id: true, channelId: true, customerId: true, buyerNick: true, receiverName: true, receiverPhone: true,
  receiverProvince: true, receiverCity: true, receiverDistrict: true, receiverDetail: true, rawPayload: true,
} as const;

/**
 * Collects identity evidence for orders that have no evidence yet (incremental: the backfill and the
 * job are the same call). An order that arrived without a customer (pushed, imported, pulled) first gets
 * one: the customer already holding the same platform buyer id in that channel, else a new customer, so
 * that cross-channel duplicates surface as merge proposals rather than being merged silently.
 * Returns the customers that got new evidence, for matching.
 */
export async function collectIdentities(db: Db, opts: { batchSize?: number; maxOrders?: number } = {}) {
  const batchSize = opts.batchSize ?? 2000;
  const maxOrders = opts.maxOrders ?? Number.MAX_SAFE_INTEGER;
  const touched = new Set<string>();
  let orders = 0;
  let identities = 0;
  let lastId = "";
  while (orders < maxOrders) {
    // Keyset over order ids: an order with no usable evidence is passed over, not re-read forever.
    const ids = await db.$queryRaw<{ id: string }[]>`
      SELECT o.id FROM orders o
      WHERE o.id > ${lastId}
        AND (o.customer_id IS NULL OR NOT EXISTS (SELECT 1 FROM customer_identities ci WHERE ci.source_order_id = o.id))
      ORDER BY o.id LIMIT ${Math.min(batchSize, maxOrders - orders)}`;
    if (ids.length === 0) break;
    lastId = ids[ids.length - 1].id;
    const rows = await db.order.findMany({ where: { id: { in: ids.map((r) => r.id) } }, select: ORDER_FIELDS });
    await assignCustomers(db, rows.filter((o) => !o.customerId));
    const evidence: IdentityEvidence[] = rows.flatMap((o) => (o.customerId ? evidenceFromOrder({ ...o, customerId: o.customerId }) : []));
    if (evidence.length) identities += await insertEvidence(db, evidence);
    for (const e of evidence) touched.add(e.customerId);
    orders += ids.length;
  }
  return { orders, identities, customerIds: [...touched] };
}

type OrderRow = { id: string; customerId: string | null; receiverName: string; receiverPhone: string | null; buyerNick: string | null } & Omit<OrderForEvidence, "customerId">;

/** Gives each order without a customer one (see collectIdentities); sets `customerId` on the rows. */
async function assignCustomers(db: Db, orders: OrderRow[]) {
  if (orders.length === 0) return;
  const buyerKeys = new Map<string, string>(); // order id → its platform buyer hash (channel-scoped)
  for (const o of orders) {
    const buyer = evidenceFromOrder({ ...o, customerId: "" }).find((e) => e.kind === "platformBuyer");
    if (buyer) buyerKeys.set(o.id, buyer.valueHash);
  }
  const known = new Map<string, string>(); // buyer hash → surviving customer id
  if (buyerKeys.size) {
    const found = await db.$queryRaw<{ value_hash: string; customer_id: string }[]>`
      SELECT DISTINCT ON (ci.value_hash) ci.value_hash, COALESCE(c.merged_into_id, c.id) AS customer_id
        FROM customer_identities ci JOIN customers c ON c.id = ci.customer_id
       WHERE ci.kind = 'platformBuyer' AND ci.value_hash = ANY(${[...new Set(buyerKeys.values())]}::text[])
       ORDER BY ci.value_hash, ci.created_at`;
    for (const r of found) known.set(r.value_hash, r.customer_id);
  }
  const created: { id: string; displayName: string; phone: string | null }[] = [];
  for (const o of orders) {
    const buyer = buyerKeys.get(o.id);
    let customerId = buyer ? known.get(buyer) : undefined;
    if (!customerId) {
      customerId = newRowId();
      const phone = o.receiverPhone && /^1\d{10}$/.test(o.receiverPhone) ? o.receiverPhone : null; // never a masked copy
      created.push({ id: customerId, displayName: o.receiverName.trim() || o.buyerNick?.trim() || "—", phone });
      if (buyer) known.set(buyer, customerId); // a second order of the same buyer in this batch joins it
    }
    o.customerId = customerId;
  }
  if (created.length) await db.customer.createMany({ data: created });
  await db.$executeRaw`
    UPDATE orders o SET customer_id = v.customer_id
      FROM unnest(${orders.map((o) => o.id)}::text[], ${orders.map((o) => o.customerId!)}::text[]) AS v(id, customer_id)
     WHERE o.id = v.id AND o.customer_id IS NULL`;
}

/** One array-parameter INSERT per batch (createMany of many rows is ~40× slower here). */
async function insertEvidence(db: Db, evidence: IdentityEvidence[]): Promise<number> {
  const col = <K extends keyof IdentityEvidence>(k: K) => evidence.map((e) => e[k]);
  return db.$executeRaw`
    INSERT INTO customer_identities (id, customer_id, kind, value_hash, display, source_order_id)
    SELECT * FROM unnest(${evidence.map(() => newRowId())}::text[], ${col("customerId")}::text[], ${col("kind")}::text[],
      ${col("valueHash")}::text[], ${col("display")}::text[], ${col("sourceOrderId")}::text[])
    ON CONFLICT (source_order_id, kind, value_hash) DO NOTHING`;
}
