import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { evaluateRules } from "../../../lib/anomalies/evaluate-rules";
import { exportExceptions } from "../../../lib/anomalies/export-exceptions";
import { addExceptionNote, assignExceptions, claimExceptions, fixException, resolveExceptions } from "../../../lib/anomalies/handle-exception";
import { getExceptionDetail, listExceptions, listOrderExceptions } from "../../../lib/anomalies/list-exceptions";
import { getNotifications, markNotificationsRead } from "../../../lib/anomalies/notifications";
import { exportWeeklyFigures, weeklyFigures } from "../../../lib/anomalies/weekly-figures";
import { isAppError } from "../../../lib/errors/app-error";
import { confirmShipment } from "../../../lib/lifecycle/fulfilment-actions";
import { systemActor } from "../../../lib/lifecycle/order-actor";
import type { Actor } from "../../../lib/access/actor";
import { actorFor, testDb } from "../helpers";
import { minutesAgo, openFor, ruleOrder, runRule } from "./fixtures";

const code = (p: Promise<unknown>) => p.then(() => "ok", (e) => (isAppError(e) ? e.code : String(e)));

describe("the workbench", () => {
  const db = testDb();

  async function stuckOrder(channelId = "ch_jd") {
    const o = await ruleOrder(db, { paidAt: minutesAgo(200), channelId });
    await runRule(db, "PAID_NOT_SHIPPED", [o.id]);
    const [ex] = await openFor(db, o.id, "PAID_NOT_SHIPPED");
    return { o, ex };
  }

  it("triage: filter, claim, note, transfer, fix through the lifecycle, resolve with a code — all in the history and the audit log", async () => {
    const { o, ex } = await stuckOrder();
    const ops = await actorFor("ops");
    const cs = await actorFor("cs");
    const list = await listExceptions(db, ops, { rule: "PAID_NOT_SHIPPED", channel: "ch_jd", severity: "SEVERE" });
    expect(list.rows.map((r) => r.id)).toContain(ex.id);
    expect(list.rows.every((r) => r.ruleCode === "PAID_NOT_SHIPPED" && r.channelId === "ch_jd")).toBe(true);

    await claimExceptions(db, ops, { ids: [ex.id] });
    expect(cs.channelIds).toContain("ch_jd"); // in cs's shops: refused because it is taken, not hidden
    expect(await code(claimExceptions(db, cs, { ids: [ex.id] }))).toBe("EXCEPTION_ALREADY_CLAIMED");
    await addExceptionNote(db, ops, { exceptionId: ex.id, note: "仓库说缺货，明早到" });
    const warehouse = await actorFor("warehouse");
    await assignExceptions(db, ops, { ids: [ex.id], assigneeId: warehouse.id, note: "请仓库确认到货时间" });
    expect(await code(assignExceptions(db, ops, { ids: [ex.id], assigneeId: (await actorFor("finance")).id, note: "x" }))).toBe("ASSIGNEE_INVALID");
    expect((await listExceptions(db, warehouse, { assignee: "me", rule: "PAID_NOT_SHIPPED" })).rows.map((r) => r.id)).toContain(ex.id);

    // Warehouse has no order.hold: the lifecycle refuses; ops may.
    expect(await code(fixException(db, warehouse, { exceptionId: ex.id, fix: "hold", idempotencyKey: `hold2-${ex.id}`, reason: "缺货先拦截" }))).toBe("FORBIDDEN");
    await fixException(db, ops, { exceptionId: ex.id, fix: "hold", idempotencyKey: `hold3-${ex.id}`, reason: "缺货先拦截" });
    const log = await db.orderStatusLog.findFirst({ where: { orderId: o.id, action: "hold" } });
    expect(log).toMatchObject({ toStatus: "ON_HOLD", actorName: ops.displayName, reason: "缺货先拦截" });
    await fixException(db, ops, { exceptionId: ex.id, fix: "release", idempotencyKey: `rel-${ex.id}` });
    await fixException(db, ops, { exceptionId: ex.id, fix: "repush", idempotencyKey: `push-${ex.id}` });
    expect(await db.outboxEvent.count({ where: { orderId: o.id, eventType: "INTEGRATION_RERUN" } })).toBe(1);

    expect(await code(resolveExceptions(db, ops, { ids: [ex.id], resolutionCode: "APPROVED" }))).toBe("INVALID_INPUT");
    await resolveExceptions(db, ops, { ids: [ex.id], resolutionCode: "REPUSHED", note: "已重推" });
    const detail = await getExceptionDetail(db, ops, ex.id);
    expect(detail).toMatchObject({ status: "RESOLVED", resolutionCode: "REPUSHED", neededPerson: true });
    expect(detail.events.map((e) => e.kind)).toEqual(["CLAIMED", "NOTE", "ASSIGNED", "FIX", "FIX", "FIX", "RESOLVED"]);
    expect(detail.events.find((e) => e.kind === "ASSIGNED")?.targetName).toBe(warehouse.displayName);
    const actions = (await db.auditLog.findMany({ where: { OR: [{ entityId: ex.id }, { entityId: o.id }] }, select: { action: true } })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["exception.claim", "exception.note", "exception.assign", "order.hold", "order.release", "order.repush", "exception.resolve"]));
    // Resolved by a person: the same cause does not come back.
    await runRule(db, "PAID_NOT_SHIPPED", [o.id]);
    expect(await openFor(db, o.id, "PAID_NOT_SHIPPED")).toHaveLength(0);
    expect(await code(addExceptionNote(db, ops, { exceptionId: ex.id, note: "结案后补充" }))).toBe("ok");
  });

  it("bulk claim / resolve is all-or-nothing, and an exception outside a CS agent's shops is not found", async () => {
    const cs = await actorFor("cs");
    const outside = (await db.channel.findFirstOrThrow({ where: { id: { notIn: [...cs.channelIds] } } })).id;
    const a = await stuckOrder(outside);
    const b = await stuckOrder();
    const ops = await actorFor("ops");
    expect(await code(claimExceptions(db, cs, { ids: [a.ex.id] }))).toBe("EXCEPTION_NOT_FOUND");
    await resolveExceptions(db, ops, { ids: [b.ex.id], resolutionCode: "FALSE_ALARM" });
    expect(await code(claimExceptions(db, ops, { ids: [a.ex.id, b.ex.id] }))).toBe("EXCEPTION_CLOSED");
    expect((await db.orderException.findUniqueOrThrow({ where: { id: a.ex.id } })).status).toBe("OPEN");
    const c = await stuckOrder();
    await claimExceptions(db, ops, { ids: [a.ex.id, c.ex.id] });
    expect(await resolveExceptions(db, ops, { ids: [a.ex.id, c.ex.id], resolutionCode: "FIXED" })).toEqual({ resolved: 2 });
  });

  it("a transfer goes only to someone who can see the exception: not a CS agent outside their shops", async () => {
    const [ops, cs] = await Promise.all([actorFor("ops"), actorFor("cs")]);
    expect(cs.rowScope).toBe("CHANNELS");
    const outside = (await db.channel.findFirstOrThrow({ where: { id: { notIn: [...cs.channelIds] } } })).id;
    const far = await stuckOrder(outside);
    const near = await stuckOrder(cs.channelIds[0]);
    await claimExceptions(db, ops, { ids: [far.ex.id] });
    const snapshot = (id: string) => db.orderException.findUniqueOrThrow({ where: { id }, include: { events: true } });
    const before = await snapshot(far.ex.id);
    const audits = () => db.auditLog.count({ where: { action: "exception.assign", entityId: { contains: far.ex.id } } });
    const auditsBefore = await audits();

    expect(await code(assignExceptions(db, ops, { ids: [far.ex.id], assigneeId: cs.id, note: "请客服跟进" }))).toBe("ASSIGNEE_INVALID");
    // Nor in a batch with one they may see: all or nothing.
    expect(await code(assignExceptions(db, ops, { ids: [near.ex.id, far.ex.id], assigneeId: cs.id, note: "请客服跟进" }))).toBe("ASSIGNEE_INVALID");
    expect(await snapshot(far.ex.id)).toEqual(before);
    expect((await snapshot(near.ex.id)).assigneeId).toBeNull();
    expect(await audits()).toBe(auditsBefore);
    expect((await listExceptions(db, cs, { assignee: "me", status: "ALL" })).rows.map((r) => r.id)).not.toContain(far.ex.id);

    expect(await assignExceptions(db, ops, { ids: [near.ex.id], assigneeId: cs.id, note: "请客服跟进" })).toEqual({ assigned: 1, assignee: cs.displayName });
    const after = await snapshot(near.ex.id);
    expect(after).toMatchObject({ status: "CLAIMED", assigneeId: cs.id });
    expect(after.events.map((e) => [e.kind, e.targetId])).toEqual([["ASSIGNED", cs.id]]);
    expect((await listExceptions(db, cs, { assignee: "me" })).rows.map((r) => r.id)).toContain(near.ex.id);
  });

  it("two people claiming the same exception at once: exactly one gets it, the other is told it is taken", async () => {
    const ops = await actorFor("ops");
    const warehouse = await actorFor("warehouse");
    for (let i = 0; i < 5; i++) {
      const { ex } = await stuckOrder();
      const results = await Promise.all([code(claimExceptions(db, ops, { ids: [ex.id] })), code(claimExceptions(db, warehouse, { ids: [ex.id] }))]);
      expect(results.sort()).toEqual(["EXCEPTION_ALREADY_CLAIMED", "ok"]);
      const after = await db.orderException.findUniqueOrThrow({ where: { id: ex.id }, include: { events: true } });
      expect(after.status).toBe("CLAIMED");
      expect(after.events.filter((e) => e.kind === "CLAIMED").map((e) => e.targetId)).toEqual([after.assigneeId]);
    }
  });

  it("an approver who does not handle exceptions sees only approvals: not in the detail, the order's list or the weekly figures", async () => {
    const east = await actorFor("east"); // regional manager 华东, exception.approve only
    const { o, ex } = await stuckOrder("ch_tmall"); // 华东, PAID_NOT_SHIPPED
    const big = await ruleOrder(db, { paidFen: 800_000, region: "华东" });
    await runRule(db, "HIGH_AMOUNT_APPROVAL", [big.id]);
    const [approval] = await openFor(db, big.id, "HIGH_AMOUNT_APPROVAL");

    expect(await code(getExceptionDetail(db, east, ex.id))).toBe("EXCEPTION_NOT_FOUND");
    expect(await listOrderExceptions(db, east, o.id)).toEqual([]);
    expect((await listExceptions(db, east, { status: "ALL" })).rows.map((r) => r.id)).not.toContain(ex.id);
    expect((await getExceptionDetail(db, east, approval.id)).id).toBe(approval.id);
    expect((await listOrderExceptions(db, east, big.id)).map((r) => r.id)).toEqual([approval.id]);
    // A handler in scope sees the non-approval one.
    expect((await getExceptionDetail(db, await actorFor("cs"), ex.id)).id).toBe(ex.id);
  });

  it("weekly figures count only what the viewer may see: cs its shops, east its region's approvals", async () => {
    // A week of this test's own (no other test opens exceptions in it), so before/after differences are exact.
    const week = new Date(Date.UTC(2002, 0, 7) + Math.floor(Math.random() * 500) * 7 * 86_400_000).toISOString().slice(0, 10); // a Monday
    const [ops, cs, east] = await Promise.all([actorFor("ops"), actorFor("cs"), actorFor("east")]);
    const outside = (await db.channel.findFirstOrThrow({ where: { id: { notIn: [...cs.channelIds] } } })).id;
    const figures = (a: Actor) => weeklyFigures(db, a, { week });
    const before = await Promise.all([ops, cs, east].map(figures));

    const inEast = await stuckOrder("ch_tmall"); // 华东, cs's shop
    const far = await ruleOrder(db, { paidAt: minutesAgo(200), channelId: outside, region: "华南", province: "广东省" });
    await runRule(db, "PAID_NOT_SHIPPED", [far.id]);
    const nearBig = await ruleOrder(db, { paidFen: 800_000, region: "华东", channelId: "ch_tmall" });
    const farBig = await ruleOrder(db, { paidFen: 800_000, region: "华南", province: "广东省", channelId: outside });
    await runRule(db, "HIGH_AMOUNT_APPROVAL", [nearBig.id, farBig.id]);
    const ids = [inEast.ex.id, ...(await Promise.all([openFor(db, far.id, "PAID_NOT_SHIPPED"), openFor(db, nearBig.id, "HIGH_AMOUNT_APPROVAL"), openFor(db, farBig.id, "HIGH_AMOUNT_APPROVAL")])).map(([x]) => x.id)];
    expect(ids).toHaveLength(4);
    await db.orderException.updateMany({ where: { id: { in: ids } }, data: { openedAt: new Date(`${week}T12:00:00+08:00`) } });

    const after = await Promise.all([ops, cs, east].map(figures));
    const added = (i: number, rule?: string) => {
      const n = (f: Awaited<ReturnType<typeof weeklyFigures>>) => (rule ? f.byRule.find((r) => r.ruleCode === rule)?.opened ?? 0 : f.total.opened);
      return n(after[i]) - n(before[i]);
    };
    expect([added(0), added(0, "PAID_NOT_SHIPPED"), added(0, "HIGH_AMOUNT_APPROVAL")]).toEqual([4, 2, 2]); // ops: all
    expect([added(1), added(1, "PAID_NOT_SHIPPED"), added(1, "HIGH_AMOUNT_APPROVAL")]).toEqual([2, 1, 1]); // cs: not the outside shop
    expect([added(2), added(2, "PAID_NOT_SHIPPED"), added(2, "HIGH_AMOUNT_APPROVAL")]).toEqual([1, 0, 1]); // east: 华东 approvals only
    expect(after[2].byRule.map((r) => r.ruleCode).every((c) => c === "HIGH_AMOUNT_APPROVAL" || c === "LOW_PRICE_APPROVAL")).toBe(true);
    expect(after[1].byResolution.reduce((s, r) => s + r.count, 0)).toBe(after[1].total.opened);
  });

  it("malformed filters and weeks are INVALID_INPUT, not a crash", async () => {
    const ops = await actorFor("ops");
    for (const week of ["2026-13-01", "2026-02-30", "2026-1-1", "next week"]) {
      expect(await code(weeklyFigures(db, ops, { week }))).toBe("INVALID_INPUT");
      expect(await code(exportWeeklyFigures(db, ops, { week }, "csv", (k) => k))).toBe("INVALID_INPUT");
    }
    expect(await code(weeklyFigures(db, ops, { week: "2024-02-29" }))).toBe("ok");
    expect(await code(exportExceptions(db, ops, { rule: "FOO" }, "csv", (k) => k))).toBe("INVALID_INPUT");
    expect(await code(exportExceptions(db, ops, { minAgeHours: "soon" }, "csv", (k) => k))).toBe("INVALID_INPUT");
    expect(await code(exportExceptions(db, ops, { status: "WHATEVER" }, "csv", (k) => k))).toBe("INVALID_INPUT");
    expect(await code(listExceptions(db, ops, { rule: "FOO" } as never))).toBe("INVALID_INPUT");
  });

  it("closes itself when the cause goes away (the order ships), saying why; untouched ones did not need a person", async () => {
    const { o, ex } = await stuckOrder();
    await confirmShipment(db, o.id, { by: systemActor("WMS 回传"), source: "WMS_CALLBACK", idempotencyKey: `ship-${o.id}` }, { carrierCode: "SF", trackingNo: `SF${Date.now()}` });
    await evaluateRules(db, { orderIds: [o.id] }); // what the order-event job runs on ORDER_SHIPPED
    const closed = await db.orderException.findUniqueOrThrow({ where: { id: ex.id }, include: { events: true } });
    expect(closed).toMatchObject({ status: "AUTO_CLOSED", closeReason: "ORDER_SHIPPED", neededPerson: false, dedupeKey: null });
    expect(closed.events.map((e) => [e.kind, e.body])).toEqual([["AUTO_CLOSED", "ORDER_SHIPPED"]]);
  });

  it("closes a payment exception once the payment links, and an address one once the address is fixed", async () => {
    const unpaid = await ruleOrder(db, { status: "PENDING_PAYMENT" });
    await db.payment.create({ data: { payNo: `PL${Date.now()}`, orderId: unpaid.id, provider: "ALIPAY", providerTxnId: `ali-${Date.now()}`, amountFen: 12_800, paidAt: minutesAgo(9), createdAt: minutesAgo(9) } });
    await runRule(db, "PAYMENT_NOT_APPLIED", [unpaid.id]);
    expect(await openFor(db, unpaid.id)).toHaveLength(1);
    await db.order.update({ where: { id: unpaid.id }, data: { status: "PAID", paidAt: new Date() } });
    await runRule(db, "PAYMENT_NOT_APPLIED", [unpaid.id]);
    expect(await db.orderException.findFirst({ where: { orderId: unpaid.id } })).toMatchObject({ status: "AUTO_CLOSED", closeReason: "PAYMENT_LINKED" });

    const pickup = await ruleOrder(db, { detail: "建设路 1 号丰巢代收点" });
    await runRule(db, "ADDRESS_KEYWORD", [pickup.id]);
    await db.order.update({ where: { id: pickup.id }, data: { receiverDetail: "建设路 1 号 2 单元 301" } });
    await runRule(db, "ADDRESS_KEYWORD", [pickup.id]);
    expect(await db.orderException.findFirst({ where: { orderId: pickup.id } })).toMatchObject({ status: "AUTO_CLOSED", closeReason: "ADDRESS_CHANGED" });
  });

  it("exports the filtered queue as XLSX (export permission, audited), refused without it", async () => {
    const { ex } = await stuckOrder();
    const ops = await actorFor("ops");
    const file = await exportExceptions(db, ops, { rule: "PAID_NOT_SHIPPED", channel: "ch_jd" }, "xlsx", (k) => k);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.body) as never);
    const ids = book.worksheets[0].getColumn(1).values;
    expect(ids).toContain(ex.id);
    expect(await db.auditLog.count({ where: { action: "exception.export", actorId: ops.id } })).toBeGreaterThan(0);
    expect(await code(exportExceptions(db, await actorFor("cs"), {}, "xlsx", (k) => k))).toBe("FORBIDDEN");
  });

  it("weekly figures: by rule, by resolution, median time to close, share that needed a person", async () => {
    const ops = await actorFor("ops");
    const f = await weeklyFigures(db, ops, {});
    expect(f.total.opened).toBeGreaterThan(0);
    expect(f.byRule.reduce((s, r) => s + r.opened, 0)).toBe(f.total.opened);
    expect(f.byResolution.reduce((s, r) => s + r.count, 0)).toBe(f.total.opened);
    expect(f.byResolution.map((r) => r.resolution)).toEqual(expect.arrayContaining(["REPUSHED", "ORDER_SHIPPED"]));
    expect(f.total.neededPersonShare).toBeGreaterThan(0);
    expect(f.total.neededPersonShare).toBeLessThan(1);
    expect(f.total.medianMinutes).not.toBeNull();
  });

  it("the open queue is most urgent first across open and claimed, page after page", async () => {
    const ops = await actorFor("ops");
    const { ex } = await stuckOrder();
    await claimExceptions(db, ops, { ids: [ex.id] });
    await stuckOrder();
    // This file's own channel and rule: other files raise exceptions at the same time.
    const where = { status: { in: ["OPEN" as const, "CLAIMED" as const] }, ruleCode: "PAID_NOT_SHIPPED", channelId: "ch_jd" };
    const expected = (await db.orderException.findMany({ where, orderBy: [{ dueAt: "asc" }, { id: "asc" }], take: 30, select: { id: true } })).map((r) => r.id);
    expect(expected).toContain(ex.id);
    const pages = await Promise.all([1, 2, 3].map((page) => listExceptions(db, ops, { page, size: 10, rule: "PAID_NOT_SHIPPED", channel: "ch_jd" })));
    expect(pages.flatMap((p) => p.rows.map((r) => r.id))).toEqual(expected);
    expect(pages[0].total).toBe(await db.orderException.count({ where }));
  });

  it("the bell counts new exceptions in scope until marked read; one outside a CS agent's shops does not ring theirs", async () => {
    const ops = await actorFor("ops");
    await markNotificationsRead(db, ops, minutesAgo(1));
    await stuckOrder();
    const n = await getNotifications(db, ops);
    expect(n.unread).toBeGreaterThanOrEqual(1);
    await markNotificationsRead(db, ops);
    expect((await getNotifications(db, ops)).unread).toBe(0);
    expect((await getNotifications(db, await actorFor("finance"))).unread).toBe(0);

    // cs looked at a moment of this test's own (far ahead, so other files' new exceptions do not count),
    // and the exceptions are dated just after it: the counts are exact.
    const cs = await actorFor("cs");
    const outside = (await db.channel.findFirstOrThrow({ where: { id: { notIn: [...cs.channelIds] } } })).id;
    const seenAt = new Date(Date.UTC(2100 + Math.floor(Math.random() * 500), 0, 1));
    const justAfter = new Date(seenAt.getTime() + 60_000);
    await markNotificationsRead(db, cs, seenAt);
    const far = await stuckOrder(outside);
    const near = await stuckOrder(cs.channelIds[0]);
    await db.orderException.update({ where: { id: far.ex.id }, data: { openedAt: justAfter } });
    expect((await getNotifications(db, ops)).items.map((i) => i.id)).toContain(far.ex.id); // all orders: it rings
    expect(await getNotifications(db, cs)).toEqual({ unread: 0, items: [] });
    await db.orderException.update({ where: { id: near.ex.id }, data: { openedAt: justAfter } });
    const csBell = await getNotifications(db, cs);
    expect([csBell.unread, csBell.items.map((i) => i.id)]).toEqual([1, [near.ex.id]]);
    // Closed, they ring for no one; cs's cursor back to now.
    await resolveExceptions(db, ops, { ids: [far.ex.id, near.ex.id], resolutionCode: "FALSE_ALARM" });
    await markNotificationsRead(db, cs);
  });
});
