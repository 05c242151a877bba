// Customers benchmark (issue 9): the identity backfill, a full proposal pass over every customer pair,
// and customer search p95 by full phone (hashed lookup) as a CS agent. Targets: pass < 2 min, p95 < 30 ms.
import pg from "pg";
import { createDb } from "../../lib/db/client";
import { collectIdentities } from "../../lib/customers/collect-identities";
import { proposeMerges } from "../../lib/customers/propose-merges";
import { searchCustomers } from "../../lib/customers/search-customers";
import { loadActor } from "../../lib/users/load-actor";

export async function benchCustomers(databaseUrl: string, opts: { runs?: number } = {}) {
  const runs = opts.runs ?? 200;
  const db = createDb(databaseUrl, 4);
  try {
    let t = performance.now();
    const collected = await collectIdentities(db, { batchSize: 5000 }); // only orders without evidence yet
    const collectSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    const pass = await proposeMerges(db);
    const proposalPassSeconds = (performance.now() - t) / 1000;

    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const phones = (await client.query<{ v: string }>(
      `SELECT o.receiver_phone AS v FROM orders o TABLESAMPLE SYSTEM (1)
        WHERE o.receiver_phone IS NOT NULL AND o.customer_id IS NOT NULL AND o.channel_id IN ('ch_tmall','ch_jd','ch_pdd','ch_douyin') LIMIT ${runs}`,
    )).rows.map((r) => r.v);
    await client.end();
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
      identityBackfill: { orders: collected.orders, identities: collected.identities, seconds: Number(collectSeconds.toFixed(1)) },
      fullProposalPass: { pairs: pass.pairs, proposed: pass.proposed, seconds: Number(proposalPassSeconds.toFixed(1)) },
      searchByPhoneMs: { p50: at(0.5), p95: at(0.95), n: ms.length },
      targets: { fullProposalPassSeconds: 120, searchP95Ms: 30 },
    };
  } finally {
    await db.$disconnect();
  }
}
