// `npm run bench [-- --orders 1000000 --reseed]`: builds (or reuses) a database of N orders and
// prints JSON: seeding throughput, search latency per kind of number, orders-page query latency.
import { parseArgs } from "node:util";
import pg from "pg";
import { createDb } from "../lib/db/client";
import { ensureDatabase } from "../lib/db/embedded";
import { migrate } from "../lib/db/migrate";
import { provisionDatabase } from "../lib/db/provision";
import { clearDemoOrders, seedDemo } from "../lib/demo/seed-demo";
import { listOrders } from "../lib/orders/list-orders";
import type { OrderListInput } from "../lib/orders/order-query";
import { loadActor } from "../lib/users/load-actor";

const { values } = parseArgs({ options: { orders: { type: "string", default: "1000000" }, reseed: { type: "boolean", default: false }, runs: { type: "string", default: "200" } } });
const target = Number(values.orders);
const runs = Number(values.runs);

const server = await provisionDatabase({ databaseUrl: process.env.DATABASE_URL });
const url = new URL(server.url);
url.pathname = "/orderhub_bench";
const benchUrl = url.toString();
await ensureDatabase(benchUrl);
await migrate(benchUrl);

const client = new pg.Client({ connectionString: benchUrl });
await client.connect();
const have = Number((await client.query(`SELECT count(*) AS n FROM orders`)).rows[0].n);
let seeding: { orders: number; seconds: number; ordersPerSecond: number } | null = null;
if (values.reseed || have !== target) {
  await clearDemoOrders(benchUrl);
  seeding = await seedDemo(benchUrl, { orders: target, seed: 42 });
}

const pick = async (sql: string) => (await client.query<{ v: string }>(sql)).rows.map((r) => r.v);
const sample = `TABLESAMPLE SYSTEM (1)`;
const terms: Record<string, string[]> = {
  orderNo: await pick(`SELECT order_no AS v FROM orders ${sample} LIMIT ${runs}`),
  platformOrderId: await pick(`SELECT platform_order_id AS v FROM orders ${sample} LIMIT ${runs}`),
  payNo: await pick(`SELECT pay_no AS v FROM payments ${sample} LIMIT ${runs}`),
  providerTxnId: await pick(`SELECT provider_txn_id AS v FROM payments ${sample} WHERE provider_txn_id IS NOT NULL LIMIT ${runs}`),
  trackingNo: await pick(`SELECT tracking_no AS v FROM shipments ${sample} LIMIT ${runs}`),
  phone: await pick(`SELECT receiver_phone AS v FROM orders ${sample} WHERE receiver_phone IS NOT NULL LIMIT ${runs}`),
};
await client.end();

const db = createDb(benchUrl, 4);
const ops = (await loadActor(db, (await db.user.findUniqueOrThrow({ where: { username: "ops" } })).id))!;

function percentiles(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => Number(s[Math.min(s.length - 1, Math.floor(p * s.length))].toFixed(2));
  return { p50: at(0.5), p95: at(0.95), n: s.length };
}
async function time(inputs: OrderListInput[]) {
  for (const i of inputs.slice(0, 5)) await listOrders(db, ops, i); // warm-up
  const ms: number[] = [];
  for (const i of inputs) {
    const t = performance.now();
    await listOrders(db, ops, i);
    ms.push(performance.now() - t);
  }
  return percentiles(ms);
}

const search: Record<string, ReturnType<typeof percentiles>> = {};
for (const [kind, values] of Object.entries(terms)) search[kind] = await time(values.map((q) => ({ q, size: 50 })));

const repeat = (input: OrderListInput) => Array.from({ length: runs }, () => input);
const ordersPage = {
  statusPaid_sortPlacedDesc: await time(repeat({ status: ["PAID"], sort: "placedAt", dir: "desc" })),
  channelJd_sortPaidDesc: await time(repeat({ channel: ["ch_jd"], sort: "paidFen", dir: "desc" })),
  amountRange_sortPlacedDesc: await time(repeat({ minFen: 10_000, maxFen: 50_000, sort: "placedAt", dir: "desc" })),
  unfiltered_page10: await time(repeat({ page: 10 })),
};
const lifecycle = await (await import("./bench/lifecycle")).benchLifecycle(benchUrl); // issue 4: transitions/s, p95 confirmShipment
const ingestion = await (await import("./bench/ingestion")).benchIngestion(benchUrl); // issue 3: push over HTTP, 100k-row file, COPY ceiling
const customers = await (await import("./bench/customers")).benchCustomers(benchUrl); // issue 9: full proposal pass, customer search p95
const reconciliation = await (await import("./bench/reconciliation")).benchReconciliation(benchUrl); // issue 8: 130k-line bill import + match, diff locator on 300 items
const anomalies = await (await import("./bench/anomalies")).benchAnomalies(benchUrl); // issue 6: scheduled rule scan, workbench queue p95 at 10k open
const dashboards = await (await import("./bench/dashboards")).benchDashboards(benchUrl); // issue 7: dashboard load p95, rollup refresh after 10k new orders
await db.$disconnect();
await server.stop();

console.log(
  JSON.stringify(
    {
      orders: target,
      seeding: seeding ?? "reused existing data (pass --reseed to measure)",
      searchMs: search,
      ordersPageMs: ordersPage,
      lifecycle,
      ingestion,
      customers,
      reconciliation,
      anomalies,
      dashboards,
      targets: { searchP95Ms: 20, ordersPageP95Ms: 150 },
    },
    null,
    2,
  ),
);
