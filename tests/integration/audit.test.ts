import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { recordAudit } from "../../lib/audit/record-audit";
import { verifyAuditChain } from "../../lib/audit/verify-audit-chain";
import { testDb } from "./helpers";

describe("audit log", () => {
  it("chains every row to the one before it, also under concurrent writers", async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => recordAudit(testDb(), { id: null, displayName: "测试" }, { action: "test.concurrent", detail: { i, nested: { b: 1, a: [1, "二"] } } })),
    );
    const report = await verifyAuditChain(testDb());
    expect(report.ok).toBe(true);
    expect(report.rows).toBeGreaterThanOrEqual(20);
  });

  it("refuses UPDATE, DELETE and TRUNCATE, also for the app's own database role", async () => {
    const client = new pg.Client({ connectionString: inject("databaseUrl") });
    await client.connect();
    try {
      await expect(client.query(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/append-only/);
      await expect(client.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
      await expect(client.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    } finally {
      await client.end();
    }
  });

  it("reports the first broken link when a row is tampered with", async () => {
    const client = new pg.Client({ connectionString: inject("databaseUrl") });
    await client.connect();
    try {
      await recordAudit(testDb(), { id: null, displayName: "测试" }, { action: "test.tamper.before" });
      await recordAudit(testDb(), { id: null, displayName: "测试" }, { action: "test.tamper.target" });
      await recordAudit(testDb(), { id: null, displayName: "测试" }, { action: "test.tamper.after" });
      const { rows } = await client.query(`SELECT id FROM audit_log WHERE action = 'test.tamper.target'`);
      // A superuser can bypass the trigger; the hash chain still tells.
      await client.query("BEGIN");
      await client.query("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only");
      await client.query(`UPDATE audit_log SET actor_name = '篡改者' WHERE id = $1`, [rows[0].id]);
      await client.query("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only");
      await client.query("COMMIT");
      const report = await verifyAuditChain(testDb());
      expect(report.ok).toBe(false);
      if (!report.ok) expect(String(report.brokenAtId)).toBe(String(rows[0].id));
      // Put it back so later tests see an intact chain.
      await client.query("BEGIN");
      await client.query("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only");
      await client.query(`UPDATE audit_log SET actor_name = '测试' WHERE id = $1`, [rows[0].id]);
      await client.query("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only");
      await client.query("COMMIT");
      expect((await verifyAuditChain(testDb())).ok).toBe(true);
    } finally {
      await client.end();
    }
  });
});
