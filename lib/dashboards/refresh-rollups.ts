/**
 * Keeps the dashboard rollups current without scanning orders: an order that changed is applied as
 * a delta (its facts now minus its facts as last applied), so 10,000 new orders cost 10,000 orders'
 * worth of index lookups. Changed orders come from the outbox events (dashboardJobs) and from a
 * change feed read by a cron job (status log, contact notes, refusals by time); a nightly rebuild
 * recomputes everything from the base tables.
 */
import type { DbClient } from "../db/client";
import type { Prisma } from "../db/generated/prisma/client";
import { BUSINESS_TIME_ZONE } from "../time/biz-time";
import { applyFactsSql, applyTransitionsSql, forgetSql } from "./rollup-sql";

type Tx = Prisma.TransactionClient;

const STATE_ID = "rollups";
/** One refresher at a time: two concurrent deltas for a new order would both add it. */
const LOCK_KEY = 70_260_007;
const CHUNK = 5_000;
/** The feed re-reads this much before the previous run's start: a transaction's rows carry its start time, not its commit. */
const FEED_OVERLAP_MS = 2 * 60_000;
const TX_OPTIONS = { maxWait: 120_000, timeout: 900_000 };

async function locked<T>(db: DbClient, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(async (tx) => {
    await tx.$queryRawUnsafe(`SELECT pg_advisory_xact_lock(${LOCK_KEY})::text`);
    return fn(tx);
  }, TX_OPTIONS);
}

/** Applies the current state of these orders (new, changed or deleted) to the rollups. */
export async function applyOrders(db: DbClient, orderIds: readonly string[]): Promise<number> {
  const ids = [...new Set(orderIds)];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    await locked(db, async (tx) => {
      await tx.$executeRawUnsafe(forgetSql("deleted"), BUSINESS_TIME_ZONE, chunk);
      await tx.$executeRawUnsafe(applyFactsSql("ids"), BUSINESS_TIME_ZONE, chunk);
      await tx.$executeRawUnsafe(applyTransitionsSql("ids"), BUSINESS_TIME_ZONE, chunk);
    });
  }
  return ids.length;
}

/** Takes orders out of the rollups before they are deleted (benchmarks, tests): deleting cascades to their facts. */
export async function forgetOrders(db: DbClient, orderIds: readonly string[]): Promise<void> {
  for (let i = 0; i < orderIds.length; i += CHUNK) {
    const chunk = orderIds.slice(i, i + CHUNK);
    await locked(db, (tx) => tx.$executeRawUnsafe(forgetSql("all"), BUSINESS_TIME_ZONE, chunk));
  }
}

/** Recomputes every rollup from the base tables (first run, after a reseed, nightly). */
export async function rebuildRollups(db: DbClient): Promise<{ orders: number; ms: number }> {
  const started = Date.now();
  return locked(db, async (tx) => {
    const [{ now }] = await tx.$queryRawUnsafe<{ now: Date }[]>(`SELECT now() AS now`);
    // DELETE, not TRUNCATE: no exclusive lock, so order deletes (cascading to the facts) never wait for a rebuild.
    await tx.$executeRawUnsafe(`DELETE FROM dash_order_daily`);
    await tx.$executeRawUnsafe(`DELETE FROM dash_transition_daily`);
    await tx.$executeRawUnsafe(`DELETE FROM dash_order_facts`);
    await tx.$executeRawUnsafe(applyFactsSql("all"), BUSINESS_TIME_ZONE);
    await tx.$executeRawUnsafe(applyTransitionsSql("all"), BUSINESS_TIME_ZONE);
    const [{ orders }] = await tx.$queryRawUnsafe<{ orders: number }[]>(`SELECT count(*)::int AS orders FROM dash_order_facts`);
    const ms = Date.now() - started;
    const feedFrom = new Date(now.getTime() - FEED_OVERLAP_MS);
    await tx.dashRefreshState.upsert({
      where: { id: STATE_ID },
      create: { id: STATE_ID, feedFrom, lastRunAt: now, lastFullAt: now, lastOrders: orders, lastMs: ms },
      update: { feedFrom, lastRunAt: now, lastFullAt: now, lastOrders: orders, lastMs: ms },
    });
    return { orders, ms };
  });
}

/** The orders touched since `from`, by the change feed. */
async function changedSince(db: DbClient, from: Date): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ order_id: string }[]>(
    `SELECT order_id FROM order_status_log WHERE created_at >= $1
     UNION SELECT order_id FROM customer_notes WHERE created_at >= $1 AND order_id IS NOT NULL
     UNION SELECT order_id FROM transition_refusals WHERE created_at >= $1`,
    from,
  );
  return rows.map((r) => r.order_id);
}

/**
 * The cron path: orders changed since the last run (with an overlap; re-applying an order changes
 * nothing). Rebuilds when there is no state yet or the facts were emptied (a reseed truncates them).
 */
export async function refreshRollups(db: DbClient): Promise<{ mode: "full" | "feed"; orders: number; ms: number }> {
  const state = await db.dashRefreshState.findUnique({ where: { id: STATE_ID } });
  const [{ facts, orders }] = await db.$queryRawUnsafe<{ facts: boolean; orders: boolean }[]>(
    `SELECT EXISTS (SELECT 1 FROM dash_order_facts) AS facts, EXISTS (SELECT 1 FROM orders) AS orders`,
  );
  if (!state || (orders && !facts)) return { mode: "full", ...(await rebuildRollups(db)) };
  const started = Date.now();
  const [{ now }] = await db.$queryRawUnsafe<{ now: Date }[]>(`SELECT now() AS now`);
  const n = await applyOrders(db, await changedSince(db, state.feedFrom));
  const ms = Date.now() - started;
  const feedFrom = new Date(now.getTime() - FEED_OVERLAP_MS);
  await db.$executeRawUnsafe(
    `UPDATE dash_refresh_state SET feed_from = greatest(feed_from, $2), last_run_at = $3, last_orders = $4, last_ms = $5 WHERE id = $1`,
    STATE_ID, feedFrom, now, n, ms,
  );
  return { mode: "feed", orders: n, ms };
}

/** When the rollups were last brought up to date (shown on the dashboards). */
export async function rollupFreshness(db: DbClient | Tx) {
  return db.dashRefreshState.findUnique({ where: { id: STATE_ID }, select: { lastRunAt: true, lastFullAt: true } });
}
