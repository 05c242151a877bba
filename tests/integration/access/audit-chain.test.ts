import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { recordAudit } from "../../../lib/audit/record-audit";
import { verifyAuditChain } from "../../../lib/audit/verify-audit-chain";
import { testDb } from "../helpers";

describe("audit chain against tampering", () => {
  it("refuses UPDATE and DELETE through the app's own Prisma client too", async () => {
    await recordAudit(testDb(), { id: null, displayName: "测试" }, { action: "test.app-role" });
    await expect(testDb().$executeRawUnsafe(`UPDATE audit_log SET actor_name = 'x' WHERE action = 'test.app-role'`)).rejects.toThrow(/append-only/);
    await expect(testDb().$executeRawUnsafe(`DELETE FROM audit_log WHERE action = 'test.app-role'`)).rejects.toThrow(/append-only/);
    await expect(testDb().auditLog.deleteMany({ where: { action: "test.app-role" } })).rejects.toThrow();
  });

  it("names the row after one deleted behind the trigger's back (its link no longer holds)", async () => {
    const client = new pg.Client({ connectionString: inject("databaseUrl") });
    await client.connect();
    try {
      for (const a of ["test.del.before", "test.del.target", "test.del.after"]) await recordAudit(testDb(), { id: null, displayName: "测试" }, { action: a });
      const { rows } = await client.query(`SELECT id, action, actor_id, actor_name, entity_type, entity_id, detail, prev_hash, hash, created_at FROM audit_log WHERE action LIKE 'test.del.%' ORDER BY id`);
      await client.query("BEGIN");
      await client.query("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only");
      await client.query(`DELETE FROM audit_log WHERE id = $1`, [rows[1].id]);
      await client.query("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only");
      await client.query("COMMIT");
      const report = await verifyAuditChain(testDb());
      expect(report).toMatchObject({ ok: false, reason: expect.stringMatching(/prev_hash/) });
      if (!report.ok) expect(String(report.brokenAtId)).toBe(String(rows[2].id));
      // Restore the deleted row exactly, so later tests see an intact chain.
      const r = rows[1];
      await client.query("BEGIN");
      await client.query(
        `INSERT INTO audit_log (id, action, actor_id, actor_name, entity_type, entity_id, detail, prev_hash, hash, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
        [r.id, r.action, r.actor_id, r.actor_name, r.entity_type, r.entity_id, r.detail, r.prev_hash, r.hash, r.created_at],
      );
      await client.query("COMMIT");
      expect((await verifyAuditChain(testDb())).ok).toBe(true);
    } finally {
      await client.end();
    }
  });
});
