import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { alertDownPeers } from "../../../lib/integrations/peer-alerts";
import { pollTracking } from "../../../lib/integrations/logistics/poll-tracking";
import { scanStaleOrders } from "../../../lib/integrations/scan-stale-orders";
import { scanUnlinkedPayments } from "../../../lib/integrations/scan-unlinked-payments";
import { JOBS } from "../../../lib/jobs/registry";
import { runIntegrationHeartbeat } from "../../../lib/jobs/integration-heartbeat";
import { testDb } from "../helpers";
import { createTestOrder } from "./order-fixture";
import { createServer } from "node:http";

describe("lifecycle scheduled jobs", () => {
  it("are registered with their crons in the business zone", () => {
    const crons = Object.fromEntries(JOBS.map((j) => [j.name, j.cron]));
    expect(crons).toMatchObject({
      "unlinked-payments-scan": "0 2 * * *", "logistics-poll": "0 */6 * * *", "stale-orders-scan": "*/15 * * * *",
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

  it("stale timers: paid not pushed, paid not shipped after 2 h, shipped without logistics for 48 h — each raised once", async () => {
    const db = testDb();
    const now = new Date();
    const paid = await createTestOrder(db, { status: "PAID" });
    const pushed = await createTestOrder(db, { status: "PUSHED_TO_WMS" });
    const shipped = await createTestOrder(db, { status: "SHIPPED" });
    const fresh = await createTestOrder(db, { status: "PAID" });
    await db.order.updateMany({ where: { id: { in: [paid.id, pushed.id, shipped.id] } }, data: { paidAt: new Date(now.getTime() - 3 * 3_600_000) } });
    await db.shipment.create({ data: { orderId: shipped.id, carrierCode: "SF", trackingNo: `SF${randomUUID().slice(0, 10)}`, shippedAt: new Date(now.getTime() - 49 * 3_600_000) } });
    await scanStaleOrders(db, now);
    const kinds = async (orderId: string) => (await db.orderAlert.findMany({ where: { orderId }, select: { kind: true } })).map((a) => a.kind).sort();
    expect(await kinds(paid.id)).toEqual(["STALE_PAID_NOT_PUSHED", "STALE_PAID_NOT_SHIPPED"]);
    expect(await kinds(pushed.id)).toEqual(["STALE_PAID_NOT_SHIPPED"]);
    expect(await kinds(shipped.id)).toEqual(["STALE_NO_LOGISTICS"]);
    expect(await kinds(fresh.id)).toEqual([]);
    await scanStaleOrders(db, now);
    expect(await kinds(paid.id)).toHaveLength(2);
  });

  it("heartbeat: a peer that stops answering raises a PEER_DOWN alert", async () => {
    const db = testDb();
    const results = await runIntegrationHeartbeat(db, [{ name: "wms-test", check: async () => { throw new Error("ECONNREFUSED"); } }]);
    await alertDownPeers(db, results);
    const alert = await db.orderAlert.findFirst({ where: { kind: "PEER_DOWN", alertKey: { startsWith: "PEER_DOWN:wms-test:" } } });
    expect(alert?.detail).toMatchObject({ peer: "wms-test" });
  });

  it("polling fallback stores a queried trace like a push", async () => {
    const db = testDb();
    const o = await createTestOrder(db, { status: "SHIPPED" });
    const nu = `YT${randomUUID().replaceAll("-", "").slice(0, 12)}`;
    await db.shipment.create({ data: { orderId: o.id, carrierCode: "YTO", trackingNo: nu, shippedAt: new Date(Date.now() - 7 * 3_600_000) } });
    const server = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        const q = new URLSearchParams(body);
        // Only our shipment has a trace; the seeded ones answer "no record yet" and stay untouched.
        if (q.get("num") !== nu) return void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ result: false, returnCode: "500", message: "查询无结果" }));
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({
          message: "ok", state: "0", com: q.get("com"), nu: q.get("num"), data: [{ ftime: "2026-11-30 08:00:00", context: `快件已到达【杭州转运中心】${q.get("com")}` }],
        }));
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    try {
      const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/query`;
      const out = await pollTracking(db, { queryUrl: url, take: 1000 });
      expect(out.polled).toBeGreaterThanOrEqual(1);
      const s = await db.shipment.findFirstOrThrow({ where: { trackingNo: nu } });
      expect(s.lastEvent).toBe("快件已到达【杭州转运中心】yuantong"); // YTO queried as 快递100's "yuantong"
    } finally {
      server.close();
    }
  });
});
