/**
 * Multi-row INSERT as one `INSERT … SELECT FROM unnest($1::type[], …)`: a whole batch travels as
 * one array per column (as the demo loader does), far cheaper than an ORM createMany of wide rows.
 * Table and column names come from this codebase only, never from input.
 */
import type { Db } from "../db/client";

export type PgType = "text" | "int" | "bool" | "timestamptz" | "jsonb" | "text[]" | `"${string}"`;
export type Column<T> = readonly [name: string, type: PgType, get: (row: T) => unknown];

const param = (v: unknown, type: PgType) => {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  if (type === "jsonb" || type === "text[]") return JSON.stringify(v);
  return v;
};

function insertSql<T>(table: string, columns: readonly Column<T>[], rows: readonly T[], tail: string): [string, unknown[]] {
  const args = columns.map(([, type, get]) => rows.map((r) => param(get(r), type)));
  const arrays = columns.map(([, type], i) => `$${i + 1}::${type === "text[]" ? "jsonb" : type}[]`).join(", ");
  const values = columns.map(([, type], i) => (type === "text[]" ? `ARRAY(SELECT jsonb_array_elements_text(c${i}))` : `c${i}`)).join(", ");
  const names = columns.map(([name]) => `"${name}"`).join(", ");
  const alias = columns.map((_, i) => `c${i}`).join(", ");
  return [`INSERT INTO "${table}" (${names}) SELECT ${values} FROM unnest(${arrays}) AS t(${alias}) ${tail}`, args];
}

export async function bulkInsert<T>(tx: Db, table: string, columns: readonly Column<T>[], rows: readonly T[], onConflict = ""): Promise<number> {
  if (rows.length === 0) return 0;
  const [sql, args] = insertSql(table, columns, rows, onConflict);
  return tx.$executeRawUnsafe(sql, ...args);
}

/** The same insert with `ON CONFLICT … DO NOTHING RETURNING id`: the ids of the rows actually inserted. */
export async function bulkInsertNew<T>(tx: Db, table: string, columns: readonly Column<T>[], rows: readonly T[], conflictTarget: string): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const [sql, args] = insertSql(table, columns, rows, `ON CONFLICT (${conflictTarget}) DO NOTHING RETURNING id`);
  const inserted = await tx.$queryRawUnsafe<{ id: string }[]>(sql, ...args);
  return new Set(inserted.map((r) => r.id));
}
