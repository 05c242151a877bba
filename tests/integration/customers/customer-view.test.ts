import { describe, expect, it } from "vitest";
import { collectIdentities } from "../../../lib/customers/collect-identities";
import { getCustomerView } from "../../../lib/customers/get-customer-view";
import { addCustomerNote } from "../../../lib/customers/add-customer-note";
import { searchCustomers } from "../../../lib/customers/search-customers";
import { AppError } from "../../../lib/errors/app-error";
import { raiseAlert } from "../../../lib/integrations/alerts";
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

  it("lists open exceptions (alerts, held orders) of the visible orders only", async () => {
    const db = testDb();
    const f = await twoRecordsOfOnePerson(db);
    await raiseAlert(db, "STALE_PAID_NOT_SHIPPED", `test-${f.orders.jd.id}`, { orderId: f.orders.jd.id });
    await raiseAlert(db, "STALE_PAID_NOT_SHIPPED", `test-${f.orders.ownMall.id}`, { orderId: f.orders.ownMall.id });
    await db.order.update({ where: { id: f.orders.ownMall.id }, data: { status: "ON_HOLD" } });
    const cs = await getCustomerView(db, await actorFor("cs"), f.newer.id);
    expect(cs.openExceptions.map((e) => [e.orderId, e.kind])).toEqual([[f.orders.jd.id, "STALE_PAID_NOT_SHIPPED"]]);
    const ops = await getCustomerView(db, await actorFor("ops"), f.newer.id);
    expect(ops.openExceptions.map((e) => e.kind).sort()).toEqual(["ON_HOLD", "STALE_PAID_NOT_SHIPPED", "STALE_PAID_NOT_SHIPPED"]);
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
});
