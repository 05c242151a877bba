// Dashboards benchmark (issue 7): p95 of each dashboard's data load (as the operations manager and as
// the 华东 regional manager) and the time to bring the rollups up to date after 10,000 new orders.
// Targets: each dashboard < 300 ms, incremental refresh < 5 s. Builds the rollups first when they are
// missing (timed: the full rebuild). Its 10,000 orders are taken out of the rollups and deleted after.
// Alone: `npx tsx scripts/bench/dashboards.ts [runs]` against DATABASE_URL (default: the bench database).
import { loadavg } from "node:os";
import pg from "pg";
import type { Actor } from "../../lib/access/actor";
import { loadStrategic, loadTactical } from "../../lib/dashboards/load-business";
import { loadExecution } from "../../lib/dashboards/load-execution";
import { loadHealth } from "../../lib/dashboards/load-health";
import { loadKpis } from "../../lib/dashboards/load-kpis";
import { applyOrders, forgetOrders, rebuildRollups, refreshRollups } from "../../lib/dashboards/refresh-rollups";
import { createDb, type DbClient } from "../../lib/db/client";
import { generateDemoOrders, type DemoBatch } from "../../lib/demo/generate-orders";
import { insertDemoOrders } from "../../lib/demo/insert-orders";
import { bizDay } from "../../lib/time/biz-time";
import { loadActor } from "../../lib/users/load-actor";
import { deleteBenchOrders } from "./delete-bench-orders";
import { runAlone } from "./run-alone";

const NEW_ORDERS = 10_000;
/** Far beyond any seeded index (the generator allows up to 50 million), so numbers and ids never collide with the seed's. */
const START_INDEX = 45_000_000;

const DASHBOARDS: Record<string, (db: DbClient, actor: Actor) => Promise<unknown>> = {
  // The business dashboard's first load is the KPIs plus the strategic tier, in parallel (as the page does).
  business: (db, a) => Promise.all([loadKpis(db, a, {}), loadStrategic(db, a, {})]),
  tactical: (db, a) => loadTactical(db, a, {}),
  execution: (db, a) => loadExecution(db, a, {}),
  health: (db, a) => loadHealth(db, a, {}),
};

function percentiles(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => Number(s[Math.min(s.length - 1, Math.floor(p * s.length))].toFixed(1));
  return { p50: at(0.5), p95: at(0.95), n: s.length };
}

async function loads(db: DbClient, actor: Actor, runs: number) {
  const out: Record<string, ReturnType<typeof percentiles>> = {};
  for (const [name, load] of Object.entries(DASHBOARDS)) {
    for (let i = 0; i < 3; i++) await load(db, actor); // warm-up
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await load(db, actor);
      ms.push(performance.now() - t);
    }
    out[name] = percentiles(ms);
  }
  return out;
}

/** The run's orders with everything hanging off them, then its orphan payments and customers. */
async function deleteOrders(client: pg.Client, orderIds: string[], customerIds: string[], paymentIds: string[]) {
  await deleteBenchOrders(client, "SELECT unnest($1::text[])", [orderIds]);
  // Orphan payments (no order) do not hang off orders; left behind they collide with the next run's pay numbers.
  await client.query(`DELETE FROM payments WHERE id = ANY($1::text[])`, [paymentIds]);
  await client.query(`DELETE FROM customers c WHERE c.id = ANY($1::text[]) AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id)`, [customerIds]);
}

export async function benchDashboards(databaseUrl: string, opts: { runs?: number } = {}) {
  const runs = opts.runs ?? 30;
  const db = createDb(databaseUrl, 4);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const count = async (sql: string) => Number((await client.query<{ n: string }>(sql)).rows[0].n);
    const orders = await count(`SELECT count(*) AS n FROM orders`);
    let fullRebuild: { orders: number; seconds: number } | string = "rollups already built (reused)";
    if ((await count(`SELECT count(*) AS n FROM dash_order_facts`)) !== orders) {
      const r = await rebuildRollups(db);
      fullRebuild = { orders: r.orders, seconds: Number((r.ms / 1000).toFixed(1)) };
    }
    const actor = async (username: string) => (await loadActor(db, (await db.user.findUniqueOrThrow({ where: { username } })).id))!;
    const ops = await actor("ops");
    const east = await actor("east");
    const loadMs = { ops: await loads(db, ops, runs), east: await loads(db, east, runs) };

    // 10,000 new orders of today, written the way the demo seed writes them.
    const orderIds: string[] = [];
    const customerIds: string[] = [];
    const paymentIds: string[] = [];
    function* recorded(): Generator<DemoBatch> {
      for (const batch of generateDemoOrders({ seed: 4242, count: NEW_ORDERS, endDay: bizDay(new Date()), days: 1, startIndex: START_INDEX })) {
        orderIds.push(...batch.orders.map((o) => o.id));
        customerIds.push(...batch.customers.map((c) => c.id));
        paymentIds.push(...batch.payments.map((p) => p.id));
        yield batch;
      }
    }
    try {
      await insertDemoOrders(client, recorded()); // inside the try: a failed insert still cleans up what it wrote
      // The event path: each order's ORDER_CREATED applies it (here all 10,000 at once, in chunks).
      let t = performance.now();
      await applyOrders(db, orderIds);
      const eventPathSeconds = Number(((performance.now() - t) / 1000).toFixed(2));
      t = performance.now();
      const feed = await refreshRollups(db);
      const feedSeconds = Number(((performance.now() - t) / 1000).toFixed(2));
      const applied = await count(`SELECT count(*) AS n FROM dash_order_facts`);
      return {
        orders,
        fullRebuild,
        loadMs,
        incremental: { newOrders: NEW_ORDERS, applySeconds: eventPathSeconds, factsAfter: applied, feedPass: { orders: feed.orders, seconds: feedSeconds } },
        loadAverage1m: Number(loadavg()[0].toFixed(1)),
        targets: { dashboardP95Ms: 300, incrementalSeconds: 5 },
      };
    } finally {
      await forgetOrders(db, orderIds);
      await deleteOrders(client, orderIds, customerIds, paymentIds);
    }
  } finally {
    await client.end();
    await db.$disconnect();
  }
}

await runAlone(import.meta.url, (url, [runs]) => benchDashboards(url, { runs: runs || undefined }));
