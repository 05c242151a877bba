/**
 * The SQL behind the dashboard rollups. Each statement is built for either some orders (an incremental
 * refresh: $2 = their ids) or all of them (a rebuild), so both paths share one text. $1 = business time zone.
 */
import { kindSql, reworkSql } from "./transition-kinds";

/** SPEC §4: paid → shipped within 2 hours. */
export const CYCLE_TARGET_MINUTES = 120;

/** The filter on an order-id column: the given ids ($2), or every row. */
export type Scope = "ids" | "all";
const only = (scope: Scope, column: string) => (scope === "all" ? "TRUE" : `${column} = ANY($2::text[])`);

const FACT_COLUMNS = `order_id, biz_day, channel_id, region, is_test, status, status_since, paid, paid_fen, refunded_fen,
  warehouse_id, cycle_minutes, reworked, inquired`;

/** An order's current facts, straight from the base tables. */
export function factsSelect(scope: Scope): string {
  return `SELECT o.id AS order_id, (o.placed_at AT TIME ZONE $1)::date AS biz_day, o.channel_id,
       coalesce(o.receiver_region, '') AS region, o.is_test, o.status,
       coalesce((SELECT max(l.created_at) FROM order_status_log l WHERE l.order_id = o.id AND l.to_status = o.status), o.placed_at) AS status_since,
       o.paid_at IS NOT NULL AS paid, o.paid_fen, o.refunded_fen, coalesce(r.warehouse_id, '') AS warehouse_id,
       CASE WHEN o.paid_at IS NOT NULL AND o.shipped_at IS NOT NULL
            THEN greatest(0, floor(extract(epoch FROM o.shipped_at - o.paid_at) / 60))::int END AS cycle_minutes,
       EXISTS (SELECT 1 FROM order_status_log l WHERE l.order_id = o.id AND ${reworkSql("l")}) AS reworked,
       EXISTS (SELECT 1 FROM customer_notes n WHERE n.order_id = o.id) AS inquired
  FROM orders o LEFT JOIN order_routings r ON r.order_id = o.id AND r.status = 'ROUTED'
 WHERE ${only(scope, "o.id")}`;
}

/** The daily measures of a set of fact rows, each row weighted by `sign` (+1 now, −1 as last applied). */
const DAILY_MEASURES = `sum(sign) AS orders, sum(sign * paid::int) AS paid_orders,
  sum(sign * CASE WHEN paid THEN paid_fen ELSE 0 END) AS paid_fen, sum(sign * refunded_fen) AS refunded_fen,
  sum(sign * (cycle_minutes IS NOT NULL)::int) AS shipped, sum(sign * coalesce(cycle_minutes, 0)) AS cycle_minutes_sum,
  sum(sign * coalesce((cycle_minutes > ${CYCLE_TARGET_MINUTES})::int, 0)) AS cycle_late,
  sum(sign * reworked::int) AS reworked, sum(sign * inquired::int) AS inquired`;
const DAILY_KEY = "biz_day, channel_id, region, is_test, status, warehouse_id";
const DAILY_ADD = ["orders", "paid_orders", "paid_fen", "refunded_fen", "shipped", "cycle_minutes_sum", "cycle_late", "reworked", "inquired"]
  .map((c) => `${c} = d.${c} + EXCLUDED.${c}`).join(", ");

/**
 * Incremental: subtract each order's facts as last applied, add its facts now, store the new facts.
 * All CTEs see one snapshot, so `old` is the state before this statement's upsert.
 */
export function applyFactsSql(scope: Scope): string {
  return `WITH old AS (SELECT ${FACT_COLUMNS} FROM dash_order_facts f WHERE ${only(scope, "f.order_id")} FOR UPDATE),
  new AS MATERIALIZED (${factsSelect(scope)}),
  up AS (
    INSERT INTO dash_order_facts (${FACT_COLUMNS}) SELECT ${FACT_COLUMNS} FROM new
    ON CONFLICT (order_id) DO UPDATE SET ${FACT_COLUMNS.split(",").slice(1).map((c) => `${c.trim()} = EXCLUDED.${c.trim()}`).join(", ")}, refreshed_at = now()
  ),
  delta AS (
    SELECT ${DAILY_KEY}, ${DAILY_MEASURES}
      FROM (SELECT *, 1 AS sign FROM new UNION ALL SELECT *, -1 AS sign FROM old) x
     GROUP BY ${DAILY_KEY}
  )
  INSERT INTO dash_order_daily AS d SELECT * FROM delta
  ON CONFLICT (${DAILY_KEY}) DO UPDATE SET ${DAILY_ADD}`;
}

