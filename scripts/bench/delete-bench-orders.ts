import type pg from "pg";

/** Tables that carry an order id without a foreign key (event logs, idempotency records). */
const UNKEYED = [{ tbl: "outbox_events", col: "order_id" }, { tbl: "ingest_events", col: "order_id" }, { tbl: "idempotency_keys", col: "order_id" }];

/**
 * Deletes a bench run's own orders and every row hanging off them, so the bench database keeps its
 * size: each table with a foreign key to orders (read from the catalog, as other areas add theirs),
 * the unkeyed tables above, then the orders. `ids` is a SELECT of the order ids, with its parameters.
 */
export async function deleteBenchOrders(pool: pg.Pool | pg.Client, ids: string, params: unknown[] = []) {
  const refs = await pool.query<{ tbl: string; col: string }>(`
    SELECT c.conrelid::regclass::text AS tbl, a.attname AS col FROM pg_constraint c
    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
    WHERE c.contype = 'f' AND c.confrelid = 'orders'::regclass`);
  for (const r of [...refs.rows, ...UNKEYED]) await pool.query(`DELETE FROM ${r.tbl} WHERE ${r.col} IN (${ids})`, params);
  await pool.query(`DELETE FROM orders WHERE id IN (${ids})`, params);
}
