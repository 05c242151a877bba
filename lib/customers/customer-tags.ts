import { z } from "zod";
import type { Db } from "../db/client";
import { logger } from "../log/logger";

/** Behaviour tags (SPEC §6), stored per customer in `customer_tags` by the customer-tags jobs. */
export const CUSTOMER_TAGS = ["VIP", "FREQUENT", "HIGH_AOV", "RETURNS", "NEW"] as const;
export type CustomerTag = (typeof CUSTOMER_TAGS)[number];

/**
 * Thresholds a business tunes (environment, in yuan / days / percent so operators need not think in fen):
 * VIP ≥ ¥2,000 paid in total OR ≥ 5 paid orders; FREQUENT ≥ 3 paid orders within 30 days; HIGH_AOV
 * average paid ≥ ¥500; RETURNS ≥ 30 % of paid orders refunded; NEW exactly one paid order.
 */
const RulesEnv = z.object({
  CUSTOMER_TAG_VIP_PAID_YUAN: z.coerce.number().int().positive().default(2000),
  CUSTOMER_TAG_VIP_ORDERS: z.coerce.number().int().positive().default(5),
  CUSTOMER_TAG_FREQUENT_ORDERS: z.coerce.number().int().min(2).default(3),
  CUSTOMER_TAG_FREQUENT_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  CUSTOMER_TAG_HIGH_AOV_YUAN: z.coerce.number().int().positive().default(500),
  CUSTOMER_TAG_RETURN_RATE_PCT: z.coerce.number().int().min(1).max(100).default(30),
});

export interface TagRules {
  vipPaidFen: number;
  vipOrders: number;
  frequentOrders: number;
  frequentDays: number;
  highAovFen: number;
  returnRatePct: number;
}

export function tagRules(env: Record<string, string | undefined> = process.env): TagRules {
  const parsed = RulesEnv.safeParse(Object.fromEntries(Object.keys(RulesEnv.shape).map((k) => [k, env[k] || undefined])));
  // A bad value must not stop the tag jobs: keep the defaults and say which variable was wrong.
  if (!parsed.success) logger.warn({ issues: parsed.error.issues.map((i) => i.path.join(".")) }, "invalid CUSTOMER_TAG_* setting, using the defaults");
  const v = parsed.success ? parsed.data : RulesEnv.parse({});
  return {
    vipPaidFen: v.CUSTOMER_TAG_VIP_PAID_YUAN * 100,
    vipOrders: v.CUSTOMER_TAG_VIP_ORDERS,
    frequentOrders: v.CUSTOMER_TAG_FREQUENT_ORDERS,
    frequentDays: v.CUSTOMER_TAG_FREQUENT_DAYS,
    highAovFen: v.CUSTOMER_TAG_HIGH_AOV_YUAN * 100,
    returnRatePct: v.CUSTOMER_TAG_RETURN_RATE_PCT,
  };
}

/**
 * Recomputes the stored tags in one set-based statement: every unmerged customer (the nightly full
 * pass) or only `customerIds` (incremental: orders changed, merge/unmerge). Customers merged into
 * another lose their row (their orders now count for the survivor).
 */
export async function recomputeCustomerTags(db: Db, opts: { customerIds?: string[]; now?: Date; rules?: TagRules } = {}) {
  const only = opts.customerIds ?? null;
  if (only && only.length === 0) return { customers: 0 };
  const r = opts.rules ?? tagRules();
  const now = opts.now ?? new Date();
  const since = new Date(now.getTime() - r.frequentDays * 86_400_000);
  const customers = await db.$executeRaw`
    WITH figures AS (
      SELECT o.customer_id,
        count(*)::int AS paid_orders,
        count(*) FILTER (WHERE o.placed_at >= ${since} AND o.placed_at <= ${now})::int AS recent_orders,
        count(*) FILTER (WHERE o.refunded_fen > 0 OR o.status = 'REFUNDED')::int AS returned_orders,
        sum(o.paid_fen)::bigint AS paid_fen,
        max(o.placed_at) AS last_order_at
      FROM orders o
      WHERE o.customer_id IS NOT NULL AND o.status NOT IN ('PENDING_PAYMENT', 'CANCELLED')
        AND (${only}::text[] IS NULL OR o.customer_id = ANY(${only}::text[]))
      GROUP BY o.customer_id
    )
    INSERT INTO customer_tags AS t (customer_id, tags, paid_orders, recent_orders, returned_orders, paid_fen, avg_order_fen, last_order_at, rules, computed_at)
    SELECT c.id,
      array_remove(ARRAY[
        CASE WHEN f.paid_fen >= ${r.vipPaidFen} OR f.paid_orders >= ${r.vipOrders} THEN 'VIP' END,
        CASE WHEN f.recent_orders >= ${r.frequentOrders} THEN 'FREQUENT' END,
        CASE WHEN f.paid_fen >= ${r.highAovFen}::bigint * f.paid_orders THEN 'HIGH_AOV' END,
        CASE WHEN f.returned_orders * 100 >= ${r.returnRatePct} * f.paid_orders THEN 'RETURNS' END,
        CASE WHEN f.paid_orders = 1 THEN 'NEW' END
      ]::text[], NULL),
      coalesce(f.paid_orders, 0), coalesce(f.recent_orders, 0), coalesce(f.returned_orders, 0), coalesce(f.paid_fen, 0),
      coalesce(round(f.paid_fen::numeric / nullif(f.paid_orders, 0)), 0)::int, f.last_order_at, ${JSON.stringify(r)}::jsonb, ${now}
    FROM customers c LEFT JOIN figures f ON f.customer_id = c.id
    WHERE c.merged_into_id IS NULL AND (${only}::text[] IS NULL OR c.id = ANY(${only}::text[]))
    ON CONFLICT (customer_id) DO UPDATE SET tags = EXCLUDED.tags, paid_orders = EXCLUDED.paid_orders,
      recent_orders = EXCLUDED.recent_orders, returned_orders = EXCLUDED.returned_orders, paid_fen = EXCLUDED.paid_fen,
      avg_order_fen = EXCLUDED.avg_order_fen, last_order_at = EXCLUDED.last_order_at, rules = EXCLUDED.rules, computed_at = EXCLUDED.computed_at`;
  await db.$executeRaw`
    DELETE FROM customer_tags t USING customers c
    WHERE c.id = t.customer_id AND c.merged_into_id IS NOT NULL AND (${only}::text[] IS NULL OR c.id = ANY(${only}::text[]))`;
  return { customers };
}
