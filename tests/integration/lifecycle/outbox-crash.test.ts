import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import PgBoss from "pg-boss";
import { describe, expect, inject, it } from "vitest";
import { markPaid } from "../../../lib/lifecycle/fulfilment-actions";
import { systemActor } from "../../../lib/lifecycle/order-actor";
import { bossPublisher, dispatchOutbox } from "../../../lib/outbox/dispatch-outbox";
import { testDb } from "../helpers";
import { createTestOrder } from "./order-fixture";

const PROBE = "test-outbox-probe";

/** SPEC §2: a crash between commit and publish loses no event (at least once; consumers are idempotent). */
describe("transactional outbox", () => {
  it("writes the event in the transition's transaction: a failed transition leaves no event", async () => {
    const db = testDb();
    const o = await createTestOrder(db, { status: "SHIPPED" });
    await expect(markPaid(db, o.id, { by: systemActor(), source: "SCHEDULER", idempotencyKey: randomUUID() })).rejects.toMatchObject({ code: "ILLEGAL_TRANSITION" });
    expect(await db.outboxEvent.count({ where: { orderId: o.id } })).toBe(0);
  });

  it("survives the dispatcher being killed mid-batch: every event is published, none is lost", async () => {
    const db = testDb();
    const url = inject("databaseUrl");
    const boss = new PgBoss({ connectionString: url, schema: "pgboss", max: 2, supervise: false, schedule: false });
    await boss.start();
    try {
      if (!(await boss.getQueue(PROBE))) await boss.createQueue(PROBE);
      await boss.subscribe("ORDER_PAID", PROBE);
      // Whatever earlier tests left unpublished goes first, so the kill lands among our events.
      await dispatchOutbox(db, bossPublisher(boss));
      const orders = await Promise.all(Array.from({ length: 30 }, () => createTestOrder(db, { status: "PENDING_PAYMENT" })));
      for (const o of orders) await markPaid(db, o.id, { by: systemActor(), source: "PAYMENT_NOTIFY", idempotencyKey: `crash-${o.id}` });
      const ours = await db.outboxEvent.findMany({ where: { orderId: { in: orders.map((o) => o.id) } }, select: { id: true } });
      expect(ours).toHaveLength(30);

      // A real process, killed with SIGKILL after a dozen publishes (no cleanup, no rollback handler).
      const child = spawn(process.execPath, ["--import", "tsx", "tests/integration/lifecycle/dispatcher-child.ts"], {
        env: { ...process.env, DATABASE_URL: url }, stdio: ["ignore", "pipe", "inherit"],
      });
      const exited = new Promise((r) => child.once("exit", r));
      let published = 0;
      await new Promise<void>((resolve, reject) => {
        child.stdout.on("data", (b: Buffer) => {
          published += (b.toString().match(/published/g) ?? []).length;
          if (published >= 12 && child.exitCode === null) {
            child.kill("SIGKILL");
            resolve();
          }
        });
        void exited.then(() => resolve());
        setTimeout(() => reject(new Error("dispatcher child did not start")), 30_000);
      });
      await exited;
      const unpublished = await db.outboxEvent.count({ where: { id: { in: ours.map((e) => e.id) }, publishedAt: null } });
      expect(unpublished).toBeGreaterThan(0); // killed mid-way: the rest is still waiting
      expect(unpublished).toBeLessThan(30);

      // The next dispatcher run picks up where the dead one stopped.
      await dispatchOutbox(db, bossPublisher(boss));
      expect(await db.outboxEvent.count({ where: { id: { in: ours.map((e) => e.id) }, publishedAt: null } })).toBe(0);
      const jobs = await db.$queryRaw<{ event_id: string }[]>`SELECT data->>'eventId' AS event_id FROM pgboss.job WHERE name = ${PROBE}`;
      const seen = new Set(jobs.map((j) => j.event_id));
      for (const e of ours) expect(seen.has(String(e.id))).toBe(true);
    } finally {
      await boss.unsubscribe("ORDER_PAID", PROBE);
      await boss.stop();
    }
  });
});
