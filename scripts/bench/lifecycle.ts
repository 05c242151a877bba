// Lifecycle benchmark (issue 4): transitions/s for a mixed workload on 10,000 orders, and the p95
// latency of confirmShipment. Works on its own orders (OHB…, ch_pos, test orders) and removes them after.
import { randomUUID } from "node:crypto";
import { createDb, type DbClient } from "../../lib/db/client";
import { cancel, hold, release } from "../../lib/lifecycle/control-actions";
import { complete, confirmShipment, markDelivered, markPaid, pushToWms } from "../../lib/lifecycle/fulfilment-actions";
import { systemActor, type ActionContext } from "../../lib/lifecycle/order-actor";

const PREFIX = "OHB";

async function cleanup(db: DbClient) {
  const ids = `SELECT id FROM orders WHERE order_no LIKE '${PREFIX}%'`;
  await db.$executeRawUnsafe(`DELETE FROM order_status_log WHERE order_id IN (${ids})`);
  await db.$executeRawUnsafe(`DELETE FROM shipments WHERE order_id IN (${ids})`);
  await db.$executeRawUnsafe(`DELETE FROM outbox_events WHERE order_id IN (${ids})`);
  await db.$executeRawUnsafe(`DELETE FROM idempotency_keys WHERE order_id IN (${ids})`);
  await db.$executeRawUnsafe(`DELETE FROM order_items WHERE order_id IN (${ids})`);
  await db.$executeRawUnsafe(`DELETE FROM orders WHERE order_no LIKE '${PREFIX}%'`);
}

export async function benchLifecycle(databaseUrl: string, opts: { orders?: number; concurrency?: number } = {}) {
  const n = opts.orders ?? 10_000;
  const concurrency = opts.concurrency ?? 16;
  const db = createDb(databaseUrl, concurrency);
  await cleanup(db);
  const now = new Date();
  const run = randomUUID().slice(0, 6).toUpperCase();
  for (let i = 0; i < n; i += 2000) {
    await db.order.createMany({
      data: Array.from({ length: Math.min(2000, n - i) }, (_, k) => ({
        orderNo: `${PREFIX}${run}${String(i + k).padStart(6, "0")}`, channelId: "ch_pos", platformOrderId: `B${run}${i + k}`, platformStatus: "bench",
        status: "PENDING_PAYMENT" as const, receiverName: "压测", receiverDetail: "—", goodsFen: 10_000, paidFen: 10_000, placedAt: now,
        platformModifiedAt: now, rawPayload: {}, isTest: true,
      })),
    });
  }
  const orders = await db.order.findMany({ where: { orderNo: { startsWith: `${PREFIX}${run}` } }, select: { id: true }, orderBy: { orderNo: "asc" } });
  const ctx = (reason?: string): ActionContext => ({ by: systemActor("bench"), source: "SCHEDULER", idempotencyKey: randomUUID(), reason });

  // Mixed workload: every order is paid and pushed; 80 % ship (timed), are delivered and completed;
  // 10 % are held and released on the way; 10 % are cancelled after payment.
  const shipMs: number[] = [];
  let transitions = 0;
  const lifecycle = async (id: string, i: number) => {
    await markPaid(db, id, ctx());
    transitions++;
    if (i % 10 === 9) {
      await cancel(db, id, ctx("bench"));
      transitions++;
      return;
    }
    await pushToWms(db, id, ctx());
    transitions++;
    if (i % 10 === 8) {
      await hold(db, id, ctx("bench"));
      await release(db, id, ctx());
      transitions += 2;
    }
    const t = performance.now();
    await confirmShipment(db, id, ctx(), { carrierCode: "SF", trackingNo: `SFB${run}${String(i).padStart(7, "0")}` });
    shipMs.push(performance.now() - t);
    await markDelivered(db, id, ctx());
    await complete(db, id, ctx());
    transitions += 3;
  };
  const started = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < orders.length) {
      const i = next++;
      await lifecycle(orders[i].id, i);
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  shipMs.sort((a, b) => a - b);
  const pct = (p: number) => Number(shipMs[Math.min(shipMs.length - 1, Math.floor(p * shipMs.length))].toFixed(2));
  await cleanup(db);
  await db.$disconnect();
  return {
    orders: n, concurrency, transitions, seconds: Number(seconds.toFixed(1)),
    transitionsPerSecond: Math.round(transitions / seconds),
    confirmShipmentMs: { p50: pct(0.5), p95: pct(0.95), n: shipMs.length },
    target: { transitionsPerSecond: 500 },
  };
}
