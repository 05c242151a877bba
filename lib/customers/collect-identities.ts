import { randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import { evidenceFromOrder, type IdentityEvidence } from "./evidence-from-order";

const ORDER_FIELDS = {
  id: true, channelId: true, customerId: true, buyerNick: true, receiverName: true, receiverPhone: true,
  receiverProvince: true, receiverCity: true, receiverDistrict: true, receiverDetail: true, rawPayload: true,
} as const;

/**
 * Collects identity evidence for orders that have a customer but no evidence yet (incremental: the
 * backfill and the job are the same call). Returns the customers that got new evidence, for matching.
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
      WHERE o.customer_id IS NOT NULL AND o.id > ${lastId}
        AND NOT EXISTS (SELECT 1 FROM customer_identities ci WHERE ci.source_order_id = o.id)
      ORDER BY o.id LIMIT ${Math.min(batchSize, maxOrders - orders)}`;
    if (ids.length === 0) break;
    lastId = ids[ids.length - 1].id;
    const rows = await db.order.findMany({ where: { id: { in: ids.map((r) => r.id) } }, select: ORDER_FIELDS });
    const evidence: IdentityEvidence[] = rows.flatMap((o) => (o.customerId ? evidenceFromOrder({ ...o, customerId: o.customerId }) : []));
    if (evidence.length) identities += await insertEvidence(db, evidence);
    for (const e of evidence) touched.add(e.customerId);
    orders += ids.length;
  }
  return { orders, identities, customerIds: [...touched] };
}

/** One array-parameter INSERT per batch (createMany of many rows is ~40× slower here). */
async function insertEvidence(db: Db, evidence: IdentityEvidence[]): Promise<number> {
  const col = <K extends keyof IdentityEvidence>(k: K) => evidence.map((e) => e[k]);
  return db.$executeRaw`
    INSERT INTO customer_identities (id, customer_id, kind, value_hash, display, source_order_id)
    SELECT * FROM unnest(${evidence.map(() => randomUUID())}::text[], ${col("customerId")}::text[], ${col("kind")}::text[],
      ${col("valueHash")}::text[], ${col("display")}::text[], ${col("sourceOrderId")}::text[])
    ON CONFLICT (source_order_id, kind, value_hash) DO NOTHING`;
}
