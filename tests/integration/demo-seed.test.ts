import { describe, expect, it } from "vitest";
import { candidateWarehouses, loadRoutingRules } from "../../lib/routing/route-order";
import { testDb } from "./helpers";

/**
 * What `npm start` shows on a fresh database besides orders: warehouses and contact histories.
 * Other test files add orders to the same database, so only seeded orders are checked: demo order
 * numbers (OH + yyMMdd + 8 digits) that did not come through ingestion.
 */
const SEEDED = `o.order_no ~ '^OH[0-9]{14}$' AND NOT EXISTS (SELECT 1 FROM ingest_events e WHERE e.order_id = o.id)`;

describe("demo seed", () => {
  const db = testDb();

  it("routes every paid demo order to the warehouse ingestion's routing would pick first, and no unpaid one", async () => {
    const rows = await db.$queryRawUnsafe<{ id: string; paid: boolean; region: string | null; warehouseId: string | null; status: string | null }[]>(`
      SELECT o.id, o.paid_at IS NOT NULL AS paid, o.receiver_region AS region, r.warehouse_id AS "warehouseId", r.status
      FROM orders o LEFT JOIN order_routings r ON r.order_id = o.id WHERE ${SEEDED}`);
    const paid = rows.filter((r) => r.paid);
    expect(paid.length).toBeGreaterThan(300);
    const rules = await db.$transaction((tx) => loadRoutingRules(tx));
    const items = await db.orderItem.findMany({ where: { orderId: { in: paid.map((o) => o.id) } }, select: { orderId: true, skuCode: true, quantity: true } });
    for (const o of paid) {
      const expected = candidateWarehouses(rules, o.region, items.filter((i) => i.orderId === o.id))[0];
      expect({ warehouseId: o.warehouseId, status: o.status }).toEqual({ warehouseId: expected, status: "ROUTED" });
    }
    expect(new Set(paid.map((o) => o.warehouseId)).size).toBeGreaterThan(2);
    expect(rows.filter((r) => !r.paid && r.status !== null)).toEqual([]);
  });

  it("gives about one shipped demo order in 25 a contact note by the CS agent, after shipment, for the order's customer", async () => {
    const shipped = await db.$queryRawUnsafe<{ customerId: string; shippedAt: Date; noteCustomerId: string | null; noteAt: Date | null; author: string | null }[]>(`
      SELECT o.customer_id AS "customerId", o.shipped_at AS "shippedAt", n.customer_id AS "noteCustomerId", n.created_at AS "noteAt", n.author_name AS author
      FROM orders o LEFT JOIN customer_notes n ON n.order_id = o.id
      WHERE ${SEEDED} AND o.shipped_at IS NOT NULL AND o.customer_id IS NOT NULL AND o.is_test = false AND o.shipped_at < now() - interval '1 day'`);
    const noted = shipped.filter((o) => o.noteAt !== null);
    expect(shipped.length).toBeGreaterThan(100);
    expect(noted.length).toBeGreaterThan(shipped.length / 60);
    expect(noted.length).toBeLessThan(shipped.length / 10);
    for (const o of noted) {
      expect(o.noteCustomerId).toBe(o.customerId);
      expect(o.author).toBe("陈客服");
      expect(o.noteAt!.getTime()).toBeGreaterThan(o.shippedAt.getTime());
    }
  });
});
