import { Prisma } from "../db/generated/prisma/client";
import type { Db } from "../db/client";
import type { IdentityKind } from "./identity";
import { anchorKinds, MATCH_WEIGHTS, matchThreshold, scoreTable } from "./match-score";

/**
 * An identity value shared by more customers than this identifies no one — a store's placeholder
 * phone on walk-in orders, a platform's relay number, a company's front desk — so it proposes no
 * pairs and counts as no evidence. (Real duplicates of one person are a handful of records; without the cap one such value
 * shared by n records made n² candidate pairs, and 2,000 made the pass run for minutes.)
 */
export const MAX_CUSTOMERS_PER_VALUE = 50;

/** SQL: the identity row `alias` holds a value shared by at most MAX_CUSTOMERS_PER_VALUE customers (stops counting past it). */
const identifying = (alias: "s" | "i") => Prisma.sql`(SELECT count(*) FROM (SELECT DISTINCT z.customer_id FROM customer_identities z
  WHERE z.kind = ${Prisma.raw(alias)}.kind AND z.value_hash = ${Prisma.raw(alias)}.value_hash LIMIT ${MAX_CUSTOMERS_PER_VALUE + 1}) q) <= ${MAX_CUSTOMERS_PER_VALUE}`;

export interface ProposalEvidence {
  kind: IdentityKind;
  display: string;
  weight: number;
}

/**
 * Finds pairs of (unmerged) customers that share identity values, scores them and upserts OPEN
 * proposals above the threshold, in one set-based statement. `customerIds` limits the pass to pairs
 * touching those customers (the incremental job); without it every pair is considered (the full pass).
 * Candidates are pairs sharing an anchor value (see `anchorKinds`); each is then scored on every kind
 * it shares, with the scores of `matchScore` (passed in as a table, so the formula lives in one place).
 * Merged or rejected proposals are left alone, so a decision is never re-proposed.
 */
export async function proposeMerges(db: Db, opts: { customerIds?: string[]; threshold?: number } = {}) {
  const threshold = opts.threshold ?? matchThreshold();
  const only = opts.customerIds;
  if (only && only.length === 0) return { pairs: 0, proposed: 0 };
  const weighted = (Object.keys(MATCH_WEIGHTS) as IdentityKind[]).filter((k) => MATCH_WEIGHTS[k] > 0);
  const anchors = anchorKinds(threshold);
  const table = scoreTable();
  const candidates = only
    ? Prisma.sql`
      SELECT DISTINCT least(s.customer_id, o.customer_id) AS a, greatest(s.customer_id, o.customer_id) AS b
      FROM customer_identities s
      JOIN customer_identities o ON o.kind = s.kind AND o.value_hash = s.value_hash AND o.customer_id <> s.customer_id
      WHERE s.customer_id = ANY(${only}::text[]) AND s.kind = ANY(${anchors}::text[])
        AND ${identifying("s")}`
    : // Values shared by several customers (one streaming pass over the covering index), then their pairs.
      Prisma.sql`
      SELECT DISTINCT x.id AS a, y.id AS b
      FROM (
        SELECT array_agg(DISTINCT customer_id) AS ids FROM customer_identities
        WHERE kind = ANY(${anchors}::text[]) GROUP BY kind, value_hash
        HAVING count(DISTINCT customer_id) BETWEEN 2 AND ${MAX_CUSTOMERS_PER_VALUE}
      ) g, unnest(g.ids) x(id), unnest(g.ids) y(id)
      WHERE x.id < y.id`;
  // One person with n records would make n² pairs: each record is proposed only into the oldest record
  // it matches (ids are time-ordered uuid v7) that was not already decided against, so merging every
  // proposal folds the whole cluster into its oldest record. The shared kinds come from the evidence
  // of the customers in some pair, read once and hash-joined per pair.
  const [r] = await db.$queryRaw<{ pairs: number; proposed: number }[]>`
    WITH candidates AS MATERIALIZED (${candidates}),
    live AS MATERIALIZED (
      SELECT c.a, c.b FROM candidates c
      JOIN customers ca ON ca.id = c.a AND ca.merged_into_id IS NULL
      JOIN customers cb ON cb.id = c.b AND cb.merged_into_id IS NULL
    ),
    members AS MATERIALIZED (SELECT a AS id FROM live UNION SELECT b FROM live),
    evidence AS MATERIALIZED (
      SELECT i.customer_id, i.kind, i.value_hash, i.display FROM customer_identities i
      JOIN members m ON m.id = i.customer_id
      WHERE i.kind = ANY(${weighted}::text[]) AND ${identifying("i")}
    ),
    shared AS (
      SELECT l.a, l.b, xa.kind, k.weight, min(xa.display) AS display
      FROM live l
      JOIN evidence xa ON xa.customer_id = l.a
      JOIN evidence xb ON xb.customer_id = l.b AND xb.kind = xa.kind AND xb.value_hash = xa.value_hash
      JOIN unnest(${weighted}::text[], ${weighted.map((k) => MATCH_WEIGHTS[k])}::float8[]) AS k(kind, weight) ON k.kind = xa.kind
      GROUP BY l.a, l.b, xa.kind, k.weight
    ),
    scored AS (
      SELECT p.a, p.b, t.score, p.evidence
      FROM (
        SELECT s.a, s.b, string_agg(s.kind, ',' ORDER BY s.kind) AS kinds,
          jsonb_agg(jsonb_build_object('kind', s.kind, 'display', s.display, 'weight', s.weight) ORDER BY s.weight DESC) AS evidence
        FROM shared s
        GROUP BY s.a, s.b
      ) p
      JOIN unnest(${table.keys}::text[], ${table.scores}::int[]) AS t(kinds, score) ON t.kinds = p.kinds
    ),
    chosen AS (
      SELECT DISTINCT ON (s.b) s.a, s.b, s.score, s.evidence FROM scored s
      WHERE s.score >= ${Math.round(threshold * 1000)}
        AND NOT EXISTS (SELECT 1 FROM customer_merge_proposals d WHERE d.customer_a_id = s.a AND d.customer_b_id = s.b AND d.status <> 'OPEN')
      ORDER BY s.b, s.a
    ),
    written AS (
      INSERT INTO customer_merge_proposals (id, customer_a_id, customer_b_id, score, evidence, updated_at)
      SELECT gen_random_uuid()::text, a, b, score, evidence, CURRENT_TIMESTAMP FROM chosen
      ON CONFLICT (customer_a_id, customer_b_id) DO UPDATE
        SET score = EXCLUDED.score, evidence = EXCLUDED.evidence, updated_at = CURRENT_TIMESTAMP
        WHERE customer_merge_proposals.status = 'OPEN'
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM live)::int AS pairs, (SELECT count(*) FROM written)::int AS proposed`;
  return { pairs: r.pairs, proposed: r.proposed };
}
