import { describe, expect, it } from "vitest";
import { collectIdentities } from "../../../lib/customers/collect-identities";
import { MAX_CUSTOMERS_PER_VALUE, proposeMerges } from "../../../lib/customers/propose-merges";
import { ingestNativeBatch } from "../../../lib/ingestion/ingest-native";
import { mallOrder } from "../ingestion/push-fixtures";
import { testDb } from "../helpers";

describe("orders that arrive without a customer (push, import, pull)", () => {
  it("get one: the same platform buyer shares a customer, another buyer with the same phone becomes a merge proposal", async () => {
    const db = testDb();
    const member = `M${process.pid}${Date.now()}`;
    const phone = `139${String(Date.now()).slice(-8)}`;
    const receiver = { name: "韩梅梅", phone, province: "上海", city: "上海市", district: "浦东新区", detail: "世纪大道 1 号" };
    const results = await ingestNativeBatch(db, { id: "ch_own_mall", platform: "OWN_MALL" }, [
      mallOrder({ buyer: { memberId: member, nick: "梅梅" }, receiver }),
      mallOrder({ buyer: { memberId: member, nick: "梅梅" }, receiver }),
      mallOrder({ buyer: { memberId: `${member}-B`, nick: "韩" }, receiver }),
    ], { source: "PLATFORM_PUSH" });
    expect(results.every((r) => r.ok)).toBe(true);
    const ids = results.map((r) => (r.ok ? r.orderId : ""));
    const before = await db.order.findMany({ where: { id: { in: ids } }, select: { customerId: true } });
    expect(before.every((o) => o.customerId === null)).toBe(true);

    await collectIdentities(db);
    const orders = await db.order.findMany({ where: { id: { in: ids } }, select: { id: true, customerId: true } });
    const customerOf = (id: string) => orders.find((o) => o.id === id)!.customerId;
    expect(customerOf(ids[0])).not.toBeNull();
    expect(customerOf(ids[1])).toBe(customerOf(ids[0]));
    expect(customerOf(ids[2])).not.toBeNull();
    expect(customerOf(ids[2])).not.toBe(customerOf(ids[0]));
    expect(await db.customerIdentity.count({ where: { sourceOrderId: { in: ids }, kind: "phone" } })).toBe(3);
    const customer = await db.customer.findUniqueOrThrow({ where: { id: customerOf(ids[0])! } });
    expect(customer.phone).toBe(phone);

    // Not merged silently: the two records of one phone become a proposal for a person to decide.
    await proposeMerges(db);
    const pair = [customerOf(ids[0])!, customerOf(ids[2])!];
    expect(await db.customerMergeProposal.count({ where: { customerAId: { in: pair }, customerBId: { in: pair } } })).toBe(1);

    // A later run changes nothing for them.
    await collectIdentities(db);
    const again = await db.order.findMany({ where: { id: { in: ids } }, select: { id: true, customerId: true } });
    expect(again.map((o) => o.customerId).sort()).toEqual(orders.map((o) => o.customerId).sort());
  });

  it("a phone shared by more customers than a person has records (a store's placeholder) proposes no pairs", async () => {
    const db = testDb();
    const tag = `${process.pid}${Date.now()}`.slice(-9);
    const phone = `137${tag.slice(-8)}`;
    const n = MAX_CUSTOMERS_PER_VALUE + 10;
    // Two of them also share an Alipay account: 0.80 alone stays under the threshold; the placeholder
    // phone must not count as the evidence that lifts it to 0.98.
    const results = await ingestNativeBatch(db, { id: "ch_own_mall", platform: "OWN_MALL" }, Array.from({ length: n }, (_, i) => ({
      ...mallOrder({ buyer: { memberId: `W${tag}-${i}`, nick: `散客${i}` }, receiver: { name: `散客${i}`, phone, province: "上海", city: "上海市", district: "黄浦区", detail: `南京东路 ${i} 号` } }),
      ...(i < 2 ? { alipay_no: `ali${tag}@example.com` } : {}),
    })), { source: "PLATFORM_PUSH" });
    const ids = results.map((r) => (r.ok ? r.orderId : ""));
    const collected = await collectIdentities(db);
    const customerOf = new Map((await db.order.findMany({ where: { id: { in: ids } }, select: { id: true, customerId: true } })).map((o) => [o.id, o.customerId!]));
    const customers = ids.map((id) => customerOf.get(id)!); // in ingest order: the first two share the Alipay account
    expect(new Set(customers).size).toBe(n);
    expect(collected.customerIds).toEqual(expect.arrayContaining(customers));
    expect(await db.customerIdentity.count({ where: { customerId: { in: customers.slice(0, 2) }, kind: "alipay" } })).toBe(2);
    const among = { customerAId: { in: customers }, customerBId: { in: customers } };
    await proposeMerges(db, { customerIds: collected.customerIds }); // the incremental job's pass
    expect(await db.customerMergeProposal.count({ where: among })).toBe(0);
    await proposeMerges(db); // the full pass
    expect(await db.customerMergeProposal.count({ where: among })).toBe(0);
  });
});
