import { readFileSync } from "node:fs";
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

/**
 * schema.prisma and the migrated database must agree: tables, columns, types, nullability,
 * indexes and enum values. (Prisma's own drift check needs its schema engine, unreachable here.)
 */
interface DmmfField { name: string; dbName?: string; kind: string; type: string; isList: boolean; isRequired: boolean; nativeType?: [string, string[]] | null }
interface DmmfModel { name: string; dbName: string | null; fields: DmmfField[] }
interface DmmfIndex { model: string; type: "id" | "unique" | "normal" | "fulltext"; algorithm?: string; fields: { name: string; sortOrder?: "asc" | "desc" }[] }
interface Dmmf { datamodel: { models: DmmfModel[]; enums: { name: string; dbName?: string | null; values: { name: string; dbName?: string | null }[] }[]; indexes: DmmfIndex[] } }

const dmmf: Dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", readFileSync("prisma/schema.prisma", "utf8")]] })));
const models = dmmf.datamodel.models;
const enumNames = new Set(dmmf.datamodel.enums.map((e) => e.name));
const tableOf = (m: DmmfModel) => m.dbName ?? m.name;
const columnOf = (f: DmmfField) => f.dbName ?? f.name;

function expectedType(f: DmmfField): string {
  if (f.isList) return `ARRAY:_${f.type === "String" ? "text" : f.type.toLowerCase()}`;
  if (enumNames.has(f.type)) return `USER-DEFINED:${f.type}`;
  switch (f.type) {
    case "String": return "text";
    case "Int": return "integer";
    case "BigInt": return "bigint";
    case "Boolean": return "boolean";
    case "Json": return "jsonb";
    case "Bytes": return "bytea";
    case "Float": return "double precision";
    case "Decimal": return "numeric";
    case "DateTime": return f.nativeType?.[0] === "Timestamptz" ? "timestamp with time zone" : f.nativeType?.[0] === "Date" ? "date" : "timestamp without time zone";
    default: throw new Error(`unmapped Prisma type ${f.type}`);
  }
}

let client: pg.Client;
beforeAll(async () => {
  client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
});
afterAll(() => client.end());

describe("schema.prisma ↔ migrated database", () => {
  it("has exactly the tables of the schema", async () => {
    const { rows } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`,
    );
    expect(rows.map((r) => r.table_name).sort()).toEqual(models.map(tableOf).sort());
  });

  it("has every column with its type and nullability, and no others", async () => {
    const { rows } = await client.query<{ table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: string }>(
      `SELECT table_name, column_name, data_type, udt_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    const actual = rows
      .map((r) => `${r.table_name}.${r.column_name} ${r.data_type === "USER-DEFINED" || r.data_type === "ARRAY" ? `${r.data_type}:${r.udt_name}` : r.data_type} ${r.is_nullable === "YES" ? "NULL" : "NOT NULL"}`)
      .sort();
    const expected = models
      .flatMap((m) =>
        m.fields
          .filter((f) => f.kind === "scalar" || f.kind === "enum")
          // Prisma creates list columns without NOT NULL.
          .map((f) => `${tableOf(m)}.${columnOf(f)} ${expectedType(f)} ${f.isRequired && !f.isList ? "NOT NULL" : "NULL"}`),
      )
      .sort();
    expect(actual).toEqual(expected);
  });

  it("has exactly the indexes of the schema (primary, unique, plain, with access method and sort order)", async () => {
    const { rows } = await client.query<{ table_name: string; is_primary: boolean; is_unique: boolean; method: string; columns: string[] }>(`
      SELECT t.relname AS table_name, ix.indisprimary AS is_primary, ix.indisunique AS is_unique, am.amname AS method,
             array_agg(a.attname || CASE WHEN (ix.indoption[k.ord - 1] & 1) = 1 THEN ' desc' ELSE '' END ORDER BY k.ord) AS columns
      FROM pg_index ix
      JOIN pg_class t ON t.oid = ix.indrelid
      JOIN pg_class i ON i.oid = ix.indexrelid
      JOIN pg_am am ON am.oid = i.relam
      JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
      CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE t.relname <> '_prisma_migrations'
      GROUP BY t.relname, ix.indexrelid, ix.indisprimary, ix.indisunique, am.amname`);
    const actual = rows.map((r) => `${r.table_name} ${r.is_primary ? "id" : r.is_unique ? "unique" : "normal"} ${r.method} (${r.columns.join(", ")})`).sort();
    const byName = new Map(models.map((m) => [m.name, m]));
    const expected = dmmf.datamodel.indexes
      .map((ix) => {
        const m = byName.get(ix.model)!;
        const cols = ix.fields.map((f) => {
          const field = m.fields.find((x) => x.name === f.name)!;
          return `${columnOf(field)}${f.sortOrder === "desc" ? " desc" : ""}`;
        });
        return `${tableOf(m)} ${ix.type} ${(ix.algorithm ?? "BTree").toLowerCase()} (${cols.join(", ")})`;
      })
      .sort();
    expect(actual).toEqual(expected);
  });

  it("has every enum with the schema's values in order", async () => {
    const { rows } = await client.query<{ typname: string; labels: string[] }>(
      `SELECT t.typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace AND n.nspname = 'public' JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
    );
    const actual = Object.fromEntries(rows.map((r) => [r.typname, r.labels]));
    const expected = Object.fromEntries(dmmf.datamodel.enums.map((e) => [e.dbName ?? e.name, e.values.map((v) => v.dbName ?? v.name)]));
    expect(actual).toEqual(expected);
  });
});
