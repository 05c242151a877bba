// Lifecycle benchmark (issue 4): transitions/s for a mixed workload on 10,000 orders, and the p95
// latency of confirmShipment. Works on its own orders (OHB…, ch_pos, test orders) and removes them after.
// Alone: `npx tsx scripts/bench/lifecycle.ts [orders] [concurrency]` against DATABASE_URL (default: the
// bench database of `npm run bench`, which must be running).
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import pg from "pg";
import { createDb, type DbClient } from "../../lib/db/client";
import { cancel, hold, release } from "../../lib/lifecycle/control-actions";
import { complete, confirmShipment, markDelivered, markPaid, pushToWms } from "../../lib/lifecycle/fulfilment-actions";
import { systemActor, type ActionContext } from "../../lib/lifecycle/order-actor";
import { deleteBenchOrders } from "./delete-bench-orders";
import { runAlone } from "./run-alone";

const PREFIX = "OHB";
const APP_NAME = "orderhub-lifecycle-bench";

/** CPU time (ms) used so far by this bench's server processes, from /proc; null when not on this machine. */
async function serverCpuMs(db: DbClient): Promise<number | null> {
  const pids = await db.$queryRaw<{ pid: number }[]>`SELECT pid FROM pg_stat_activity WHERE application_name = ${APP_NAME}`;
  try {
    const tick = 1000 / 100; // USER_HZ is 100 on Linux
    return pids.reduce((sum, { pid }) => {
      const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      return sum + (Number(f[11]) + Number(f[12])) * tick;
    }, 0);
  } catch {
    return null;
  }
}

/** The run's orders (by their hub number prefix) and everything hanging off them. */
async function cleanup(databaseUrl: string) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    await deleteBenchOrders(pool, `SELECT id FROM orders WHERE order_no LIKE '${PREFIX}%'`);
  } finally {
    await pool.end();
  }
}

export async function benchLifecycle(databaseUrl: string, opts: { orders?: number; concurrency?: number } = {}) {
  const n = opts.orders ?? 10_000;
  const concurrency = opts.concurrency ?? 16;
  const url = new URL(databaseUrl);
  url.searchParams.set("application_name", APP_NAME); // to find our server processes for their CPU time
  const db = createDb(url.toString(), concurrency);
  await cleanup(databaseUrl);
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
  const cpuBefore = process.cpuUsage();
  const pgBefore = await serverCpuMs(db);
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < orders.length) {
      const i = next++;
      await lifecycle(orders[i].id, i);
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const pgAfter = await serverCpuMs(db);
  const load = loadavg();
  shipMs.sort((a, b) => a - b);
  const pct = (p: number) => Number(shipMs[Math.min(shipMs.length - 1, Math.floor(p * shipMs.length))].toFixed(2));
  await cleanup(databaseUrl);
  await db.$disconnect();
  return {
    orders: n, concurrency, transitions, seconds: Number(seconds.toFixed(1)),
    transitionsPerSecond: Math.round(transitions / seconds),
    confirmShipmentMs: { p50: pct(0.5), p95: pct(0.95), n: shipMs.length },
    // Node CPU per transition (the database's share is not visible from here) and the machine's load, for context.
    nodeCpuMsPerTransition: Number(((cpu.user + cpu.system) / 1000 / transitions).toFixed(2)),
    // PostgreSQL CPU of this run's connections (readable when the server runs on this machine; a floor).
    pgCpuMsPerTransition: pgAfter === null || pgBefore === null ? null : Number(((pgAfter - pgBefore) / transitions).toFixed(2)),
    loadAverage1m: Number(load[0].toFixed(1)),
    target: { transitionsPerSecond: 500 },
  };
}

await runAlone(import.meta.url, (url, [orders, concurrency]) => benchLifecycle(url, { orders: orders || undefined, concurrency: concurrency || undefined }));
