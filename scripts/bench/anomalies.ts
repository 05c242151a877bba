// Anomaly workbench benchmark (issue 6): the scheduled scan (every rule, set-based, over every order),
// cold (first pass raises everything) and steady (a repeat raises nothing new); the queue right after
// that scan; then the workbench queue query p95 with exactly 10,000 open exceptions. Targets: scan < 60 s, queue p95 < 100 ms.
// Leaves the database as it found it: what it adds is deleted, orders are never touched (no holds).
// Alone: `tsx scripts/bench/anomalies.ts [runs]`.
import os from "node:os";
import pg from "pg";
import { evaluateRules } from "../../lib/anomalies/evaluate-rules";
import { listExceptions } from "../../lib/anomalies/list-exceptions";
import type { ExceptionQueryInput } from "../../lib/anomalies/list-exceptions";
import { createDb } from "../../lib/db/client";
import { loadActor } from "../../lib/users/load-actor";
import { runAlone } from "./run-alone";

const OPEN_TARGET = 10_000;
const BENCH_KEY = "BENCH:";

export async function benchAnomalies(databaseUrl: string, opts: { runs?: number } = {}) {
  const runs = opts.runs ?? 200;
  const db = createDb(databaseUrl, 4);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  // A scan instant of its own (to the millisecond), so cleanup finds exactly the rows this run raised.
  const now = new Date(Math.floor(Date.now() / 1000) * 1000 + 137);
  try {
    const orders = Number((await client.query(`SELECT count(*) AS n FROM orders`)).rows[0].n);
    let t = performance.now();
    const cold = await evaluateRules(db, { now, holdForApproval: false });
    const coldSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    const steady = await evaluateRules(db, { now, holdForApproval: false });
    const steadySeconds = (performance.now() - t) / 1000;

    const ops = (await loadActor(db, (await db.user.findUniqueOrThrow({ where: { username: "ops" } })).id))!;
    const east = (await loadActor(db, (await db.user.findUniqueOrThrow({ where: { username: "east" } })).id))!;
    const time = async (actor: typeof ops, input: ExceptionQueryInput) => {
      for (let i = 0; i < 5; i += 1) await listExceptions(db, actor, input);
      const ms: number[] = [];
      for (let i = 0; i < runs; i += 1) {
        const s = performance.now();
        await listExceptions(db, actor, input);
        ms.push(performance.now() - s);
      }
      ms.sort((a, b) => a - b);
      const at = (p: number) => Number(ms[Math.min(ms.length - 1, Math.floor(p * ms.length))].toFixed(2));
      return { p50: at(0.5), p95: at(0.95), n: ms.length };
    };
    const openCount = async () => Number((await client.query(`SELECT count(*) AS n FROM order_exceptions WHERE status IN ('OPEN', 'CLAIMED')`)).rows[0].n);
    // What the first scan left: every exception of a rule shares one SLA deadline (the worst case for the sort).
    const afterScan = { openExceptions: await openCount(), opsDefault: await time(ops, {}) };

    // The target's set-up: exactly 10,000 open exceptions on real orders, raised over a day (spread deadlines).
    await cleanup(client, now);
    await client.query(
      `INSERT INTO order_exceptions (id, order_id, channel_id, rule_code, severity, status, dedupe_key, opened_at, due_at, assignee_id)
       SELECT gen_random_uuid()::text, o.id, o.channel_id, (ARRAY['PAID_NOT_SHIPPED','ADDRESS_KEYWORD','NO_LOGISTICS','BUYER_BURST'])[1 + (n % 4)],
              (CASE WHEN n % 3 = 0 THEN 'SEVERE' ELSE 'LIGHT' END)::"ExceptionSeverity", (CASE WHEN n % 5 = 0 THEN 'CLAIMED' ELSE 'OPEN' END)::"ExceptionStatus",
              $1 || o.id, $2::timestamptz - (n * 8 || ' seconds')::interval, $2::timestamptz - (n * 8 || ' seconds')::interval + (CASE WHEN n % 3 = 0 THEN '30 minutes' ELSE '4 hours' END)::interval,
              CASE WHEN n % 5 = 0 THEN (SELECT id FROM users WHERE username = 'ops') END
       FROM (SELECT id, channel_id, row_number() OVER () AS n FROM orders TABLESAMPLE SYSTEM (2) LIMIT $3) o`,
      [BENCH_KEY, now, OPEN_TARGET],
    );
    await client.query(`ANALYZE order_exceptions`);
    const openNow = await openCount();
    const queueMs = {
      opsDefault: await time(ops, {}),
      opsSevereJd: await time(ops, { severity: "SEVERE", channel: "ch_jd" }),
      opsMine: await time(ops, { assignee: "me" }),
      opsPage20: await time(ops, { page: 20 }),
      regionalApprovals: await time(east, {}),
    };
    return {
      orders,
      scanSeconds: { cold: Number(coldSeconds.toFixed(1)), steady: Number(steadySeconds.toFixed(1)) },
      raisedCold: Object.fromEntries(cold.map((r) => [r.code, r.raised])),
      perRuleMsCold: Object.fromEntries(cold.map((r) => [r.code, r.ms])),
      raisedSteady: steady.reduce((s, r) => s + r.raised, 0),
      queueAfterScanMs: afterScan,
      openExceptions: openNow,
      queueMs,
      loadAverage1m: Number(os.loadavg()[0].toFixed(1)),
      targets: { scanSeconds: 60, queueP95Ms: 100 },
    };
  } finally {
    await cleanup(client, now);
    await client.end();
    await db.$disconnect();
  }
}

/** Deletes what this run added: the exceptions raised at its scan instant, the synthetic ones, their approvals. */
async function cleanup(client: pg.Client, now: Date) {
  await client.query(`DELETE FROM exception_events WHERE exception_id IN (SELECT id FROM order_exceptions WHERE opened_at = $1 OR dedupe_key LIKE $2 || '%')`, [now, BENCH_KEY]);
  await client.query(`DELETE FROM order_approvals WHERE requested_at >= $1`, [now]);
  await client.query(`DELETE FROM order_exceptions WHERE opened_at = $1 OR dedupe_key LIKE $2 || '%'`, [now, BENCH_KEY]);
}

await runAlone(import.meta.url, (url, [runs]) => benchAnomalies(url, { runs: runs || undefined }));
