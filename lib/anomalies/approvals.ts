import { z } from "zod";
import { assertCan, type Actor } from "../access/actor";
import { orderScope } from "../access/scope";
import { recordAudit } from "../audit/record-audit";
import type { Db, DbClient } from "../db/client";
import type { Prisma } from "../db/generated/prisma/client";
import { AppError } from "../errors/app-error";
import { release } from "../lifecycle/control-actions";
import { inTransaction } from "../lifecycle/run-transition";
import { RERUN_EVENT } from "../outbox/dispatch-outbox";
import { enqueueOutboxEvent } from "../outbox/enqueue-outbox-event";
import { evaluateRules } from "./evaluate-rules";
import { closeByPerson } from "./exception-history";
import { APPROVAL_RULES, settingFor, type ApprovalKind } from "./rules";

/** The approval kinds an order needs by amount alone (enabled rules only). */
async function kindsNeeded(tx: Db, order: { paidFen: number; goodsFen: number }): Promise<ApprovalKind[]> {
  const saved = new Map((await tx.exceptionRule.findMany({ where: { code: { in: Object.keys(APPROVAL_RULES) } } })).map((r) => [r.code, r]));
  const low = settingFor("LOW_PRICE_APPROVAL", saved.get("LOW_PRICE_APPROVAL"));
  const high = settingFor("HIGH_AMOUNT_APPROVAL", saved.get("HIGH_AMOUNT_APPROVAL"));
  const kinds: ApprovalKind[] = [];
  if (low.enabled && (order.paidFen < low.params.maxPaidFen || order.paidFen * 100 < order.goodsFen * low.params.minPaidPercent)) kinds.push("LOW_PRICE");
  if (high.enabled && order.paidFen > high.params.minAmountFen) kinds.push("HIGH_AMOUNT");
  return kinds;
}

/**
 * The WMS push gate (called by lifecycle pushToWms inside its transaction): an order that needs an
 * approval goes nowhere until every approval it needs is APPROVED; a refusal blocks it for good.
 */
export async function assertPushApproved(tx: Db, orderId: string): Promise<void> {
  const order = await tx.order.findUnique({ where: { id: orderId }, select: { paidFen: true, goodsFen: true } });
  if (!order) return;
  const approvals = await tx.orderApproval.findMany({ where: { orderId }, select: { kind: true, status: true } });
  if (approvals.some((a) => a.status === "REFUSED")) throw new AppError("APPROVAL_REFUSED");
  const approved = new Set(approvals.filter((a) => a.status === "APPROVED").map((a) => a.kind));
  const missing = [...new Set([...(await kindsNeeded(tx, order)), ...approvals.map((a) => a.kind)])].filter((k) => !approved.has(k));
  if (missing.length) throw new AppError("APPROVAL_REQUIRED", { kinds: missing });
}

/**
 * Before the WMS push job sends anything: if the order needs an approval, raise it (exception,
 * pending approval, hold) now rather than waiting for the next scan, and tell the job to stop.
 */
export async function awaitingApproval(db: DbClient, orderId: string): Promise<boolean> {
  try {
    await assertPushApproved(db, orderId);
    return false;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    await evaluateRules(db, { orderIds: [orderId], only: ["LOW_PRICE_APPROVAL", "HIGH_AMOUNT_APPROVAL"] });
    return true;
  }
}

export const DecideApprovalInput = z.object({
  exceptionId: z.string().min(1).max(64),
  decision: z.enum(["APPROVED", "REFUSED"]),
  note: z.string().trim().max(500).optional(),
});
export type DecideApprovalInput = z.infer<typeof DecideApprovalInput>;

/**
 * 审批: a manager (exception.approve, the order within their row scope — a regional manager only in
 * their region) approves or refuses. Approved and nothing else pending: the hold is released and the
 * order goes back to the WMS push queue. Refused: it stays held (cancel is the next step). Audited.
 */
export async function decideApproval(db: DbClient, actor: Actor, input: DecideApprovalInput) {
  assertCan(actor, "exception.approve");
  if (input.decision === "REFUSED" && !input.note) throw new AppError("REASON_REQUIRED", { action: "refuse" });
  return inTransaction(db, async (tx) => {
    const ex = await tx.orderException.findUnique({ where: { id: input.exceptionId }, select: { id: true, ruleCode: true, orderId: true, status: true } });
    const kind = ex && ex.ruleCode in APPROVAL_RULES ? APPROVAL_RULES[ex.ruleCode as keyof typeof APPROVAL_RULES] : null;
    if (!ex || !ex.orderId || !kind) throw new AppError("EXCEPTION_NOT_FOUND");
    const order = await tx.order.findFirst({ where: { AND: [{ id: ex.orderId }, orderScope(actor)] }, select: { id: true, orderNo: true, status: true } });
    if (!order) throw new AppError("EXCEPTION_NOT_FOUND");
    const { count } = await tx.orderApproval.updateMany({
      where: { orderId: order.id, kind, status: "PENDING" },
      data: { status: input.decision, decidedById: actor.id, decidedAt: new Date(), note: input.note ?? null },
    });
    if (count === 0) throw new AppError("APPROVAL_NOT_PENDING");
    await closeByPerson(tx, actor, ex.id, input.decision, input.note ?? null);
    await recordAudit(tx, actor, {
      action: `exception.${input.decision === "APPROVED" ? "approve" : "refuse"}`, entityType: "order", entityId: order.id,
      detail: { orderNo: order.orderNo, kind, exceptionId: ex.id, note: input.note ?? null },
    });
    const pending = await tx.orderApproval.count({ where: { orderId: order.id, status: { not: "APPROVED" } } });
    let released = false;
    if (input.decision === "APPROVED" && pending === 0) {
      if (order.status === "ON_HOLD") {
        await release(tx, order.id, { by: { kind: "system", name: actor.displayName }, source: "CONSOLE", idempotencyKey: `approval-release:${ex.id}`, reason: "审批通过" });
        released = true;
      }
      // Back into the WMS push queue (the wms-push job skips it unless it is PAID).
      await enqueueOutboxEvent(tx, RERUN_EVENT, order.id, { queue: "wms-push", data: { orderId: order.id } as Prisma.InputJsonValue });
    }
    return { orderId: order.id, kind, decision: input.decision, released };
  });
}
