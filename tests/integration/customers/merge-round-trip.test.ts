import { describe, expect, it } from "vitest";
import { collectIdentities } from "../../../lib/customers/collect-identities";
import { runCustomerMatching } from "../../../lib/customers/customer-jobs";
import { mergeCustomers, unmergeCustomers } from "../../../lib/customers/merge-customers";
import { addCustomerNote } from "../../../lib/customers/add-customer-note";
import { listProposals } from "../../../lib/customers/list-proposals";
import { proposeMerges } from "../../../lib/customers/propose-merges";
import { AppError } from "../../../lib/errors/app-error";
import { actorFor, testDb } from "../helpers";
import { twoRecordsOfOnePerson } from "./fixtures";

const codeOf = (p: Promise<unknown>) => p.then(() => "OK", (e: unknown) => (e instanceof AppError ? e.code : String(e)));

async function snapshot(ids: string[]) {
  const db = testDb();
  return {
    customers: await db.customer.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } }),
    orders: await db.order.findMany({ where: { customerId: { in: ids } }, select: { id: true, customerId: true }, orderBy: { id: "asc" } }),
    identities: await db.customerIdentity.findMany({ where: { customerId: { in: ids } }, orderBy: { id: "asc" } }),
    notes: await db.customerNote.findMany({ where: { customerId: { in: ids } }, orderBy: { id: "asc" } }),
  };
}

describe("customer matching and merge (SPEC §6)", () => {
  it("the full pass over the demo data proposes the cross-channel duplicates", async () => {
    await runCustomerMatching(testDb(), { full: true });
    // Another test may have run a full pass first, so count what is stored, not what this pass added.
    expect(await testDb().customerIdentity.count()).toBeGreaterThan(0);
    const proposals = await testDb().customerMergeProposal.findMany({ where: { status: "OPEN" }, take: 5 });
    expect(proposals.length).toBeGreaterThan(0);
    for (const p of proposals) expect(p.score).toBeGreaterThanOrEqual(850);
  });

  it("proposes, merges and unmerges, restoring every link exactly; both audited", async () => {
    const db = testDb();
    const ops = await actorFor("ops");
    const f = await twoRecordsOfOnePerson(db);
    await addCustomerNote(db, ops, { customerId: f.newer.id, channel: "PHONE", body: "客户来电询问物流" });
    const collected = await collectIdentities(db);
    expect(collected.customerIds).toEqual(expect.arrayContaining([f.older.id, f.newer.id]));
    await proposeMerges(db, { customerIds: [f.newer.id] }); // the incremental pass
    const proposal = await db.customerMergeProposal.findUniqueOrThrow({ where: { customerAId_customerBId: { customerAId: f.older.id, customerBId: f.newer.id } } });
    expect(proposal.status).toBe("OPEN");
    expect(proposal.score).toBe(982); // phone 0.9, name+address 0.7, device 0.4: 1 − 0.1·0.3·0.6 = 0.982, per mille
    expect((proposal.evidence as { kind: string }[]).map((e) => e.kind).sort()).toEqual(["device", "nameAddress", "phone"]);

    const before = await snapshot([f.older.id, f.newer.id]);
    const cs = await actorFor("cs");
    expect(await codeOf(mergeCustomers(db, cs, { proposalId: proposal.id }))).toBe("FORBIDDEN");
    expect(await codeOf(listProposals(db, cs, { customerId: f.older.id }))).toBe("FORBIDDEN"); // proposals are for those who merge
    expect((await listProposals(db, ops, { customerId: f.older.id })).map((p) => p.id)).toContain(proposal.id);

    const merged = await mergeCustomers(db, ops, { proposalId: proposal.id });
    expect(merged.survivorId).toBe(f.older.id);
    const during = await snapshot([f.older.id, f.newer.id]);
    expect(during.orders.every((o) => o.customerId === f.older.id)).toBe(true);
    expect(during.identities.every((i) => i.customerId === f.older.id)).toBe(true);
    expect(during.notes.every((n) => n.customerId === f.older.id)).toBe(true);
    expect(during.customers.find((c) => c.id === f.newer.id)!.mergedIntoId).toBe(f.older.id);
    expect(await codeOf(mergeCustomers(db, ops, { proposalId: proposal.id }))).toBe("CONFLICT");

    await unmergeCustomers(db, ops, { mergeId: merged.mergeId });
    expect(await snapshot([f.older.id, f.newer.id])).toEqual(before);
    expect(await codeOf(unmergeCustomers(db, ops, { mergeId: merged.mergeId }))).toBe("CUSTOMER_MERGE_NOT_FOUND");

    const audit = await db.auditLog.findMany({ where: { entityId: f.older.id, action: { in: ["customer.merge", "customer.unmerge"] } }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["customer.merge", "customer.unmerge"]);
    // An undone merge is a decision: the pair is not proposed again.
    await proposeMerges(db, { customerIds: [f.newer.id] });
    expect((await db.customerMergeProposal.findUniqueOrThrow({ where: { id: proposal.id } })).status).toBe("REJECTED");
  });
});

describe("a person with many records", () => {
  it("proposes each record into the oldest one, not every pair", async () => {
    const db = testDb();
    const f = await twoRecordsOfOnePerson(db);
    const newest = await db.customer.create({ data: { displayName: f.name, phone: f.phone } });
    const src = await db.order.findUniqueOrThrow({ where: { id: f.orders.jd.id } });
    const { id: _id, orderNo, platformOrderId, customerId: _c, createdAt: _ca, updatedAt: _ua, rawPayload, ...rest } = src;
    await db.order.create({ data: { ...rest, rawPayload: rawPayload ?? {}, orderNo: `${orderNo}X`, platformOrderId: `${platformOrderId}X`, channelId: "ch_pdd", customerId: newest.id } });
    await collectIdentities(db);
    await proposeMerges(db, { customerIds: [f.older.id, f.newer.id, newest.id] });
    const open = await db.customerMergeProposal.findMany({ where: { status: "OPEN", customerBId: { in: [f.newer.id, newest.id] } } });
    expect(open.map((p) => [p.customerAId, p.customerBId]).sort()).toEqual([[f.older.id, f.newer.id], [f.older.id, newest.id]].sort());
  });
});

describe("customer-matching job", () => {
  it("is registered and collects incrementally: a new order's evidence is picked up on the next run", async () => {
    const { JOBS } = await import("../../../lib/jobs/registry");
    const job = JOBS.find((j) => j.name === "customer-matching");
    expect(job?.cron).toBe("*/5 * * * *");
    const db = testDb();
    const f = await twoRecordsOfOnePerson(db);
    const out = (await job!.handler({ db }, {})) as { orders: number; proposed: number };
    expect(out.orders).toBeGreaterThanOrEqual(3);
    expect(await db.customerIdentity.count({ where: { sourceOrderId: f.orders.jd.id } })).toBeGreaterThan(0);
    expect(await db.customerMergeProposal.count({ where: { customerAId: f.older.id, customerBId: f.newer.id, status: "OPEN" } })).toBe(1);
  });
});
