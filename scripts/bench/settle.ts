import type pg from "pg";

/**
 * Waits (up to `maxMs`) until no autovacuum worker is running, and returns how long that took.
 * A phase's own clean-up (deleting 100,000 bench orders) or the seeding before it sets off vacuums
 * of the million-order tables that run for tens of seconds; timed while they ran, the next phase
 * would be billed for them on a two-core machine. Vacuums the phase itself sets off still count.
 */
export async function settle(pool: pg.Pool, maxMs = 180_000): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < maxMs) {
    const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'`);
    if (rows[0].n === 0) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  return Math.round(performance.now() - started);
}
