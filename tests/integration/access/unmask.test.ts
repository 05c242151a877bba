import { describe, expect, it } from "vitest";
import { decideUnmask } from "../../../lib/access/decide-unmask";
import { listMyUnmaskRequests, listUnmaskQueue } from "../../../lib/access/list-unmask-requests";
import { maskPhone } from "../../../lib/access/mask";
import { cancelUnmask, requestUnmask } from "../../../lib/access/request-unmask";
import { orderScope } from "../../../lib/access/scope";
import { getOrderDetail } from "../../../lib/orders/get-order-detail";
import { actorFor, testDb } from "../helpers";

async function csOrder(skip = 0) {
  const cs = await actorFor("cs");
  const o = await testDb().order.findFirstOrThrow({
    where: { AND: [orderScope(cs), { receiverPhone: { startsWith: "1", not: { contains: "*" } } }, { buyerNick: { not: null } }] },
    orderBy: { orderNo: "asc" },
    skip,
    select: { id: true, orderNo: true, receiverPhone: true },
  });
  return { cs, order: o, phone: o.receiverPhone! };
}

describe("temporary unmask (临时权限)", () => {
  it("request → approval → the requester sees the full phone, each view audited → expiry masks it again", async () => {
    const { cs, order, phone } = await csOrder(0);
    const ops = await actorFor("ops");
    const before = await getOrderDetail(testDb(), cs, order.id);
    expect(before.receiver?.phone).toBe(maskPhone(phone));
    expect(before.unmask.masked).toContain("phone");

    const req = await requestUnmask(testDb(), cs, { entityType: "order", entityId: order.id, field: "phone", reason: "客户来电核对电话" });
    expect((await getOrderDetail(testDb(), cs, order.id)).unmask.pending).toEqual(["phone"]);
    await expect(requestUnmask(testDb(), cs, { entityType: "order", entityId: order.id, field: "phone", reason: "again please" })).rejects.toMatchObject({ code: "UNMASK_DUPLICATE" });
    expect((await listUnmaskQueue(testDb(), ops)).pending.map((r) => r.id)).toContain(req.id);

    await decideUnmask(testDb(), ops, { id: req.id, decision: "APPROVED", minutes: 5 });
    const during = await getOrderDetail(testDb(), cs, order.id);
    expect(during.receiver?.phone).toBe(phone);
    expect(during.receiver?.detail).not.toBeNull();
    expect(during.unmask.granted.map((g) => g.field)).toEqual(["phone"]);
    const views = await testDb().auditLog.findMany({ where: { action: "unmask.view", actorId: cs.id, entityId: order.id } });
    expect(views).toHaveLength(1);
    expect(views[0].detail).toMatchObject({ fields: ["phone"] });

    // Only the requester: another CS-scoped user or the approver still sees it masked.
    expect((await getOrderDetail(testDb(), ops, order.id)).receiver?.phone).toBe(maskPhone(phone));

    // Expiry: the grant's end passes; the very next read masks again.
    const pg = await import("pg");
    const client = new pg.default.Client({ connectionString: (await import("vitest")).inject("databaseUrl") });
    await client.connect();
    await client.query(`UPDATE unmask_requests SET expires_at = now() - interval '1 second' WHERE id = $1`, [req.id]);
    await client.end();
    expect((await getOrderDetail(testDb(), cs, order.id)).receiver?.phone).toBe(maskPhone(phone));
    expect((await listMyUnmaskRequests(testDb(), cs)).find((r) => r.id === req.id)?.status).toBe("EXPIRED");
    expect(await testDb().auditLog.count({ where: { action: "unmask.view", actorId: cs.id, entityId: order.id } })).toBe(1);
    expect(await testDb().auditLog.count({ where: { action: { in: ["unmask.request", "unmask.approve"] }, OR: [{ entityId: req.id }] } })).toBe(2);
  });

  it("refuses self-approval, non-approvers, out-of-scope orders, unneeded and double decisions", async () => {
    const { cs, order } = await csOrder(1);
    const admin = await actorFor("admin");
    const ops = await actorFor("ops");
    const own = await requestUnmask(testDb(), ops, { entityType: "order", entityId: order.id, field: "buyerNick", reason: "对账需要" });
    await expect(decideUnmask(testDb(), ops, { id: own.id, decision: "APPROVED" })).rejects.toMatchObject({ code: "UNMASK_SELF_APPROVAL" });
    await expect(decideUnmask(testDb(), cs, { id: own.id, decision: "APPROVED" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await decideUnmask(testDb(), admin, { id: own.id, decision: "REFUSED", note: "无必要" });
    await expect(decideUnmask(testDb(), admin, { id: own.id, decision: "APPROVED" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await getOrderDetail(testDb(), ops, order.id)).unmask.granted).toEqual([]);

    const outside = await testDb().order.findFirstOrThrow({ where: { channelId: { notIn: [...cs.channelIds] } }, select: { id: true } });
    await expect(requestUnmask(testDb(), cs, { entityType: "order", entityId: outside.id, field: "phone", reason: "not mine" })).rejects.toMatchObject({ code: "ORDER_NOT_FOUND" });
    const warehouse = await actorFor("warehouse");
    await expect(requestUnmask(testDb(), warehouse, { entityType: "order", entityId: order.id, field: "addressDetail", reason: "already full" })).rejects.toMatchObject({ code: "UNMASK_NOT_NEEDED" });
    const finance = await actorFor("finance");
    await expect(requestUnmask(testDb(), finance, { entityType: "order", entityId: order.id, field: "phone", reason: "no receiver for finance" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(requestUnmask(testDb(), cs, { entityType: "order", entityId: order.id, field: "phone", reason: "x" })).rejects.toThrow();

    const mine = await requestUnmask(testDb(), cs, { entityType: "order", entityId: order.id, field: "addressDetail", reason: "改地址核对" });
    await expect(cancelUnmask(testDb(), ops, mine.id)).rejects.toMatchObject({ code: "UNMASK_NOT_FOUND" });
    await cancelUnmask(testDb(), cs, mine.id);
    expect((await listMyUnmaskRequests(testDb(), cs)).find((r) => r.id === mine.id)?.status).toBe("CANCELLED");
  });
});
