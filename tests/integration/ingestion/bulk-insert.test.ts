import { describe, expect, it } from "vitest";
import { transactionConnection, transactionWithConnection, type Prisma } from "../../../lib/db/client";
import { bulkInsert, bulkInsertNew, type Column } from "../../../lib/ingestion/bulk-insert";
import { testDb } from "../helpers";

type Row = { id: string; name: string | null; n: number | undefined; ok: boolean; at: Date | null; doc: unknown; tags: string[]; status: string };
const COLUMNS: Column<Row>[] = [
  ["id", "text", (r) => r.id], ["name", "text", (r) => r.name], ["n", "int", (r) => r.n], ["ok", "bool", (r) => r.ok],
  ["at", "timestamptz", (r) => r.at], ["doc", "jsonb", (r) => r.doc], ["tags", "text[]", (r) => r.tags], ["status", '"OrderStatus"', (r) => r.status],
];
const TABLE = "bulk_insert_probe";

type Begin = (fn: (tx: Prisma.TransactionClient) => Promise<void>) => Promise<void>;
const TRANSACTIONS: [string, Begin][] = [
  ["through Prisma's raw-query path", (fn) => testDb().$transaction(fn)],
  ["straight to the transaction's connection", (fn) => transactionWithConnection(testDb(), fn)],
];

describe.each(TRANSACTIONS)("bulkInsert %s: one JSON parameter per batch, every column type arrives intact", (_way, begin) => {
  /** A temporary table, private to one transaction, so no other test (schema drift) ever sees it. */
  const withProbe = (fn: (tx: Prisma.TransactionClient) => Promise<void>) =>
    begin(async (tx) => {
      await tx.$executeRawUnsafe(`CREATE TEMP TABLE ${TABLE} (id text PRIMARY KEY, name text, n int, ok bool, at timestamptz, doc jsonb, tags text[], status "OrderStatus") ON COMMIT DROP`);
      await fn(tx);
    });

  it("keeps quotes, backslashes, newlines, tabs, emoji and CJK text, NULLs, arrays, nested JSON and enums", () => withProbe(async (tx) => {
    const nasty = `他说 "你好"\\n\t${"\\"}路\r\n😀 ' ; DROP TABLE orders; --`;
    const rows: Row[] = [
      { id: "a", name: nasty, n: 2_147_483_647, ok: true, at: new Date("2026-11-28T02:00:00.123Z"), doc: { k: [1, "二", null, { deep: nasty }], big: "12345678901234567890" }, tags: ["发票", "加急", 'a"b', "c,d", "{x}"], status: "PAID" },
      { id: "b", name: null, n: undefined, ok: false, at: null, doc: [], tags: [], status: "NEEDS_REVIEW" },
    ];
    expect(await bulkInsert(tx, TABLE, COLUMNS, rows)).toBe(2);
    const got = await tx.$queryRawUnsafe<Row[]>(`SELECT id, name, n, ok, at, doc, tags, status::text AS status FROM ${TABLE} ORDER BY id`);
    expect(got[0]).toEqual({ ...rows[0] });
    expect(got[1]).toEqual({ id: "b", name: null, n: null, ok: false, at: null, doc: [], tags: [], status: "NEEDS_REVIEW" });
  }));

  it("bulkInsertNew reports only the rows it inserted; a conflicting row is skipped, not overwritten", () => withProbe(async (tx) => {
    const row = (id: string, name: string): Row => ({ id, name, n: 1, ok: true, at: null, doc: {}, tags: [], status: "PAID" });
    await bulkInsert(tx, TABLE, COLUMNS, [row("a", "original")]);
    const inserted = await bulkInsertNew(tx, TABLE, COLUMNS, [row("a", "changed"), row("c", "new")], "id");
    expect([...inserted]).toEqual(["c"]);
    const a = await tx.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM ${TABLE} WHERE id = 'a'`);
    expect(a[0].name).toBe("original");
  }));

  it("refuses a value the column type cannot hold instead of storing something else", async () => {
    const bad = (r: Partial<Row>) => withProbe((tx) => bulkInsert(tx, TABLE, COLUMNS, [{ id: "x", name: "x", n: 1, ok: true, at: null, doc: {}, tags: [], status: "PAID", ...r }]).then(() => undefined));
    await expect(bad({ n: 2 ** 31 })).rejects.toThrow(/out of range/);
    await expect(bad({ status: "NO_SUCH_STATUS" })).rejects.toThrow(/OrderStatus/);
  });
});

describe("transactionWithConnection", () => {
  // A table of its own, outside the public schema (which the schema-drift test compares).
  const PROBE = "bulk_probe.probe_rows";
  const onProbeSchema = (tx: Prisma.TransactionClient) => tx.$executeRawUnsafe(`SET LOCAL search_path = bulk_probe, public`);
  const probe: Column<{ tag: string }>[] = [["tag", "text", (r) => r.tag]];
  const count = async (tag: string) => Number((await testDb().$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM ${PROBE} WHERE tag = $1`, tag))[0].n);

  it("hands bulk statements the transaction's own connection: one transaction, committed or rolled back whole", async () => {
    const db = testDb();
    await db.$executeRawUnsafe(`CREATE SCHEMA IF NOT EXISTS bulk_probe`);
    await db.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS ${PROBE} (tag text NOT NULL)`);
    await expect(transactionWithConnection(db, async (tx) => {
      const [viaPrisma] = await tx.$queryRaw<{ x: bigint }[]>`SELECT txid_current() AS x`;
      const viaConnection = await transactionConnection(tx)!.query<{ x: string }>("SELECT txid_current() AS x");
      expect(viaConnection.rows[0].x).toBe(String(viaPrisma.x));
      await db.channel.count(); // a plain query on another connection meanwhile
      await onProbeSchema(tx);
      await bulkInsert(tx, "probe_rows", probe, [{ tag: "rolled-back" }]);
      expect((await tx.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM ${PROBE} WHERE tag = 'rolled-back'`))[0].n).toBe(1n);
      throw new Error("abort");
    })).rejects.toThrow("abort");
    expect(await count("rolled-back")).toBe(0);
    // Committed, with a plain (non-transaction) query in between that must not take the connection's place.
    await transactionWithConnection(db, async (tx) => {
      await db.channel.count();
      await onProbeSchema(tx);
      await bulkInsert(tx, "probe_rows", probe, [{ tag: "committed" }]);
    });
    expect(await count("committed")).toBe(1);
    await db.$executeRawUnsafe(`DROP SCHEMA bulk_probe CASCADE`);
  });

  it("gives a transaction begun the ordinary way no connection (bulk statements then go through Prisma)", async () => {
    await testDb().$transaction(async (tx) => expect(transactionConnection(tx)).toBeUndefined());
  });
});
