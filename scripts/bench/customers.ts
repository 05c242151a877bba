// Customers benchmark (issue 9): the identity backfill, a full proposal pass over every customer pair,
// the full tag pass, and customer search p95 by full phone (hashed lookup) as a CS agent.
// Targets: proposal pass < 2 min, search p95 < 30 ms. Alone: `tsx scripts/bench/customers.ts [runs]`.
import os from "node:os";
import pg from "pg";
import { createDb } from "../../lib/db/client";
import { collectIdentities } from "../../lib/customers/collect-identities";
import { recomputeCustomerTags } from "../../lib/customers/customer-tags";
import { proposeMerges } from "../../lib/customers/propose-merges";
import { searchCustomers } from "../../lib/customers/search-customers";
import { loadActor } from "../../lib/users/load-actor";
import { runAlone } from "./run-alone";

/** Orders whose evidence is dropped and collected again when everything was collected by an earlier run. */
const RECOLLECT_SLICE = 100_000;

const seconds = (t: number) => Number(((performance.now() - t) / 1000).toFixed(1));

export async function benchCustomers(databaseUrl: string, opts: { runs?: number } = {}) {
  const runs = opts.runs ?? 200;
  const db = createDb(databaseUrl, 4);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const count = async (sql: string) => Number((await client.query<{ n: string }>(sql)).rows[0].n);
    // The backfill itself on the first run; later runs (everything collected, e.g. at seed time) drop the
    // evidence of the newest slice of orders and collect it again: the same code path, at known size.
    const pending = await count(`SELECT count(*) AS n FROM orders o WHERE o.customer_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM customer_identities ci WHERE ci.source_order_id = o.id)`);
    let mode = "backfill of every order without evidence";
    if (pending < RECOLLECT_SLICE) {
      mode = `re-collect of the newest ${RECOLLECT_SLICE.toLocaleString("en")} orders' evidence`;
      await client.query(`DELETE FROM customer_identities WHERE source_order_id IN (SELECT id FROM orders WHERE customer_id IS NOT NULL ORDER BY id DESC LIMIT ${RECOLLECT_SLICE})`);
    }
    let t = performance.now();
    const collected = await collectIdentities(db, { batchSize: 5000 });
    const collectSeconds = seconds(t);

    t = performance.now();
    const pass = await proposeMerges(db);
    const proposalPassSeconds = seconds(t);

    t = performance.now();
    const tags = await recomputeCustomerTags(db);
    const tagPassSeconds = seconds(t);

    const phones = (await client.query<{ v: string }>(
      `SELECT o.receiver_phone AS v FROM orders o TABLESAMPLE SYSTEM (1)
        WHERE o.receiver_phone IS NOT NULL AND o.customer_id IS NOT NULL AND o.channel_id IN ('ch_tmall','ch_jd','ch_pdd','ch_douyin') LIMIT ${runs}`,
    )).rows.map((r) => r.v);
    const cs = (await loadActor(db, (await db.user.findUniqueOrThrow({ where: { username: "cs" } })).id))!;
    for (const q of phones.slice(0, 5)) await searchCustomers(db, cs, q); // warm-up
    const ms: number[] = [];
    for (const q of phones) {
      const s = performance.now();
      await searchCustomers(db, cs, q);
      ms.push(performance.now() - s);
    }
    ms.sort((a, b) => a - b);
    const at = (p: number) => (ms.length ? Number(ms[Math.min(ms.length - 1, Math.floor(p * ms.length))].toFixed(2)) : null);
    return {
      identityBackfill: { mode, orders: collected.orders, identities: collected.identities, seconds: collectSeconds, ordersPerSecond: Math.round(collected.orders / Math.max(collectSeconds, 0.1)) },
      fullProposalPass: { pairs: pass.pairs, proposed: pass.proposed, seconds: proposalPassSeconds },
      fullTagPass: { customers: tags.customers, seconds: tagPassSeconds },
      searchByPhoneMs: { p50: at(0.5), p95: at(0.95), n: ms.length },
      loadAverage1m: Number(os.loadavg()[0].toFixed(1)),
      targets: { fullProposalPassSeconds: 120, searchP95Ms: 30 },
    };
  } finally {
    await client.end();
    await db.$disconnect();
  }
}

await runAlone(import.meta.url, (url, [runs]) => benchCustomers(url, { runs: runs || undefined }));
