import { z } from "zod";
import { assertCan, type Actor } from "../access/actor";
import { orderScope } from "../access/scope";
import { recordAudit } from "../audit/record-audit";
import type { DbClient } from "../db/client";
import type { Prisma } from "../db/generated/prisma/client";
import { AppError } from "../errors/app-error";
import { loadActor } from "../users/load-actor";
import { performOrderAction } from "../lifecycle/perform-order-action";
import { inTransaction } from "../lifecycle/run-transition";
import { RERUN_EVENT } from "../outbox/dispatch-outbox";
import { enqueueOutboxEvent } from "../outbox/enqueue-outbox-event";
import { assertPushApproved } from "./approvals";
import { addExceptionEvent, closeByPerson } from "./exception-history";
import { isApprovalRule, OPEN_STATUSES, RESOLUTION_CODES } from "./rules";

/** Row scope on exceptions: through their order; exceptions without one (stock) only for all-orders roles. */
export function exceptionScope(actor: Actor): Prisma.OrderExceptionWhereInput {
  return actor.rowScope === "ALL" ? {} : { order: { is: orderScope(actor) } };
}

const id = z.string().min(1).max(64);
const ids = z.array(id).min(1).max(200);
const note = z.string().trim().min(1).max(1000);

export const ClaimInput = z.object({ ids });
export const AssignInput = z.object({ ids, assigneeId: id, note });
export const NoteInput = z.object({ exceptionId: id, note });
export const ResolveInput = z.object({ ids, resolutionCode: z.enum(RESOLUTION_CODES), note: z.string().trim().max(1000).optional() });
export const FixInput = z.object({
  exceptionId: id,
  fix: z.enum(["repush", "hold", "release", "cancel", "addressCorrected"]),
  idempotencyKey: z.string().min(8).max(200),
  reason: z.string().trim().max(500).optional(),
});

/**
 * Locks the exceptions for one change, then reads them (in the caller's scope) — in that order, so a
 * concurrent change waits and is then judged on what the first one left. Any missing one fails the
 * whole batch.
 */
async function lockInScope(tx: Prisma.TransactionClient, actor: Actor, exceptionIds: string[]) {
  await tx.$executeRaw`SELECT 1 FROM order_exceptions WHERE id = ANY(${exceptionIds}::text[]) ORDER BY id FOR UPDATE`;
  const rows = await tx.orderException.findMany({
    where: { AND: [{ id: { in: exceptionIds } }, exceptionScope(actor)] },
    select: { id: true, status: true, assigneeId: true, orderId: true, ruleCode: true },
  });
  if (rows.length !== new Set(exceptionIds).size) throw new AppError("EXCEPTION_NOT_FOUND");
  return rows;
}

const isOpen = (s: string) => (OPEN_STATUSES as readonly string[]).includes(s);

/** 认领: takes open exceptions; one already claimed by someone else is refused (transfer it instead). */
export async function claimExceptions(db: DbClient, actor: Actor, input: z.infer<typeof ClaimInput>) {
  assertCan(actor, "exception.handle");
  return inTransaction(db, async (tx) => {
    const rows = await lockInScope(tx, actor, input.ids);
    for (const r of rows) {
      if (!isOpen(r.status)) throw new AppError("EXCEPTION_CLOSED");
      if (r.status === "CLAIMED" && r.assigneeId !== actor.id) throw new AppError("EXCEPTION_ALREADY_CLAIMED");
    }
    const now = new Date();
    await tx.orderException.updateMany({ where: { id: { in: input.ids } }, data: { status: "CLAIMED", assigneeId: actor.id, claimedAt: now } });
    for (const r of rows) await addExceptionEvent(tx, actor, r.id, "CLAIMED", null, actor.id);
    await recordAudit(tx, actor, { action: "exception.claim", entityType: "order_exception", entityId: input.ids.join(","), detail: { count: rows.length } });
    return { claimed: rows.length };
  });
}

/**
 * 转交: hands open exceptions to a person who may handle them, with a required note. The person must
 * also see every one of them (their own row scope, as the workbench shows it to them): a CS agent is
 * never handed an exception of a shop they cannot open.
 */
export async function assignExceptions(db: DbClient, actor: Actor, input: z.infer<typeof AssignInput>) {
  assertCan(actor, "exception.handle");
  const target = await loadActor(db, input.assigneeId);
  if (!target || !target.permissions.has("exception.handle")) throw new AppError("ASSIGNEE_INVALID");
  return inTransaction(db, async (tx) => {
    const rows = await lockInScope(tx, actor, input.ids);
    if (rows.some((r) => !isOpen(r.status))) throw new AppError("EXCEPTION_CLOSED");
    // A handler's workbench shows exactly exceptionScope (the approvals-only limit is for non-handlers).
    const visible = await tx.orderException.findMany({ where: { AND: [{ id: { in: input.ids } }, exceptionScope(target)] }, select: { id: true } });
    if (visible.length !== rows.length) throw new AppError("ASSIGNEE_INVALID", { outOfScope: rows.length - visible.length });
    await tx.orderException.updateMany({ where: { id: { in: input.ids } }, data: { status: "CLAIMED", assigneeId: target.id, claimedAt: new Date() } });
    for (const r of rows) await addExceptionEvent(tx, actor, r.id, "ASSIGNED", input.note, target.id);
    await recordAudit(tx, actor, {
      action: "exception.assign", entityType: "order_exception", entityId: input.ids.join(","),
      detail: { to: target.displayName, toId: target.id, note: input.note, before: rows.map((r) => ({ id: r.id, assigneeId: r.assigneeId })) },
    });
    return { assigned: rows.length, assignee: target.displayName };
  });
}