const TRANSITION_KEY = "biz_day, channel_id, region, is_test, kind, action, source, actor_id, actor_name";

/**
 * Status-log and refusal rows of the orders in `facts` (an alias f with last_log_id/last_refusal_id):
 * those not yet counted (`new`) or those already counted (`counted`).
 */
function transitionRows(facts: string, which: "new" | "counted" | "every", where = "TRUE"): string {
  const cmp = which === "new" ? ">" : "<=";
  // The previous row's time: one window pass over the whole log for a rebuild, an index probe per row otherwise.
  const log = which === "every"
    ? `(SELECT l.*, lag(l.created_at) OVER (PARTITION BY l.order_id ORDER BY l.id) AS prev_at FROM order_status_log l) l ON l.order_id = f.order_id`
    : `(SELECT l.*, (SELECT p.created_at FROM order_status_log p WHERE p.order_id = l.order_id AND p.id < l.id ORDER BY p.id DESC LIMIT 1) AS prev_at
          FROM order_status_log l) l ON l.order_id = f.order_id AND l.id ${cmp} f.last_log_id`;
  return `SELECT l.id, l.order_id, l.created_at, ${kindSql("l")} AS kind, l.action, l.source::text AS source,
           coalesce(l.actor_id, '') AS actor_id, l.actor_name, l.prev_at,
           f.channel_id, f.region, f.is_test
      FROM ${facts} JOIN ${log}
     WHERE ${where}
    UNION ALL
    SELECT r.id, r.order_id, r.created_at, 'REFUSED', r.action, r.source::text, coalesce(r.actor_id, ''), r.actor_name, NULL,
           f.channel_id, f.region, f.is_test
      FROM ${facts} JOIN transition_refusals r ON r.order_id = f.order_id AND (${which === "every"} OR r.id ${cmp} f.last_refusal_id)
     WHERE ${where}`;
}

/** Adds (sign 1) or subtracts (sign −1) transition rows `t` to the transition rollup. */
function addTransitions(sign: 1 | -1): string {
  return `INSERT INTO dash_transition_daily AS d
    SELECT (t.created_at AT TIME ZONE $1)::date, t.channel_id, t.region, t.is_test, t.kind, t.action, t.source, t.actor_id, t.actor_name,
           ${sign} * count(*)::int, ${sign} * count(t.prev_at)::int,
           ${sign} * coalesce(sum((extract(epoch FROM t.created_at - t.prev_at) * 1000)::bigint), 0)
      FROM t GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT (${TRANSITION_KEY}) DO UPDATE SET transitions = d.transitions + EXCLUDED.transitions,
    handled_count = d.handled_count + EXCLUDED.handled_count, handled_ms_sum = d.handled_ms_sum + EXCLUDED.handled_ms_sum`;
}

/**
 * Takes orders out of the rollups ($2 = ids; all of them, or only those whose order row is gone):
 * subtracts their facts and the transitions counted for them, then forgets their facts.
 */
export function forgetSql(which: "all" | "deleted"): string {
  const gone = which === "deleted" ? "AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = f.order_id)" : "";
  return `WITH gone AS (DELETE FROM dash_order_facts f WHERE f.order_id = ANY($2::text[]) ${gone} RETURNING *),
  t AS (${transitionRows("gone f", "counted")}),
  tx AS (${addTransitions(-1)}),
  delta AS (SELECT ${DAILY_KEY}, ${DAILY_MEASURES} FROM (SELECT ${FACT_COLUMNS}, -1 AS sign FROM gone) x GROUP BY ${DAILY_KEY})
  INSERT INTO dash_order_daily AS d SELECT * FROM delta
  ON CONFLICT (${DAILY_KEY}) DO UPDATE SET ${DAILY_ADD}`;
}

/**
 * Status-log and refusal rows not yet counted (id above the fact's mark), added to the transition
 * rollup under the order's current dimensions; the marks move to the rows just counted, in the same statement.
 */
export function applyTransitionsSql(scope: Scope): string {
  return `WITH t AS (${transitionRows("dash_order_facts f", scope === "all" ? "every" : "new", only(scope, "f.order_id"))}),
  marks AS (
    UPDATE dash_order_facts f
       SET last_log_id = greatest(f.last_log_id, coalesce(m.log_id, 0)), last_refusal_id = greatest(f.last_refusal_id, coalesce(m.refusal_id, 0))
      FROM (SELECT order_id, max(id) FILTER (WHERE kind <> 'REFUSED') AS log_id, max(id) FILTER (WHERE kind = 'REFUSED') AS refusal_id
              FROM t GROUP BY order_id) m
     WHERE f.order_id = m.order_id
  )
  ${addTransitions(1)}`;
}
