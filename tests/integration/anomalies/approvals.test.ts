import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { awaitingApproval, decideApproval } from "../../../lib/anomalies/approvals";
import { isAppError } from "../../../lib/errors/app-error";
import { pushToWms } from "../../../lib/lifecycle/fulfilment-actions";
import { systemActor } from "../../../lib/lifecycle/order-actor";
import { actorFor, testDb } from "../helpers";
import { openFor, ruleOrder, runRule } from "./fixtures";

const push = (orderId: string) => pushToWms(testDb(), orderId, { by: systemActor("WMS 推送"), source: "SCHEDULER", idempotencyKey: randomUUID() });
const code = (p: Promise<unknown>) => p.then(() => "ok", (e) => (isAppError(e) ? e.code : String(e)));
const status = (id: string) => testDb().order.findUniqueOrThrow({ where: { id }, select: { status: true } }).then((o) => o.status);

/** Approval rules (SPEC §3): held until approved or refused; the lifecycle's push refuses until then; audited. */
describe("approvals gate the WMS push", () => {
  const db = testDb();

  it("an ultra-low price order cannot be pushed, is held, and a manager's approval releases it back to the push queue", async () => {
    const o = await ruleOrder(db, { paidFen: 500, goodsFen: 19_900 });
    // Even before any scan: the push checks the rule itself.
    expect(await code(push(o.id))).toBe("APPROVAL_REQUIRED");
    expect(await awaitingApproval(db, o.id)).toBe(true); // what the wms-push job does first
    expect(await status(o.id)).toBe("ON_HOLD");
    const [ex] = await openFor(db, o.id, "LOW_PRICE_APPROVAL");
    const cs = await actorFor("cs");
    expect(await code(decideApproval(db, cs, { exceptionId: ex.id, decision: "APPROVED" }))).toBe("FORBIDDEN");
    const ops = await actorFor("ops");
    const out = await decideApproval(db, ops, { exceptionId: ex.id, decision: "APPROVED", note: "活动价，已核实" });
    expect(out).toMatchObject({ decision: "APPROVED", released: true });
    expect(await status(o.id)).toBe("PAID");
    expect(await db.orderException.findUniqueOrThrow({ where: { id: ex.id } })).toMatchObject({ status: "RESOLVED", resolutionCode: "APPROVED", neededPerson: true });
    const audit = await db.auditLog.findFirst({ where: { action: "exception.approve", entityId: o.id } });
    expect(audit?.actorName).toBe(ops.displayName);
    expect(await db.outboxEvent.count({ where: { orderId: o.id, eventType: "INTEGRATION_RERUN" } })).toBe(1);
    expect(await code(push(o.id))).toBe("ok");
    expect(await status(o.id)).toBe("PUSHED_TO_WMS");
    expect(await code(decideApproval(db, ops, { exceptionId: ex.id, decision: "APPROVED" }))).toBe("APPROVAL_NOT_PENDING");
  });

  it("above ¥5,000: only a manager whose scope covers the region decides; a refusal keeps the order held and blocked", async () => {
    const far = await ruleOrder(db, { paidFen: 800_000, region: "华南", province: "广东省" });
    const near = await ruleOrder(db, { paidFen: 800_000, region: "华东" });
    await runRule(db, "HIGH_AMOUNT_APPROVAL", [far.id, near.id]);
    const east = await actorFor("east"); // regional manager, 华东
    const [farEx] = await openFor(db, far.id, "HIGH_AMOUNT_APPROVAL");
    const [nearEx] = await openFor(db, near.id, "HIGH_AMOUNT_APPROVAL");
    expect(await code(decideApproval(db, east, { exceptionId: farEx.id, decision: "APPROVED" }))).toBe("EXCEPTION_NOT_FOUND");
    expect(await code(decideApproval(db, east, { exceptionId: nearEx.id, decision: "REFUSED" }))).toBe("REASON_REQUIRED");
    await decideApproval(db, east, { exceptionId: nearEx.id, decision: "REFUSED", note: "买家信息无法核实" });
    expect(await status(near.id)).toBe("ON_HOLD");
    expect(await db.orderApproval.findFirst({ where: { orderId: near.id } })).toMatchObject({ status: "REFUSED", decidedById: east.id });
    expect(await db.auditLog.count({ where: { action: "exception.refuse", entityId: near.id } })).toBe(1);
    // Released by hand anyway, the push still refuses it.
    await db.order.update({ where: { id: near.id }, data: { status: "PAID" } });
    expect(await code(push(near.id))).toBe("APPROVAL_REFUSED");
  });

  it("an order that needs no approval is pushed as before", async () => {
    const o = await ruleOrder(db, { paidFen: 12_800 });
    expect(await awaitingApproval(db, o.id)).toBe(false);
    expect(await code(push(o.id))).toBe("ok");
  });
});
