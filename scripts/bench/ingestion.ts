// Ingestion benchmark (issue 3), on the bench database itself (1,000,000 orders): it adds its own
// orders (own-mall channel, platform ids BH<kind><run>…, SKUs without stock) and deletes them after,
// so the order count is what it was. Alone: `npx tsx scripts/bench/ingestion.ts [fileRows] [httpOrders]`
// against DATABASE_URL (default: the bench database of `npm run bench`, which must be running).
// 1. orders/s through POST /api/channels/{id}/orders over HTTP — the real route handler behind a
//    node:http server, signed batches of 100, a few concurrent senders;
// 2. orders/s through the file import of a 100,000-row CSV (the worker's processImportJob);
// 3. the same 100,000 orders loaded by PostgreSQL COPY into the same tables (orders, order_items,
//    payments) as the ceiling; and each path's ratio to COPY.
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { writeFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { createDb } from "../../lib/db/client";
import { migrate } from "../../lib/db/migrate";
import { insertDemoChannels } from "../../lib/demo/insert-orders";
import { processImportJob } from "../../lib/ingestion/import/process-import";
import { startImport } from "../../lib/ingestion/import/start-import";
import { TEMPLATE_COLUMNS } from "../../lib/ingestion/import/template";
import { signBody } from "../../lib/ingestion/push/signature";
import { loadActor } from "../../lib/users/load-actor";
import { seedRolesAndUsers } from "../../lib/users/seed-users";
import { deleteBenchOrders } from "./delete-bench-orders";
import { runAlone } from "./run-alone";
import { settle } from "./settle";

const SECRET = "demo-secret-own-mall";
const PROVINCES = [["浙江省", "杭州市", "西湖区"], ["广东省", "东莞市", ""], ["北京市", "北京市", "朝阳区"], ["四川省", "成都市", "武侯区"]];

function mallOrder(run: string, i: number) {
  const [province, city, district] = PROVINCES[i % PROVINCES.length];
  return {
    orderNo: `BH${run}${i}`, status: "PAID", createdAt: "2026-11-28T10:00:00+08:00", paidAt: "2026-11-28T10:01:00+08:00", updatedAt: "2026-11-28T10:01:05+08:00",
    receiver: { name: "压测", phone: `138${String(i % 1e8).padStart(8, "0")}`, province, city, district: district || undefined, detail: `测试路 ${i} 号` },
    items: [{ skuCode: `BENCH-${i % 50}`, title: "压测商品", quantity: 1, unitPrice: "79.00" }],
    amounts: { paid: "79.00" },
    payments: [{ provider: "WECHAT", transactionId: `42${run}${String(i).padStart(10, "0")}`, amount: "79.00", paidAt: "2026-11-28T10:01:00+08:00" }],
    buyerNote: i % 10 === 0 ? "加急" : undefined,
  };
}

/** Deletes the bench's own orders (and everything hanging off them), found by their platform id prefix. */
async function cleanup(pool: pg.Pool, run: string) {
  await deleteBenchOrders(pool, `SELECT id FROM orders WHERE channel_id = 'ch_own_mall' AND platform_order_id LIKE 'BH_${run}%'`);
  // Ingest events of refused rows have no order; chunk results go with their job.
  await pool.query(`DELETE FROM ingest_events WHERE channel_id = 'ch_own_mall' AND platform_order_id LIKE 'BH_${run}%'`);
  await pool.query(`DELETE FROM import_jobs WHERE file_name = 'bench-${run}.csv'`);
}

async function benchHttp(url: string, run: string, orders: number, concurrency: number) {
  const previousUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = url; // the route handler uses the process-wide client (getDb)
  const { POST } = await import("../../app/api/channels/[channelId]/orders/route");
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const channelId = decodeURIComponent(req.url!.split("/")[3]);
    const out = await POST(new Request(`http://bench${req.url}`, { method: "POST", body: Buffer.concat(chunks), headers: { "x-signature": String(req.headers["x-signature"] ?? "") } }), { params: Promise.resolve({ channelId }) });
    res.writeHead(out.status, { "content-type": "application/json" });
    res.end(Buffer.from(await out.arrayBuffer()));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const batches = Array.from({ length: Math.ceil(orders / 100) }, (_, b) => JSON.stringify(Array.from({ length: 100 }, (_, k) => mallOrder(`H${run}`, b * 100 + k))));
  let next = 0;
  let failed = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < batches.length) {
      const body = batches[next++];
      const res = await fetch(`${base}/api/channels/ch_own_mall/orders`, { method: "POST", body, headers: { "content-type": "application/json", "x-signature": signBody(SECRET, body) } });
      if (res.status !== 200) failed++;
      await res.arrayBuffer();
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  server.close();
  process.env.DATABASE_URL = previousUrl;
  return { orders: batches.length * 100, batchSize: 100, concurrency, seconds: Number(seconds.toFixed(2)), ordersPerSecond: Math.round((batches.length * 100) / seconds), failedBatches: failed };
}

function templateCsv(run: string, rows: number): string {
  const lines = [TEMPLATE_COLUMNS.join(",")];
  for (let i = 0; i < rows; i++) {
    const o = mallOrder(`F${run}`, i);
    const r: Record<string, string> = {
      订单号: o.orderNo, 订单状态: "PAID", 下单时间: "2026-11-28 10:00:00", 付款时间: "2026-11-28 10:01:00", 更新时间: "2026-11-28 10:01:05",
      收件人: "压测", 手机号: o.receiver.phone, 省: o.receiver.province, 市: o.receiver.city, 区: o.receiver.district ?? "", 详细地址: o.receiver.detail,
      SKU编码: o.items[0].skuCode, 商品名称: "压测商品", 数量: "1", 单价: "79.00", 实付金额: "79.00", 支付方式: "微信", 支付流水号: o.payments[0].transactionId, 买家留言: o.buyerNote ?? "",
    };
    lines.push(TEMPLATE_COLUMNS.map((c) => r[c] ?? "").join(","));
  }
  return lines.join("\n");
}

async function benchCopy(pool: pg.Pool, run: string, rows: number) {
  const dir = tmpdir();
  const files = { orders: path.join(dir, `bench-orders-${run}.csv`), items: path.join(dir, `bench-items-${run}.csv`), payments: path.join(dir, `bench-payments-${run}.csv`) };
  const o: string[] = [];
  const it: string[] = [];
  const pay: string[] = [];
  for (let i = 0; i < rows; i++) {
    const m = mallOrder(`C${run}`, i);
    const id = randomUUID();
    const raw = `"${JSON.stringify(m).replace(/"/g, '""')}"`;
    o.push([id, `OHC${run}${String(i).padStart(8, "0")}`, "ch_own_mall", m.orderNo, "PAID", "PAID", m.receiver.name, m.receiver.phone, m.receiver.province, m.receiver.city, m.receiver.district ?? "", m.receiver.detail, 7900, 7900, "2026-11-28T02:00:00Z", "2026-11-28T02:01:00Z", "2026-11-28T02:01:05Z", raw].join(","));
    it.push([randomUUID(), id, m.items[0].skuCode, "压测商品", 1, 7900, 0, 7900].join(","));
    pay.push([randomUUID(), `PYC${run}${String(i).padStart(8, "0")}`, id, "WECHAT", m.payments[0].transactionId, 7900, "2026-11-28T02:01:00Z"].join(","));
  }
  writeFileSync(files.orders, o.join("\n"));
  writeFileSync(files.items, it.join("\n"));
  writeFileSync(files.payments, pay.join("\n"));
  try {
    const started = performance.now();
    const c = await pool.connect();
    try {
      await c.query("BEGIN");
      await c.query(`COPY orders (id, order_no, channel_id, platform_order_id, platform_status, status, receiver_name, receiver_phone, receiver_province, receiver_city, receiver_district, receiver_detail, goods_fen, paid_fen, placed_at, paid_at, platform_modified_at, raw_payload) FROM '${files.orders}' WITH (FORMAT csv)`);
      await c.query(`COPY order_items (id, order_id, sku_code, title, quantity, unit_price_fen, discount_fen, paid_fen) FROM '${files.items}' WITH (FORMAT csv)`);
      await c.query(`COPY payments (id, pay_no, order_id, provider, provider_txn_id, amount_fen, paid_at) FROM '${files.payments}' WITH (FORMAT csv)`);
      await c.query("COMMIT");
    } finally {
      c.release();
    }
    const seconds = (performance.now() - started) / 1000;
    return { orders: rows, seconds: Number(seconds.toFixed(2)), ordersPerSecond: Math.round(rows / seconds) };
  } catch (err) {
    // COPY FROM a file needs the server on this machine and superuser rights (the embedded server has both).
    return { orders: rows, unavailable: String((err as Error).message).slice(0, 200) };
  } finally {
    for (const f of Object.values(files)) rmSync(f, { force: true });
  }
}

export async function benchIngestion(url: string, opts: { httpOrders?: number; fileRows?: number; concurrency?: number } = {}) {
  await migrate(url);
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  await insertDemoChannels(pool);
  const db = createDb(url, 8);
  if (!(await db.user.findUnique({ where: { username: "ops" } }))) await seedRolesAndUsers(db);
  const ops = (await loadActor(db, (await db.user.findUniqueOrThrow({ where: { username: "ops" } })).id))!;
  const run = randomUUID().slice(0, 6);
  const fileRows = opts.fileRows ?? 100_000;
  const countOrders = async () => Number((await pool.query("SELECT count(*) AS n FROM orders")).rows[0].n);
  const ordersBefore = await countOrders();
  const settledMs: Record<string, number> = {};
  try {
    settledMs.httpPush = await settle(pool);
    const http = await benchHttp(url, run, opts.httpOrders ?? 20_000, opts.concurrency ?? 4);

    const bytes = new TextEncoder().encode(templateCsv(run, fileRows));
    const importOnce = async () => {
      const started = performance.now();
      const { id } = await startImport(db, ops, { channelId: "ch_own_mall", fileName: `bench-${run}.csv`, bytes }, null);
      await processImportJob(db, id);
      const seconds = (performance.now() - started) / 1000;
      const job = await db.importJob.findUniqueOrThrow({ where: { id }, select: { status: true, createdRows: true, unchangedRows: true, failedRows: true } });
      return { rows: fileRows, ...job, seconds: Number(seconds.toFixed(2)), ordersPerSecond: Math.round(fileRows / seconds) };
    };
    settledMs.fileImport = await settle(pool);
    const file = await importOnce();
    settledMs.fileReimport = await settle(pool);
    const reimport = await importOnce(); // the same file again: every row UNCHANGED

    settledMs.copyCeiling = await settle(pool);
    const copy = await benchCopy(pool, run, fileRows);
    const ratio = (x: number) => ("ordersPerSecond" in copy && copy.ordersPerSecond ? Number((x / copy.ordersPerSecond).toFixed(3)) : null);
    return {
      ordersInDatabase: ordersBefore,
      loadAverage: loadavg().map((l) => Number(l.toFixed(1))),
      httpPush: { ...http, ratioToCopy: ratio(http.ordersPerSecond) },
      fileImport: { ...file, ratioToCopy: ratio(file.ordersPerSecond) },
      fileReimport: reimport,
      copyCeiling: copy,
      targets: { httpOrdersPerSecond: 2000, fileOrdersPerSecond: 5000 },
      // Time spent before each phase waiting for PostgreSQL's background vacuums to finish (untimed).
      settledMs,
    };
  } finally {
    await cleanup(pool, run);
    const after = await countOrders();
    if (after !== ordersBefore) console.error(`ingestion bench: ${after} orders after cleanup, ${ordersBefore} before`);
    await db.$disconnect();
    await pool.end();
  }
}

await runAlone(import.meta.url, (url, [fileRows, httpOrders]) => benchIngestion(url, { fileRows: fileRows || undefined, httpOrders: httpOrders || undefined }));
