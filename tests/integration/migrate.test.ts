import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { dropDatabase, ensureDatabase } from "../../lib/db/embedded";
import { migrate, readMigrations, MigrationError } from "../../lib/db/migrate";

/** The project's migrate command keeps Prisma's table, runs each migration once, refuses edits. */
describe("migrate", () => {
  const url = (() => {
    const u = new URL(inject("serverAdminUrl"));
    u.pathname = `/orderhub_migrate_${process.pid}`;
    return u.toString();
  })();

  beforeAll(async () => {
    await dropDatabase(url);
    await ensureDatabase(url);
  });
  afterAll(() => dropDatabase(url));

  it("applies every migration once and records it the way Prisma does", async () => {
    const files = readMigrations();
    expect(await migrate(url)).toEqual(files.map((f) => f.name));
    expect(await migrate(url)).toEqual([]);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query(`SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`);
    await client.end();
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    expect(rows.map((r) => r.checksum)).toEqual(files.map((f) => f.checksum));
    expect(rows.every((r) => r.finished_at instanceof Date && r.applied_steps_count === 1)).toBe(true);
  });

  it("refuses to go on when an applied migration was edited", async () => {
    const files = readMigrations();
    const edited = files.map((f, i) => (i === 0 ? { ...f, sql: `${f.sql}\n-- edited`, checksum: "0".repeat(64) } : f));
    await expect(migrate(url, edited)).rejects.toBeInstanceOf(MigrationError);
  });

  it("rolls back a failing migration whole and leaves no record of it", async () => {
    const files = readMigrations();
    const broken = [...files, { name: "29990101000000_broken", sql: `CREATE TABLE zz_partial (id int); SELECT * FROM no_such_table;`, checksum: "f".repeat(64) }];
    await expect(migrate(url, broken)).rejects.toBeInstanceOf(MigrationError);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const table = await client.query(`SELECT to_regclass('public.zz_partial') AS t`);
    const record = await client.query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '29990101000000_broken'`);
    await client.end();
    expect(table.rows[0].t).toBeNull();
    expect(record.rowCount).toBe(0);
  });

  it("lets only one migrator run at a time (advisory lock)", async () => {
    const other = url.replace(/\/([^/]+)$/, "/$1_race");
    await dropDatabase(other);
    await ensureDatabase(other);
    try {
      const results = await Promise.all([migrate(other), migrate(other), migrate(other)]);
      // Exactly one of the three applied everything; the others found nothing left to do.
      expect(results.map((r) => r.length).sort()).toEqual([0, 0, readMigrations().length]);
    } finally {
      await dropDatabase(other);
    }
  });
});
