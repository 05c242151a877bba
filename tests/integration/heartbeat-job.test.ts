import { describe, expect, inject, it } from "vitest";
import { startWorker } from "../../lib/jobs/start-worker";
import { testDb } from "./helpers";

/** The worker's one scheduled job, end to end: pg-boss → handler → a heartbeat row per peer. */
describe("integration heartbeat job", () => {
  it("runs through the Postgres job queue and records the database peer as up", async () => {
    const worker = await startWorker({ databaseUrl: inject("databaseUrl") });
    try {
      const scheduled = await worker.boss.getSchedules();
      expect(scheduled.map((s) => [s.name, s.cron, s.options?.tz])).toContainEqual(["integration-heartbeat", "*/5 * * * *", "Asia/Shanghai"]);
      const before = await testDb().integrationHeartbeat.count({ where: { peer: "database" } });
      await worker.boss.send("integration-heartbeat", {});
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline && (await testDb().integrationHeartbeat.count({ where: { peer: "database" } })) === before) {
        await new Promise((r) => setTimeout(r, 250));
      }
      const latest = await testDb().integrationHeartbeat.findFirst({ where: { peer: "database" }, orderBy: { id: "desc" } });
      expect(latest?.ok).toBe(true);
      expect(await testDb().integrationHeartbeat.count({ where: { peer: "database" } })).toBe(before + 1);
    } finally {
      await worker.stop();
    }
  });
});
