import { randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import type { IdentityKind } from "./identity";
import { MATCH_WEIGHTS, matchScore, matchThreshold } from "./match-score";

export interface ProposalEvidence {
  kind: IdentityKind;
  display: string;
  weight: number;
}

interface SharedRow { a: string; b: string; kind: IdentityKind; display: string }

/**
 * Finds pairs of (unmerged) customers that share identity values, scores them and upserts OPEN
 * proposals above the threshold. `customerIds` limits the pass to pairs touching those customers
 * (the incremental job); without it every pair is considered (the full pass). Merged or rejected
 * proposals are left alone, so a decision is never re-proposed.
 */
export async function proposeMerges(db: Db, opts: { customerIds?: string[]; threshold?: number } = {}) {
  const threshold = opts.threshold ?? matchThreshold();
  const weighted = Object.entries(MATCH_WEIGHTS).filter(([, w]) => w > 0).map(([k]) => k);
  const only = opts.customerIds;
  if (only && only.length === 0) return { pairs: 0, proposed: 0 };
  const rows = await db.$queryRaw<SharedRow[]>`
    SELECT a.customer_id AS a, b.customer_id AS b, a.kind, min(a.display) AS display
    FROM customer_identities a
    JOIN customer_identities b ON b.kind = a.kind AND b.value_hash = a.value_hash AND b.customer_id > a.customer_id
    JOIN customers ca ON ca.id = a.customer_id AND ca.merged_into_id IS NULL
    JOIN customers cb ON cb.id = b.customer_id AND cb.merged_into_id IS NULL
    WHERE a.kind = ANY(${weighted}::text[])
      AND (${only ?? null}::text[] IS NULL OR a.customer_id = ANY(${only ?? []}::text[]) OR b.customer_id = ANY(${only ?? []}::text[]))
    GROUP BY a.customer_id, b.customer_id, a.kind`;
  const pairs = new Map<string, { a: string; b: string; evidence: ProposalEvidence[] }>();
  for (const r of rows) {
    const key = `${r.a}|${r.b}`;
    const pair = pairs.get(key) ?? { a: r.a, b: r.b, evidence: [] };
    pair.evidence.push({ kind: r.kind, display: r.display, weight: MATCH_WEIGHTS[r.kind] });
    pairs.set(key, pair);
  }
  const above = [...pairs.values()]
    .map((p) => ({ ...p, score: matchScore(p.evidence.map((e) => e.kind)) }))
    .filter((p) => p.score >= threshold);
  // One person with n records would make n² pairs: propose each record only into the oldest record it
  // matches (ids are time-ordered uuid v7) that was not already decided against, so merging every
  // proposal folds the whole cluster into its oldest record.
  const decided = new Set(
    (await db.$queryRaw<{ a: string; b: string }[]>`
      SELECT customer_a_id AS a, customer_b_id AS b FROM customer_merge_proposals
      WHERE status <> 'OPEN' AND customer_b_id = ANY(${[...new Set(above.map((p) => p.b))]}::text[])`).map((d) => `${d.a}|${d.b}`),
  );
  const best = new Map<string, (typeof above)[number]>();
  for (const p of above) {
    if (decided.has(`${p.a}|${p.b}`)) continue;
    const cur = best.get(p.b);
    if (!cur || p.a < cur.a) best.set(p.b, p);
  }
  const chosen = [...best.values()];
  for (let i = 0; i < chosen.length; i += 1000) {
    const slice = chosen.slice(i, i + 1000);
    await db.$executeRaw`
      INSERT INTO customer_merge_proposals (id, customer_a_id, customer_b_id, score, evidence, updated_at)
      SELECT * , CURRENT_TIMESTAMP FROM unnest(${slice.map(() => randomUUID())}::text[], ${slice.map((p) => p.a)}::text[],
        ${slice.map((p) => p.b)}::text[], ${slice.map((p) => Math.round(p.score * 1000))}::int[], ${slice.map((p) => JSON.stringify(p.evidence))}::jsonb[])
      ON CONFLICT (customer_a_id, customer_b_id) DO UPDATE
        SET score = EXCLUDED.score, evidence = EXCLUDED.evidence, updated_at = CURRENT_TIMESTAMP
        WHERE customer_merge_proposals.status = 'OPEN'`;
  }
  return { pairs: pairs.size, proposed: chosen.length };
}
