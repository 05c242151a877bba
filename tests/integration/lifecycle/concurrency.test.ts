import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createDb } from "../../../lib/db/client";
import { confirmShipment } from "../../../lib/lifecycle/fulfilment-actions";
import { systemActor } from "../../../lib/lifecycle/order-actor";
import { inject } from "vitest";
import { testDb } from "../helpers";
import { createTestOrder } from "./order-fixture";

/** SPEC §2: a double-clicked 发货 — even 100 concurrent requests — creates one shipment, not two. */
describe("100 concurrent confirmShipment calls for one order", () => {
  it.each([
    ["each with its own idempotency key (different people/tabs)", false],
    ["all with the same idempotency key (a double click, a peer's retries)", true],
  ])("%s: exactly one shipment and one status-log row", async (_label, sameKey) => {
    const db = testDb();
    const pool = createDb(inject("databaseUrl"), 20); // real parallel connections, not one queue
    try {
      const o = await createTestOrder(db, { status: "PUSHED_TO_WMS" });
      const shared = randomUUID();
      const results = await Promise.allSettled(
        Array.from({ length: 100 }, (_, i) =>
          confirmShipment(pool, o.id, { by: systemActor(), source: "WMS_CALLBACK", idempotencyKey: sameKey ? shared : `k-${i}-${shared}` }, {
            carrierCode: "ZTO", trackingNo: sameKey ? `78${shared.slice(0, 8)}` : `78${shared.slice(0, 6)}${String(i).padStart(3, "0")}`,
          }),
        ),
      );
      const fulfilled = results.filter((r) => r.status === "fulfilled").map((r) => (r as PromiseFulfilledResult<{ replayed: boolean }>).value);
      const rejected = results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason);
      expect(await db.shipment.count({ where: { orderId: o.id } })).toBe(1);
      expect(await db.orderStatusLog.count({ where: { orderId: o.id } })).toBe(1);
      expect(await db.outboxEvent.count({ where: { orderId: o.id, eventType: "ORDER_SHIPPED" } })).toBe(1);
      expect(fulfilled.filter((r) => !r.replayed)).toHaveLength(1);
      if (sameKey) {
        expect(fulfilled).toHaveLength(100); // every retry gets the first answer
      } else {
        expect(rejected).toHaveLength(99);
        expect(new Set(rejected.map((e) => e.code))).toEqual(new Set(["ILLEGAL_TRANSITION"]));
      }
      const order = await db.order.findUniqueOrThrow({ where: { id: o.id } });
      expect(order).toMatchObject({ status: "SHIPPED", version: o.version + 1 });
    } finally {
      await pool.$disconnect();
    }
  });
});
