import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { evaluateRules } from "../../../lib/anomalies/evaluate-rules";
import { alertDownPeers } from "../../../lib/integrations/peer-alerts";
import { startFakeKuaidi100 } from "../../../lib/integrations/logistics/fake-kuaidi100";
import { kuaidi100QueryConfig } from "../../../lib/integrations/logistics/kuaidi100";
import { pollTracking } from "../../../lib/integrations/logistics/poll-tracking";
import { scanUnlinkedPayments } from "../../../lib/integrations/scan-unlinked-payments";
import { JOBS } from "../../../lib/jobs/registry";
import { runIntegrationHeartbeat } from "../../../lib/jobs/integration-heartbeat";
import { testDb } from "../helpers";
import { createTestOrder } from "./order-fixture";

describe("lifecycle scheduled jobs", () => {
  it("are registered with their crons in the business zone", () => {
    const crons = Object.fromEntries(JOBS.map((j) => [j.name, j.cron]));
    expect(crons).toMatchObject({
      "unlinked-payments-scan": "0 2 * * *", "logistics-poll": "0 */6 * * *", "anomaly-scan": "*/5 * * * *",
      "outbox-dispatch": "* * * * *", "inbound-rematch": "*/10 * * * *",
    });
    expect(JOBS.find((j) => j.name === "wms-push")).toMatchObject({ events: ["ORDER_PAID"], queueOptions: { retryBackoff: true } });
  });

  it("02:00 scan: each payment without an order gets one 待人工复核 alert", async () => {
    const db = testDb();
    const txn = `TX${randomUUID()}`;
    await db.payment.create({ data: { payNo: `PYT${Date.now()}`, orderId: null, provider: "ALIPAY", providerTxnId: txn, amountFen: 999, paidAt: new Date(), createdAt: new Date(Date.now() - 3_600_000) } });
    const first = await scanUnlinkedPayments(db);
    expect(first.raised).toBeGreaterThanOrEqual(1);
    expect(await db.orderAlert.count({ where: { kind: "UNLINKED_PAYMENT", alertKey: `UNLINKED_PAYMENT:ALIPAY:${txn}` } })).toBe(1);
    const second = await scanUnlinkedPayments(db);
    expect(second.raised).toBe(0);
  });

  it("stale timers (the anomaly rules): paid not pushed, paid not shipped after 2 h, shipped without logistics for 48 h — each raised once", async () => {
    const db = testDb();
    const now = new Date();
    const paid = await createTestOrder(db, { status: "PAID" });
    const pushed = await createTestOrder(db, { status: "PUSHED_TO_WMS" });
    const shipped = await createTestOrder(db, { status: "SHIPPED" });
    const fresh = await createTestOrder(db, { status: "PAID" });
    await db.order.updateMany({ where: { id: { in: [paid.id, pushed.id, shipped.id] } }, data: { paidAt: new Date(now.getTime() - 3 * 3_600_000) } });
    await db.shipment.create({ data: { orderId: shipped.id, carrierCode: "SF", trackingNo: `SF${randomUUID().slice(0, 10)}`, shippedAt: new Date(now.getTime() - 49 * 3_600_000) } });
    const orderIds = [paid.id, pushed.id, shipped.id, fresh.id];
    const timers = ["PAID_NOT_PUSHED", "PAID_NOT_SHIPPED", "NO_LOGISTICS"] as const;
    await evaluateRules(db, { now, orderIds, only: timers });
    const open = async (orderId: string) =>
      (await db.orderException.findMany({ where: { orderId, status: { in: ["OPEN", "CLAIMED"] }, ruleCode: { in: [...timers] } }, select: { ruleCode: true } })).map((x) => x.ruleCode).sort();
    expect(await open(paid.id)).toEqual(["PAID_NOT_PUSHED", "PAID_NOT_SHIPPED"]);
    expect(await open(pushed.id)).toEqual(["PAID_NOT_SHIPPED"]);
    expect(await open(shipped.id)).toEqual(["NO_LOGISTICS"]);
    expect(await open(fresh.id)).toEqual([]);
    await evaluateRules(db, { now, orderIds, only: timers });
    expect(await open(paid.id)).toHaveLength(2);
  });

  it("heartbeat: a peer that stops answering raises a PEER_DOWN alert", async () => {
    const db = testDb();
    const results = await runIntegrationHeartbeat(db, [{ name: "wms-test", check: async () => { throw new Error("ECONNREFUSED"); } }]);
    await alertDownPeers(db, results);
    const alert = await db.orderAlert.findFirst({ where: { kind: "PEER_DOWN", alertKey: { startsWith: "PEER_DOWN:wms-test:" } } });
    expect(alert?.detail).toMatchObject({ peer: "wms-test" });
  });

  it("polling fallback asks the 快递100 query simulator (signed), stores the trace, and 签收 delivers the order", async () => {
    const db = testDb();
    const o = await createTestOrder(db, { status: "SHIPPED" });
    const nu = `YT${randomUUID().replaceAll("-", "").slice(0, 12)}`;
    await db.shipment.create({ data: { orderId: o.id, carrierCode: "YTO", trackingNo: nu, shippedAt: new Date(Date.now() - 7 * 3_600_000) } });
    const cfg = { key: "test-k100-key", customer: "TESTCUSTOMER", timeoutMs: 5_000 };
    // Only our number has a trace; the seeded shipments answer "no result yet" and stay untouched.
    const nu2 = `${nu}B`;
    const sim = await startFakeKuaidi100(cfg, { deliverAfterMs: 0, knows: (n) => n === nu || n === nu2 });
    try {
      const out = await pollTracking(db, { query: { ...cfg, url: sim.url }, take: 1000 });
      expect(out.outcomes).toMatchObject({ ACCEPTED: 1 });
      expect(sim.asked).toEqual([nu]);
      const s = await db.shipment.findFirstOrThrow({ where: { trackingNo: nu }, include: { order: { select: { status: true } } } });
      expect(s.lastEvent).toBe("【上海市】快件已签收，签收人：本人");
      expect(s.order.status).toBe("DELIVERED");
      expect(await db.shipmentEvent.count({ where: { shipmentId: s.id } })).toBe(4);
      const log = await db.orderStatusLog.findFirstOrThrow({ where: { orderId: o.id }, orderBy: { id: "desc" } });
      expect(log).toMatchObject({ action: "markDelivered", source: "SCHEDULER", actorName: "快递100" });
      // With a wrong key the peer refuses to answer: nothing stored, the shipment is asked again next round.
      const o2 = await createTestOrder(db, { status: "SHIPPED" });
      await db.shipment.create({ data: { orderId: o2.id, carrierCode: "YTO", trackingNo: nu2, shippedAt: new Date(Date.now() - 7 * 3_600_000) } });
      const wrong = await pollTracking(db, { query: { ...cfg, key: "wrong", url: sim.url }, take: 1000 });
      expect(wrong.outcomes.ACCEPTED).toBeUndefined();
      expect(wrong.outcomes.NO_RESULT).toBeGreaterThanOrEqual(1);
      expect(await db.shipment.findFirstOrThrow({ where: { trackingNo: nu2 }, select: { lastEventAt: true } })).toEqual({ lastEventAt: null });
    } finally {
      await sim.close();
    }
  });

  it("without KUAIDI100_QUERY_URL the poll asks the demo's own simulator route", () => {
    expect(kuaidi100QueryConfig("http://hub.local:3000").url).toBe("http://hub.local:3000/api/logistics/fake-kuaidi100");
  });
});
