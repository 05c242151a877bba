import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createDb, type DbClient } from "../../../lib/db/client";
import type { OrderStatus } from "../../../lib/db/generated/prisma/enums";
import { confirmShipment, markPaid } from "../../../lib/lifecycle/fulfilment-actions";
import { systemActor } from "../../../lib/lifecycle/order-actor";
import { inject } from "vitest";
import { testDb } from "../helpers";
import { createTestOrder } from "./order-fixture";

interface Case {
  from: OrderStatus;
  to: OrderStatus;
  event: string;
  shipments: number;
  call: (pool: DbClient, orderId: string, i: number, key: string, shared: string) => Promise<{ replayed: boolean }>;
}
const CASES: Record<string, Case> = {
  // Transaction path: lock, the shipment step, the write statement.
  confirmShipment: {
    from: "PUSHED_TO_WMS", to: "SHIPPED", event: "ORDER_SHIPPED", shipments: 1,
    call: (pool, id, i, key, shared) => confirmShipment(pool, id, { by: systemActor(), source: "WMS_CALLBACK", idempotencyKey: key }, {
      carrierCode: "ZTO", trackingNo: key === shared ? `78${shared.slice(0, 8)}` : `78${shared.slice(0, 6)}${String(i).padStart(3, "0")}`,
    }),
  },
  // Single-statement path: a system action with no step of its own.
  markPaid: {
    from: "PENDING_PAYMENT", to: "PAID", event: "ORDER_PAID", shipments: 0,
    call: (pool, id, _i, key) => markPaid(pool, id, { by: systemActor(), source: "PAYMENT_NOTIFY", idempotencyKey: key }),
  },
};

/** SPEC §2: a double-clicked 发货 — even 100 concurrent requests — creates one shipment, not two. */
describe("100 concurrent calls of one action for one order", () => {
  it.each(Object.keys(CASES).flatMap((action) => [
    [action, "each with its own idempotency key (different people/tabs)", false],
    [action, "all with the same idempotency key (a double click, a peer's retries)", true],
  ] as const))("%s, %s: exactly one change, one status-log row, one event", async (action, _label, sameKey) => {
    const c = CASES[action];
    const db = testDb();
    const pool = createDb(inject("databaseUrl"), 20); // real parallel connections, not one queue
    try {
      const o = await createTestOrder(db, { status: c.from });
      const shared = randomUUID();
      const results = await Promise.allSettled(Array.from({ length: 100 }, (_, i) => c.call(pool, o.id, i, sameKey ? shared : `k-${i}-${shared}`, shared)));
      const fulfilled = results.filter((r) => r.status === "fulfilled").map((r) => (r as PromiseFulfilledResult<{ replayed: boolean }>).value);
      const rejected = results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason);
      expect(await db.shipment.count({ where: { orderId: o.id } })).toBe(c.shipments);
      expect(await db.orderStatusLog.count({ where: { orderId: o.id } })).toBe(1);
      expect(await db.outboxEvent.count({ where: { orderId: o.id, eventType: c.event } })).toBe(1);
      expect(fulfilled.filter((r) => !r.replayed)).toHaveLength(1);
      if (sameKey) {
        expect(fulfilled).toHaveLength(100); // every retry gets the first answer
      } else {
        expect(rejected).toHaveLength(99);
        expect(new Set(rejected.map((e) => e.code))).toEqual(new Set(["ILLEGAL_TRANSITION"]));
      }
      const order = await db.order.findUniqueOrThrow({ where: { id: o.id } });
      expect(order).toMatchObject({ status: c.to, version: o.version + 1 });
    } finally {
      await pool.$disconnect();
    }
  });
});
