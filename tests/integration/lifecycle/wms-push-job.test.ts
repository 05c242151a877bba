import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { listDeadLetters, rerunDeadLetter } from "../../../lib/integrations/dead-letters";
import { lifecycleJobs } from "../../../lib/integrations/lifecycle-jobs";
import { startFakeWms } from "../../../lib/integrations/wms/fake-wms";
import { startWorker } from "../../../lib/jobs/start-worker";
import { markPaid } from "../../../lib/lifecycle/fulfilment-actions";
import { systemActor } from "../../../lib/lifecycle/order-actor";
import { actorFor, testDb } from "../helpers";
import { createTestOrder } from "./order-fixture";

const SECRET = "job-test-wms-secret";

async function until<T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** ORDER_PAID → outbox → pg-boss → WMS push → PUSHED_TO_WMS; failures retry, then dead-letter with a one-click re-run. */
describe("WMS push through the job queue", () => {
  let wms: Awaited<ReturnType<typeof startFakeWms>>;
  let worker: Awaited<ReturnType<typeof startWorker>>;

  beforeAll(async () => {
    wms = await startFakeWms({ secret: SECRET, callbackDelayMs: null });
    const jobs = lifecycleJobs({
      retry: { quick: { tries: 3, delayMs: 50 }, retryLimit: 1, retryDelaySeconds: 1 },
      wms: { url: wms.url, secret: SECRET, callbackUrl: "http://127.0.0.1:9/unused", timeoutMs: 300 },
      dispatchEverySeconds: 1,
    }).filter((j) => ["outbox-dispatch", "wms-push"].includes(j.name));
    worker = await startWorker({ databaseUrl: inject("databaseUrl"), jobs });
    await worker.boss.send("outbox-dispatch", {});
  });
  afterAll(async () => {
    await worker?.stop();
    await wms?.close();
  });

  const pay = (orderId: string) => markPaid(testDb(), orderId, { by: systemActor(), source: "PAYMENT_NOTIFY", idempotencyKey: randomUUID() });
  const status = (id: string) => testDb().order.findUniqueOrThrow({ where: { id }, select: { status: true } }).then((o) => o.status);

  it("pushes a paid order with SKU, quantity and address, and records PUSHED_TO_WMS once", async () => {
    wms.setMode("accept");
    const o = await createTestOrder(testDb(), { status: "PENDING_PAYMENT" });
    await pay(o.id);
    expect(await until(() => status(o.id), (s) => s === "PUSHED_TO_WMS")).toBe("PUSHED_TO_WMS");
    const pushed = wms.received.find((r) => r.deliveryOrderCode === o.orderNo)!;
    expect(pushed.orderLines).toEqual([{ orderLineNo: "1", itemCode: "SKU-TEA-250G", itemName: "绿茶 250g", planQty: 2 }]);
    expect(pushed.receiverInfo).toMatchObject({ province: "浙江省", city: "杭州市", detailAddress: "文三路 100 号" });
    const log = await testDb().orderStatusLog.findMany({ where: { orderId: o.id, action: "pushToWms" } });
    expect(log).toHaveLength(1);
  });

  it("a WMS that fails (or hangs) is retried, then dead-lettered with an alert; the re-run pushes it", async () => {
    const db = testDb();
    wms.setMode("fail");
    const o = await createTestOrder(db, { status: "PENDING_PAYMENT" });
    await pay(o.id);
    const dl = await until(
      () => db.integrationDeadLetter.findFirst({ where: { queue: "wms-push", payload: { path: ["orderId"], equals: o.id } } }),
      (d) => d !== null, 45_000,
    );
    expect(dl?.lastError).toContain("503");
    expect(await status(o.id)).toBe("PAID");
    expect(await db.orderAlert.count({ where: { kind: "INTEGRATION_GAVE_UP", orderId: o.id } })).toBe(1);
    const ops = await actorFor("ops");
    expect((await listDeadLetters(db, ops)).map((d) => d.id)).toContain(dl!.id);
    await expect(rerunDeadLetter(db, await actorFor("cs"), dl!.id)).rejects.toMatchObject({ code: "FORBIDDEN" });

    wms.setMode("accept");
    await rerunDeadLetter(db, ops, dl!.id);
    await expect(rerunDeadLetter(db, ops, dl!.id)).rejects.toMatchObject({ code: "DEAD_LETTER_NOT_FOUND" });
    expect(await until(() => status(o.id), (s) => s === "PUSHED_TO_WMS")).toBe("PUSHED_TO_WMS");
    expect((await listDeadLetters(db, ops)).map((d) => d.id)).not.toContain(dl!.id);
    expect(await db.auditLog.count({ where: { action: "integration.rerun", entityId: dl!.id } })).toBe(1);

    wms.setMode("timeout");
    const slow = await createTestOrder(db, { status: "PENDING_PAYMENT" });
    await pay(slow.id);
    const dl2 = await until(
      () => db.integrationDeadLetter.findFirst({ where: { queue: "wms-push", payload: { path: ["orderId"], equals: slow.id } } }),
      (d) => d !== null, 45_000,
    );
    expect(dl2?.lastError).toMatch(/timeout|abort/i);
  });
});
