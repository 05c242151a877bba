import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { backfillCustomers, recomputeTagsForOrderEvent } from "../../../lib/customers/customer-jobs";
import { recomputeCustomerTags, tagRules } from "../../../lib/customers/customer-tags";
import { mergeCustomers, unmergeCustomers } from "../../../lib/customers/merge-customers";
import type { DbClient } from "../../../lib/db/client";
import { actorFor, testDb } from "../helpers";
import { twoRecordsOfOnePerson } from "./fixtures";

const now = new Date("2026-11-30T04:00:00Z");

/** A customer with orders: [paid fen, days before `now`, refunded fen?, status?]. */
async function customerWith(db: DbClient, orders: [number, number, number?, string?][]) {
  const tag = randomUUID().slice(0, 8);
  const c = await db.customer.create({ data: { displayName: `标签客户${tag}` } });
  let n = 0;
  for (const [paidFen, daysAgo, refundedFen = 0, status = "COMPLETED"] of orders) {
    n += 1;
    await db.order.create({
      data: {
        orderNo: `TAG${tag}${n}`, channelId: "ch_tmall", platformOrderId: `TAG${tag}${n}`, platformStatus: "x", status: status as "COMPLETED",
        customerId: c.id, receiverName: "张三", receiverProvince: "浙江省", receiverCity: "杭州市", receiverDistrict: "西湖区", receiverDetail: "文三路 1 号", goodsFen: paidFen, paidFen, refundedFen,
        placedAt: new Date(now.getTime() - daysAgo * 86_400_000), platformModifiedAt: now, rawPayload: {},
      },
    });
  }
  return c.id;
}

async function tagsOf(db: DbClient, customerId: string, rules = tagRules({})) {
  await recomputeCustomerTags(db, { customerIds: [customerId], now, rules });
  return db.customerTagSet.findUniqueOrThrow({ where: { customerId } });
}

describe("stored customer tags (set-based, recomputed by jobs)", () => {
  it("a single small order is NEW only, with its figures and the rules used", async () => {
    const db = testDb();
    const t = await tagsOf(db, await customerWith(db, [[9_900, 3]]));
    expect(t.tags).toEqual(["NEW"]);
    expect({ paid: t.paidOrders, fen: Number(t.paidFen), avg: t.avgOrderFen, recent: t.recentOrders }).toEqual({ paid: 1, fen: 9_900, avg: 9_900, recent: 1 });
    expect(t.rules).toMatchObject({ vipPaidFen: 200_000 });
    expect(t.computedAt.toISOString()).toBe(now.toISOString());
  });

  it("frequency: three orders in the window are FREQUENT, old ones are not", async () => {
    const db = testDb();
    expect((await tagsOf(db, await customerWith(db, [[100, 1], [100, 5], [100, 20]]))).tags).toEqual(["FREQUENT"]);
    expect((await tagsOf(db, await customerWith(db, [[100, 40], [100, 50], [100, 60]]))).tags).toEqual([]);
  });

  it("¥2,000 paid is VIP and a high average; five orders is VIP", async () => {
    const db = testDb();
    expect((await tagsOf(db, await customerWith(db, [[150_000, 10], [60_000, 90]]))).tags).toEqual(["VIP", "HIGH_AOV"]);
    expect((await tagsOf(db, await customerWith(db, [1, 2, 3, 4, 5].map((d) => [100, d * 40] as [number, number])))).tags).toContain("VIP");
  });

  it("a third or more refunded means RETURNS; cancelled and unpaid orders do not count", async () => {
    const db = testDb();
    expect((await tagsOf(db, await customerWith(db, [[100, 40, 100], [100, 50], [100, 60]]))).tags).toEqual(["RETURNS"]);
    const none = await tagsOf(db, await customerWith(db, [[500_000, 1, 0, "CANCELLED"], [0, 1, 0, "PENDING_PAYMENT"]]));
    expect(none.tags).toEqual([]);
    expect(none.paidOrders).toBe(0);
  });

  it("thresholds are configurable: a stricter VIP rule and a wider frequency window change the tags", async () => {
    const db = testDb();
    const id = await customerWith(db, [[150_000, 10], [60_000, 45], [10_000, 50]]);
    expect((await tagsOf(db, id)).tags).toEqual(["VIP", "HIGH_AOV"]);
    const strict = tagRules({ CUSTOMER_TAG_VIP_PAID_YUAN: "5000", CUSTOMER_TAG_FREQUENT_DAYS: "60" });
    const t = await tagsOf(db, id, strict);
    expect(t.tags).toEqual(["FREQUENT", "HIGH_AOV"]);
    expect(t.rules).toMatchObject({ vipPaidFen: 500_000, frequentDays: 60 });
  });

  it("an order event recomputes its customer's tags (incremental)", async () => {
    const db = testDb();
    const id = await customerWith(db, [[9_900, 3]]);
    await recomputeCustomerTags(db, { customerIds: [id] });
    const order = await db.order.findFirstOrThrow({ where: { customerId: id } });
    await db.order.update({ where: { id: order.id }, data: { refundedFen: 9_900, status: "REFUNDED" } });
    expect(await recomputeTagsForOrderEvent(db, { orderId: order.id, eventType: "REFUND_COMPLETED" })).toEqual({ customers: 1 });
    const t = await db.customerTagSet.findUniqueOrThrow({ where: { customerId: id } });
    expect(t.tags).toEqual(["RETURNS", "NEW"]);
    expect(t.returnedOrders).toBe(1);
    expect(await recomputeTagsForOrderEvent(db, { orderId: "no-such-order" })).toEqual({ customers: 0 });
    expect(await recomputeTagsForOrderEvent(db, null)).toEqual({ customers: 0 });
  });

  it("merge moves the figures to the survivor; unmerge gives them back", async () => {
    const db = testDb();
    const f = await twoRecordsOfOnePerson(db);
    await backfillCustomers(db);
    const figures = async () => Object.fromEntries((await db.customerTagSet.findMany({ where: { customerId: { in: [f.older.id, f.newer.id] } } })).map((t) => [t.customerId, t.paidOrders]));
    expect(await figures()).toEqual({ [f.older.id]: 1, [f.newer.id]: 2 });
    const proposal = await db.customerMergeProposal.findUniqueOrThrow({ where: { customerAId_customerBId: { customerAId: f.older.id, customerBId: f.newer.id } } });
    const ops = await actorFor("ops");
    const { mergeId } = await mergeCustomers(db, ops, { proposalId: proposal.id });
    expect(await figures()).toEqual({ [f.older.id]: 3 });
    await unmergeCustomers(db, ops, { mergeId });
    expect(await figures()).toEqual({ [f.older.id]: 1, [f.newer.id]: 2 });
  });

  it("the full pass tags every unmerged customer, the seeded ones included", async () => {
    const db = testDb();
    const { customers } = await recomputeCustomerTags(db);
    const unmerged = await db.customer.count({ where: { mergedIntoId: null } });
    expect(customers).toBe(unmerged);
    expect(await db.customerTagSet.count({ where: { customer: { mergedIntoId: { not: null } } } })).toBe(0);
  });
});
