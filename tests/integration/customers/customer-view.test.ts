import { describe, expect, it } from "vitest";
import { collectIdentities } from "../../../lib/customers/collect-identities";
import { getCustomerView } from "../../../lib/customers/get-customer-view";
import { addCustomerNote } from "../../../lib/customers/add-customer-note";
import { recomputeCustomerTags } from "../../../lib/customers/customer-tags";
import { mergeCustomers, unmergeCustomers } from "../../../lib/customers/merge-customers";
import { proposeMerges } from "../../../lib/customers/propose-merges";
import { searchCustomers } from "../../../lib/customers/search-customers";
import { AppError } from "../../../lib/errors/app-error";
import { actorFor, testDb } from "../helpers";
import { twoRecordsOfOnePerson } from "./fixtures";

const codeOf = (p: Promise<unknown>) => p.then(() => "OK", (e: unknown) => (e instanceof AppError ? e.code : String(e)));

describe("customer view for customer service", () => {
  it("finds customers by full phone (hashed) and masks the phone everywhere in the DTO", async () => {
    const db = testDb();
    const f = await twoRecordsOfOnePerson(db);
    await collectIdentities(db);
    const cs = await actorFor("cs");
    const hits = await searchCustomers(db, cs, f.phone);
    expect(hits.map((h) => h.id).sort()).toEqual([f.older.id, f.newer.id].sort());
    expect(JSON.stringify(hits)).not.toContain(f.phone);
    expect(hits[0].phone).toBe(`${f.phone.slice(0, 3)}****${f.phone.slice(-4)}`);

    const view = await getCustomerView(db, cs, f.newer.id);
    const dto = JSON.stringify(view);
    expect(dto).not.toContain(f.phone);
    expect(dto).not.toContain(f.phone.slice(3, 7)); // no middle digits anywhere
    expect(view.identities.map((i) => i.kind)).toContain("phone");
    // Only the orders in the agent's shops.
    expect(view.orders.map((o) => o.id)).toEqual([f.orders.jd.id]);
  });

  it("lists open workbench exceptions and held orders of the visible orders only", async () => {
    const db = testDb();
    const f = await twoRecordsOfOnePerson(db);
    const exception = (orderId: string, status: "OPEN" | "CLAIMED" | "RESOLVED") =>
      db.orderException.create({ data: { orderId, ruleCode: "TEST_RULE", severity: "LIGHT", status, dueAt: new Date(Date.now() + 3_600_000), dedupeKey: status === "RESOLVED" ? null : `TEST_RULE:${orderId}` } });
    await exception(f.orders.jd.id, "CLAIMED");
    await exception(f.orders.ownMall.id, "OPEN");
    await db.orderException.create({ data: { orderId: f.orders.jd.id, ruleCode: "CLOSED_RULE", severity: "SEVERE", status: "RESOLVED", dueAt: new Date() } });
    await db.order.update({ where: { id: f.orders.ownMall.id }, data: { status: "ON_HOLD" } });
    const cs = await getCustomerView(db, await actorFor("cs"), f.newer.id);
    expect(cs.openExceptions.map((e) => [e.orderId, e.kind])).toEqual([[f.orders.jd.id, "TEST_RULE"]]);
    const ops = await getCustomerView(db, await actorFor("ops"), f.newer.id);
    expect(ops.openExceptions.map((e) => e.kind).sort()).toEqual(["ON_HOLD", "TEST_RULE", "TEST_RULE"]);
  });

  it("a CS agent does not see a customer with no order in their shops; notes are recorded", async () => {
    const db = testDb();
    const f = await twoRecordsOfOnePerson(db);
    const cs = await actorFor("cs");
    await db.order.update({ where: { id: f.orders.jd.id }, data: { channelId: "ch_pos" } }); // newer now only has non-CS shops
    expect(await codeOf(getCustomerView(db, cs, f.newer.id))).toBe("CUSTOMER_NOT_FOUND");
    expect(await codeOf(addCustomerNote(db, cs, { customerId: f.newer.id, channel: "PHONE", body: "越权记录" }))).toBe("CUSTOMER_NOT_FOUND");
    await addCustomerNote(db, cs, { customerId: f.older.id, channel: "CHAT", body: "询问发票" });
    const view = await getCustomerView(db, cs, f.older.id);
    expect(view.notes.map((n) => n.body)).toEqual(["询问发票"]);
    const ops = await actorFor("ops");
    expect((await getCustomerView(db, ops, f.newer.id)).orders).toHaveLength(2);
  });

  it("a CS agent sees only the evidence, notes and figures that come from orders in their shops", async () => {
    const db = testDb();
    const f = await twoRecordsOfOnePerson(db);
    await collectIdentities(db);
    await recomputeCustomerTags(db, { customerIds: [f.newer.id] });
    const [cs, ops] = [await actorFor("cs"), await actorFor("ops")];
    // ops notes a call about the own-mall order (outside the agent's shops) and one about the JD order.
    await addCustomerNote(db, ops, { customerId: f.newer.id, channel: "PHONE", body: "官网订单发票问题", orderId: f.orders.ownMall.id });
    await addCustomerNote(db, ops, { customerId: f.newer.id, channel: "CHAT", body: "京东订单催发货", orderId: f.orders.jd.id });
    await addCustomerNote(db, cs, { customerId: f.newer.id, channel: "PHONE", body: "客服回访" }); // defaults to the agent's latest order: JD
    expect(await codeOf(addCustomerNote(db, cs, { customerId: f.newer.id, channel: "PHONE", body: "越权订单", orderId: f.orders.ownMall.id }))).toBe("ORDER_NOT_FOUND");

    const seen = await getCustomerView(db, cs, f.newer.id);
    expect(seen.notes.map((n) => n.body).sort()).toEqual(["京东订单催发货", "客服回访"]);
    expect(seen.notes.map((n) => n.orderId)).toEqual([f.orders.jd.id, f.orders.jd.id]);
    expect(seen.notes[0].orderNo).toMatch(/^TST/);
    // Evidence only from the JD order: one order per value, the own-mall platform buyer id not at all.
    expect(seen.identities.every((i) => i.orders === 1)).toBe(true);
    expect(seen.identities.filter((i) => i.kind === "platformBuyer")).toHaveLength(1);
    expect(seen.tags?.figures).toBeNull(); // the figures sum every channel
    expect(seen.proposals).toEqual([]);
    expect(seen.merges).toEqual([]);

    const all = await getCustomerView(db, ops, f.newer.id);
    expect(all.notes.map((n) => n.body).sort()).toEqual(["京东订单催发货", "官网订单发票问题", "客服回访"]);
    expect(all.identities.find((i) => i.kind === "phone")?.orders).toBe(2);
    expect(all.identities.filter((i) => i.kind === "platformBuyer")).toHaveLength(2);
    expect(all.tags?.figures).toMatchObject({ paidOrders: 2, paidFen: 25_800 });
    // The agent sees the same stored tags (only the figures behind them are withheld).
    expect(seen.tags?.tags).toEqual(all.tags?.tags);

    // Proposals and merge history are for those who may merge: ops merges the two and undoes it;
    // ops then sees the history and the agent still sees none of it.
    const pair = [f.older.id, f.newer.id];
    await proposeMerges(db, { customerIds: pair });
    const proposal = await db.customerMergeProposal.findFirstOrThrow({ where: { customerAId: { in: pair }, customerBId: { in: pair }, status: "OPEN" } });
    expect((await getCustomerView(db, ops, f.newer.id)).proposals).toHaveLength(1);
    expect((await getCustomerView(db, cs, f.newer.id)).proposals).toEqual([]);
    const { mergeId } = await mergeCustomers(db, ops, { proposalId: proposal.id });
    await unmergeCustomers(db, ops, { mergeId });
    expect((await getCustomerView(db, ops, f.newer.id)).merges).toMatchObject([{ id: mergeId }]);
    expect((await getCustomerView(db, cs, f.newer.id)).merges).toEqual([]);
  });

  it("shows no identity evidence when none was collected (an empty list, not a table of headers)", async () => {
    const db = testDb();
    const c = await db.customer.create({ data: { displayName: "无证据客户" } });
    const view = await getCustomerView(db, await actorFor("ops"), c.id);
    expect(view.identities).toEqual([]);
    expect(view.tags).toBeNull();
  });
});
