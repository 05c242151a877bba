import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import type { Actor } from "../../../lib/access/actor";
import { loadExecution } from "../../../lib/dashboards/load-execution";
import { actorFor, testDb } from "../helpers";

const db = () => testDb();
const exceptionIds: string[] = [];
const approvalIds: string[] = [];

afterAll(async () => {
  await db().orderException.deleteMany({ where: { id: { in: exceptionIds } } });
  await db().orderApproval.deleteMany({ where: { id: { in: approvalIds } } });
});

/** An order with no approvals yet, inside or outside a scope. */
const orderWhere = (where: object) =>
  db().order.findFirstOrThrow({ where: { AND: [where, { approvals: { none: {} } }] }, orderBy: { placedAt: "desc" }, select: { id: true, orderNo: true } });

describe("execution tier to-dos follow the row scope", () => {
  it("lists only the exceptions assigned to the person on orders they may see", async () => {
    const cs = await actorFor("cs");
    // A custom role: a shop agent who also sees the dashboards.
    const agent: Actor = { ...cs, permissions: new Set([...cs.permissions, "dashboard.view"]) };
    const inside = await orderWhere({ channelId: { in: [...cs.channelIds] } });
    const outside = await orderWhere({ channelId: { notIn: [...cs.channelIds] } });
    const dueAt = new Date(Date.now() - 60_000); // most urgent: first in the to-do list
    for (const o of [inside, outside]) {
      const ex = await db().orderException.create({
        data: { orderId: o.id, ruleCode: "ADDRESS_KEYWORD", severity: "SEVERE", status: "CLAIMED", assigneeId: cs.id, claimedAt: new Date(), dueAt, dedupeKey: `dash-${randomUUID()}` },
        select: { id: true },
      });
      exceptionIds.push(ex.id);
    }
    const { myExceptions } = await loadExecution(db(), agent, {});
    expect(myExceptions.map((e) => e.orderNo)).toContain(inside.orderNo);
    expect(myExceptions.map((e) => e.orderNo)).not.toContain(outside.orderNo);
    const scoped = await db().order.count({ where: { id: { in: myExceptions.flatMap((e) => (e.orderId ? [e.orderId] : [])) }, channelId: { in: [...cs.channelIds] } } });
    expect(scoped).toBe(myExceptions.filter((e) => e.orderId).length);
  });

  it("lists only the pending approvals on orders in the approver's region, straight from the orders", async () => {
    const east = await actorFor("east");
    const inside = await orderWhere({ receiverRegion: "华东" });
    const outside = await orderWhere({ receiverRegion: { not: "华东" } });
    const requestedAt = new Date("2000-01-01T00:00:00Z"); // oldest: first in the to-do list
    for (const o of [inside, outside]) {
      const a = await db().orderApproval.create({ data: { orderId: o.id, kind: "LOW_PRICE", region: "华东", requestedAt }, select: { id: true } });
      approvalIds.push(a.id);
    }
    const { approvals } = await loadExecution(db(), east, {});
    expect(approvals[0]).toMatchObject({ orderId: inside.id, orderNo: inside.orderNo, kind: "LOW_PRICE" });
    expect(approvals.map((a) => a.orderId)).not.toContain(outside.id);
    const regions = await db().order.findMany({ where: { id: { in: approvals.map((a) => a.orderId) } }, select: { receiverRegion: true } });
    expect(regions.every((r) => r.receiverRegion === "华东")).toBe(true);
  });
});
