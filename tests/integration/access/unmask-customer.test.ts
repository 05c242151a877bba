import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decideUnmask } from "../../../lib/access/decide-unmask";
import { listMyUnmaskRequests, listUnmaskQueue } from "../../../lib/access/list-unmask-requests";
import { maskPhone } from "../../../lib/access/mask";
import { requestUnmask } from "../../../lib/access/request-unmask";
import { getCustomerView } from "../../../lib/customers/get-customer-view";
import { actorFor, testDb } from "../helpers";
import { twoRecordsOfOnePerson } from "../customers/fixtures";

const phonesIn = (v: Awaited<ReturnType<typeof getCustomerView>>) => [v.phone, ...v.orders.map((o) => o.receiverPhone)];

describe("temporary unmask (临时权限) on a customer", () => {
  it("request → approval → the requester sees the customer's phone in full, each view audited → expiry masks it again", async () => {
    const db = testDb();
    const f = await twoRecordsOfOnePerson(db);
    const cs = await actorFor("cs");
    const ops = await actorFor("ops");
    const before = await getCustomerView(db, cs, f.newer.id);
    expect(phonesIn(before)).toEqual([maskPhone(f.phone), maskPhone(f.phone)]);
    expect(before.unmask.masked).toEqual(["phone"]);

    const req = await requestUnmask(db, cs, { entityType: "customer", entityId: f.newer.id, field: "phone", reason: "客户来电核对手机号" });
    expect((await getCustomerView(db, cs, f.newer.id)).unmask.pending).toEqual(["phone"]);
    await expect(requestUnmask(db, cs, { entityType: "customer", entityId: f.newer.id, field: "phone", reason: "again please" })).rejects.toMatchObject({ code: "UNMASK_DUPLICATE" });
    await expect(requestUnmask(db, cs, { entityType: "customer", entityId: f.newer.id, field: "addressDetail", reason: "not a customer field" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    const queued = (await listUnmaskQueue(db, ops)).pending.find((r) => r.id === req.id);
    expect(queued).toMatchObject({ entityType: "customer", entityLabel: f.name });

    await decideUnmask(db, ops, { id: req.id, decision: "APPROVED", minutes: 5 });
    const during = await getCustomerView(db, cs, f.newer.id);
    expect(phonesIn(during)).toEqual([f.phone, f.phone]);
    expect(during.unmask.granted.map((g) => g.field)).toEqual(["phone"]);
    expect(during.unmask.masked).toEqual([]);
    const views = await db.auditLog.findMany({ where: { action: "unmask.view", actorId: cs.id, entityId: f.newer.id } });
    expect(views).toHaveLength(1);
    expect(views[0]).toMatchObject({ entityType: "customer", detail: { fields: ["phone"] } });

    // Only the requester, and only this customer: the approver and the person's other record stay masked.
    expect(JSON.stringify(await getCustomerView(db, ops, f.newer.id))).not.toContain(f.phone);
    expect(JSON.stringify(await getCustomerView(db, cs, f.older.id))).not.toContain(f.phone);

    await db.unmaskRequest.update({ where: { id: req.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(phonesIn(await getCustomerView(db, cs, f.newer.id))).toEqual([maskPhone(f.phone), maskPhone(f.phone)]);
    expect((await listMyUnmaskRequests(db, cs)).find((r) => r.id === req.id)?.status).toBe("EXPIRED");
    expect(await db.auditLog.count({ where: { action: "unmask.view", actorId: cs.id, entityId: f.newer.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: { in: ["unmask.request", "unmask.approve"] }, entityId: req.id } })).toBe(2);
  });

  it("refuses a customer outside the CS agent's shops (as not found) and roles without the customer page", async () => {
    const db = testDb();
    const tag = randomUUID().slice(0, 8);
    const outside = await db.customer.create({ data: { displayName: `店外客户${tag}`, phone: "13800001111" } });
    await db.order.create({
      data: {
        orderNo: `TSTU${tag}`, channelId: "ch_own_mall", platformOrderId: `PU${tag}`, platformStatus: "TRADE_FINISHED", status: "COMPLETED",
        customerId: outside.id, receiverName: "店外客户", receiverPhone: "13800001111",
        receiverProvince: "浙江省", receiverCity: "杭州市", receiverDistrict: "西湖区", receiverDetail: "文三路 1 号", goodsFen: 100, paidFen: 100, placedAt: new Date(), platformModifiedAt: new Date(), rawPayload: {},
      },
    });
    const cs = await actorFor("cs");
    await expect(requestUnmask(db, cs, { entityType: "customer", entityId: outside.id, field: "phone", reason: "not my shop" })).rejects.toMatchObject({ code: "CUSTOMER_NOT_FOUND" });
    expect(await db.unmaskRequest.count({ where: { entityId: outside.id } })).toBe(0);
    const warehouse = await actorFor("warehouse");
    await expect(requestUnmask(db, warehouse, { entityType: "customer", entityId: outside.id, field: "phone", reason: "no customer page" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
