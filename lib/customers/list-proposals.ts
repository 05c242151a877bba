import { assertCan, type Actor } from "../access/actor";
import { maskField } from "../access/mask";
import type { Db } from "../db/client";
import { customerScope } from "./customer-scope";
import type { ProposalEvidence } from "./propose-merges";

/** Open merge proposals (highest score first) between two unmerged customers the actor may see; for those who may merge. */
export async function listProposals(db: Db, actor: Actor, opts: { customerId?: string; take?: number } = {}) {
  assertCan(actor, "customer.merge");
  const rows = await db.customerMergeProposal.findMany({
    where: { status: "OPEN", ...(opts.customerId ? { OR: [{ customerAId: opts.customerId }, { customerBId: opts.customerId }] } : {}) },
    orderBy: [{ score: "desc" }, { createdAt: "asc" }],
    take: (opts.take ?? 50) * 2, // some drop out below (merged elsewhere, out of scope)
  });
  const ids = [...new Set(rows.flatMap((r) => [r.customerAId, r.customerBId]))];
  const customers = await db.customer.findMany({
    where: { AND: [{ id: { in: ids } }, { mergedIntoId: null }, customerScope(actor)] },
    select: { id: true, displayName: true, phone: true, _count: { select: { orders: true } } },
  });
  const byId = new Map(customers.map((c) => [c.id, { id: c.id, displayName: c.displayName, phone: maskField(actor, "phone", c.phone), orders: c._count.orders }]));
  return rows
    .filter((r) => byId.has(r.customerAId) && byId.has(r.customerBId))
    .slice(0, opts.take ?? 50)
    .map((r) => ({ id: r.id, score: r.score / 1000, evidence: r.evidence as unknown as ProposalEvidence[], a: byId.get(r.customerAId)!, b: byId.get(r.customerBId)! }));
}
export type ProposalRow = Awaited<ReturnType<typeof listProposals>>[number];

/** Recent merges (for undoing one from the 客户 page). */
export async function listRecentMerges(db: Db, actor: Actor, take = 20) {
  assertCan(actor, "customer.merge");
  const merges = await db.customerMerge.findMany({ orderBy: { mergedAt: "desc" }, take });
  const names = await db.customer.findMany({ where: { id: { in: merges.flatMap((m) => [m.survivorId, m.mergedId]) } }, select: { id: true, displayName: true } });
  const name = new Map(names.map((n) => [n.id, n.displayName]));
  return merges.map((m) => ({ id: m.id, survivorId: m.survivorId, survivorName: name.get(m.survivorId) ?? "", mergedId: m.mergedId, mergedName: name.get(m.mergedId) ?? "", orders: m.movedOrderIds.length, mergedAt: m.mergedAt, unmergedAt: m.unmergedAt }));
}
