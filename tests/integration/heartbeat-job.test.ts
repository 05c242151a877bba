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

  it("drops the stored schedule of a cron job the registry no longer has (a retired job is not queued for nobody)", async () => {
    const first = await startWorker({ databaseUrl: inject("databaseUrl") });
    try {
      await first.boss.createQueue("retired-scan");
      await first.boss.schedule("retired-scan", "*/15 * * * *");
    } finally {
      await first.stop();
    }
    const second = await startWorker({ databaseUrl: inject("databaseUrl") });
    try {
      const names = (await second.boss.getSchedules()).map((s) => s.name);
      expect(names).not.toContain("retired-scan");
      expect(names).toContain("anomaly-scan");
    } finally {
      await second.stop();
    }
  });
});
