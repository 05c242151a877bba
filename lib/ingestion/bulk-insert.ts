/**
 * Multi-row INSERT as one `INSERT … SELECT FROM json_to_recordset($1)`: a whole batch travels as ONE
 * JSON parameter, built by the engine's native JSON.stringify. Per-column array parameters made
 * the client walk and escape every value (and the garbage of doing so) — at thousands of wide rows
 * per chunk that, not PostgreSQL, was the cost of a file import. Dates go as epoch milliseconds, jsonb
 * columns as nested JSON, text[] as JSON arrays (PostgreSQL turns those into arrays itself).
 * Table and column names come from this codebase only, never from input. In a transaction begun by
 * `transactionWithConnection` the statement goes straight to its pg connection (see there why).
 */
import { transactionConnection, type Db } from "../db/client";

export type PgType = "text" | "int" | "bool" | "timestamptz" | "jsonb" | "text[]" | `"${string}"`;
export type Column<T> = readonly [name: string, type: PgType, get: (row: T) => unknown];

function insertSql<T>(table: string, columns: readonly Column<T>[], rows: readonly T[], tail: string): [string, Buffer] {
  // Short keys keep the parameter small (undefined values drop out of the JSON and arrive as NULL);
  // every record gets its keys in one order, so V8 gives them all one shape.
  const keys = columns.map((_, i) => `c${i}`);
  // timestamptz columns take Dates and send epoch milliseconds: JSON.stringify would call each Date's
  // toJSON, its slow path (a quarter of stringifying an order row); to_timestamp restores the ms exactly.
  const isTime = columns.map(([, type]) => type === "timestamptz");
  const records = rows.map((r) => {
    const rec: Record<string, unknown> = {};
    for (let i = 0; i < columns.length; i++) {
      const v = columns[i][2](r);
      rec[keys[i]] = isTime[i] && v != null ? (v as Date).getTime() : v;
    }
    return rec;
  });
  const names = columns.map(([name]) => `"${name}"`).join(", ");
  const shape = columns.map(([, type], i) => `${keys[i]} ${isTime[i] ? "float8" : type}`).join(", ");
  const values = keys.map((k, i) => (isTime[i] ? `to_timestamp(${k} / 1000)` : k)).join(", ");
  // Sent as bytes: pg passes a Buffer through untouched, and so does Prisma's raw path (as base64),
  // where it would JSON-escape a multi-megabyte string and parse it back on its way to the driver.
  // With a jsonb column the batch is read as jsonb, so its nested values are not parsed twice (once
  // as json text, again as jsonb: a fifth of an order insert); flat rows read faster as json.
  const json = columns.some(([, type]) => type === "jsonb") ? "jsonb" : "json";
  const sql = `INSERT INTO "${table}" (${names}) SELECT ${values} FROM ${json}_to_recordset(convert_from($1::bytea, 'UTF8')::${json}) AS t(${shape}) ${tail}`;
  return [sql, Buffer.from(JSON.stringify(records))];
}

export async function bulkInsert<T>(tx: Db, table: string, columns: readonly Column<T>[], rows: readonly T[], onConflict = ""): Promise<number> {
  if (rows.length === 0) return 0;
  const [sql, json] = insertSql(table, columns, rows, onConflict);
  const conn = transactionConnection(tx);
  return conn ? ((await conn.query(sql, [json])).rowCount ?? 0) : tx.$executeRawUnsafe(sql, json);
}

/** The same insert with `ON CONFLICT … DO NOTHING RETURNING id`: the ids of the rows actually inserted. */
export async function bulkInsertNew<T>(tx: Db, table: string, columns: readonly Column<T>[], rows: readonly T[], conflictTarget: string): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const [sql, json] = insertSql(table, columns, rows, `ON CONFLICT (${conflictTarget}) DO NOTHING RETURNING id`);
  const conn = transactionConnection(tx);
  const inserted = conn ? (await conn.query<{ id: string }>(sql, [json])).rows : await tx.$queryRawUnsafe<{ id: string }[]>(sql, json);
  return new Set(inserted.map((r) => r.id));
}
