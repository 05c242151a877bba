import { z } from "zod";
import { assertCan, type Actor } from "../access/actor";
import { recordAudit } from "../audit/record-audit";
import { withTx, type Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { customerScope } from "./customer-scope";
import { recomputeCustomerTags } from "./customer-tags";

export const MergeInput = z.object({ proposalId: z.string().min(1).max(64) });
export type MergeInput = z.infer<typeof MergeInput>;

/**
 * Merges a proposal's newer customer (B) into the older one (A). Both records stay; B points at A,
 * and the merge row lists exactly which orders, identities and notes moved, for an exact unmerge.
 */
export async function mergeCustomers(db: Db, actor: Actor, input: MergeInput) {
  assertCan(actor, "customer.merge");
  return withTx(db, async (tx) => {
    const p = await tx.customerMergeProposal.findUnique({ where: { id: input.proposalId } });
    if (!p) throw new AppError("CUSTOMER_NOT_FOUND");
    const visible = await tx.customer.count({ where: { AND: [{ id: { in: [p.customerAId, p.customerBId] } }, { mergedIntoId: null }, customerScope(actor)] } });
    if (visible !== 2) throw new AppError(p.status === "OPEN" ? "CUSTOMER_ALREADY_MERGED" : "CONFLICT");
    const { count } = await tx.customerMergeProposal.updateMany({ where: { id: p.id, status: "OPEN" }, data: { status: "MERGED" } });
    if (count === 0) throw new AppError("CONFLICT");
    const survivorId = p.customerAId;
    const mergedId = p.customerBId;
    const [orders, identities, notes] = await Promise.all([
      tx.order.findMany({ where: { customerId: mergedId }, select: { id: true } }),
      tx.customerIdentity.findMany({ where: { customerId: mergedId }, select: { id: true } }),
      tx.customerNote.findMany({ where: { customerId: mergedId }, select: { id: true } }),
    ]);
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
    await tx.order.updateMany({ where: { id: { in: ids(orders) } }, data: { customerId: survivorId } });
    await tx.customerIdentity.updateMany({ where: { id: { in: ids(identities) } }, data: { customerId: survivorId } });
    await tx.customerNote.updateMany({ where: { id: { in: ids(notes) } }, data: { customerId: survivorId } });
    await tx.customer.update({ where: { id: mergedId }, data: { mergedIntoId: survivorId } });
    const merge = await tx.customerMerge.create({
      data: { survivorId, mergedId, proposalId: p.id, movedOrderIds: ids(orders), movedIdentityIds: ids(identities), movedNoteIds: ids(notes), mergedById: actor.id },
    });
    await recomputeCustomerTags(tx, { customerIds: [survivorId, mergedId] });
    await recordAudit(tx, actor, {
      action: "customer.merge", entityType: "customer", entityId: survivorId,
      detail: { mergeId: merge.id, mergedId, proposalId: p.id, score: p.score, orders: orders.length },
    });
    return { mergeId: merge.id, survivorId, mergedId };
  });
}

export const UnmergeInput = z.object({ mergeId: z.string().min(1).max(64) });
export type UnmergeInput = z.infer<typeof UnmergeInput>;

/** Undoes a merge exactly: the moved orders, identities and notes go back; the proposal is rejected. */
export async function unmergeCustomers(db: Db, actor: Actor, input: UnmergeInput) {
  assertCan(actor, "customer.merge");
  return withTx(db, async (tx) => {
    const m = await tx.customerMerge.findUnique({ where: { id: input.mergeId } });
    if (!m || m.unmergedAt) throw new AppError("CUSTOMER_MERGE_NOT_FOUND");
    const survivor = await tx.customer.findFirst({ where: { AND: [{ id: m.survivorId }, customerScope(actor)] }, select: { mergedIntoId: true } });
    if (!survivor) throw new AppError("CUSTOMER_MERGE_NOT_FOUND");
    // The survivor was itself merged since: undo that merge first, so nothing moves twice.
    if (survivor.mergedIntoId) throw new AppError("CUSTOMER_ALREADY_MERGED");
    const { count } = await tx.customerMerge.updateMany({ where: { id: m.id, unmergedAt: null }, data: { unmergedAt: new Date(), unmergedById: actor.id } });
    if (count === 0) throw new AppError("CONFLICT");
    await tx.order.updateMany({ where: { id: { in: m.movedOrderIds }, customerId: m.survivorId }, data: { customerId: m.mergedId } });
    await tx.customerIdentity.updateMany({ where: { id: { in: m.movedIdentityIds }, customerId: m.survivorId }, data: { customerId: m.mergedId } });
    await tx.customerNote.updateMany({ where: { id: { in: m.movedNoteIds }, customerId: m.survivorId }, data: { customerId: m.mergedId } });
    await tx.customer.update({ where: { id: m.mergedId }, data: { mergedIntoId: null } });
    if (m.proposalId) await tx.customerMergeProposal.updateMany({ where: { id: m.proposalId }, data: { status: "REJECTED" } });
    await recomputeCustomerTags(tx, { customerIds: [m.survivorId, m.mergedId] });
    await recordAudit(tx, actor, { action: "customer.unmerge", entityType: "customer", entityId: m.survivorId, detail: { mergeId: m.id, mergedId: m.mergedId, orders: m.movedOrderIds.length } });
    return { mergeId: m.id, survivorId: m.survivorId, mergedId: m.mergedId };
  });
}

export const RejectInput = MergeInput;

/** Marks a proposal as not the same person; it is never proposed again. */
export async function rejectProposal(db: Db, actor: Actor, input: MergeInput) {
  assertCan(actor, "customer.merge");
  return withTx(db, async (tx) => {
    const { count } = await tx.customerMergeProposal.updateMany({ where: { id: input.proposalId, status: "OPEN" }, data: { status: "REJECTED" } });
    if (count === 0) throw new AppError("CONFLICT");
    await recordAudit(tx, actor, { action: "customer.rejectProposal", entityType: "customerMergeProposal", entityId: input.proposalId });
    return { proposalId: input.proposalId };
  });
}