/** 备注: notes are appended, never edited (备注留痕); allowed on closed exceptions too. */
export async function addExceptionNote(db: DbClient, actor: Actor, input: z.infer<typeof NoteInput>) {
  assertCan(actor, "exception.handle");
  return inTransaction(db, async (tx) => {
    await lockInScope(tx, actor, [input.exceptionId]);
    await addExceptionEvent(tx, actor, input.exceptionId, "NOTE", input.note);
    await recordAudit(tx, actor, { action: "exception.note", entityType: "order_exception", entityId: input.exceptionId, detail: { note: input.note } });
    return { ok: true };
  });
}

/** 处理完成: closes with a required resolution code (approvals are decided through decideApproval). */
export async function resolveExceptions(db: DbClient, actor: Actor, input: z.infer<typeof ResolveInput>) {
  assertCan(actor, "exception.handle");
  if (input.resolutionCode === "APPROVED" || input.resolutionCode === "REFUSED") throw new AppError("INVALID_INPUT", { field: "resolutionCode" });
  return inTransaction(db, async (tx) => {
    const rows = await lockInScope(tx, actor, input.ids);
    if (rows.some((r) => isApprovalRule(r.ruleCode))) throw new AppError("APPROVAL_NEEDS_DECISION");
    for (const r of rows) await closeByPerson(tx, actor, r.id, input.resolutionCode, input.note ?? null);
    await recordAudit(tx, actor, {
      action: "exception.resolve", entityType: "order_exception", entityId: input.ids.join(","),
      detail: { resolutionCode: input.resolutionCode, note: input.note ?? null, count: rows.length },
    });
    return { resolved: rows.length };
  });
}

/**
 * One-click fixes. Order changes go through the lifecycle (status log, outbox, audit, permission and
 * scope checks are its own); re-push sends the order back to the wms-push job through the outbox.
 */
export async function fixException(db: DbClient, actor: Actor, input: z.infer<typeof FixInput>) {
  assertCan(actor, "exception.handle");
  const ex = await db.orderException.findFirst({ where: { AND: [{ id: input.exceptionId }, exceptionScope(actor)] }, select: { id: true, orderId: true, status: true } });
  if (!ex || !ex.orderId) throw new AppError("EXCEPTION_NOT_FOUND");
  const orderId = ex.orderId;
  const base = { orderId, idempotencyKey: input.idempotencyKey, reason: input.reason };
  let result: unknown;
  switch (input.fix) {
    case "hold": result = await performOrderAction(db, actor, { ...base, action: "hold" }); break;
    case "release": result = await performOrderAction(db, actor, { ...base, action: "release" }); break;
    case "cancel": result = await performOrderAction(db, actor, { ...base, action: "cancel" }); break;
    case "repush": result = await repush(db, actor, orderId); break;
    case "addressCorrected":
      result = await resolveExceptions(db, actor, { ids: [ex.id], resolutionCode: "ADDRESS_CORRECTED", note: input.reason });
      break;
  }
  if (input.fix !== "addressCorrected") {
    await inTransaction(db, (tx) => addExceptionEvent(tx, actor, ex.id, "FIX", input.reason ? `${input.fix}: ${input.reason}` : input.fix));
  }
  return { fix: input.fix, result };
}

/** 重推仓库: only a PAID order that passes the approval gate; the push job does the rest. */
async function repush(db: DbClient, actor: Actor, orderId: string) {
  assertCan(actor, "order.ship");
  return inTransaction(db, async (tx) => {
    const order = await tx.order.findFirst({ where: { AND: [{ id: orderId }, orderScope(actor)] }, select: { id: true, orderNo: true, status: true } });
    if (!order) throw new AppError("ORDER_NOT_FOUND");
    if (order.status !== "PAID") throw new AppError("ILLEGAL_TRANSITION", { action: "pushToWms", from: order.status });
    await assertPushApproved(tx, order.id);
    await enqueueOutboxEvent(tx, RERUN_EVENT, order.id, { queue: "wms-push", data: { orderId: order.id } });
    await recordAudit(tx, actor, { action: "order.repush", entityType: "order", entityId: order.id, detail: { orderNo: order.orderNo } });
    return { orderId: order.id, queued: true };
  });
}
