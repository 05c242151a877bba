import { assertCan, can, type Actor } from "../access/actor";
import { orderScope } from "../access/scope";
import { loadUnmaskState, maskedFieldsOf, maskFieldWithGrants } from "../access/unmask-grants";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { customerScope } from "./customer-scope";
import { listProposals } from "./list-proposals";

const ORDERS_SHOWN = 200;
/** Order states that need someone's attention: shown with the open workbench exceptions as 未结异常. */
const EXCEPTION_STATUSES = new Set(["NEEDS_REVIEW", "ON_HOLD", "AFTER_SALE"]);

/** The customer-service view of one customer, masked and scoped for the actor. */
export async function getCustomerView(db: Db, actor: Actor, customerId: string) {
  assertCan(actor, "customer.view");
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(customerId)) throw new AppError("CUSTOMER_NOT_FOUND");
  const c = await db.customer.findFirst({
    where: { AND: [{ id: customerId }, customerScope(actor)] },
    select: { id: true, displayName: true, phone: true, createdAt: true, mergedIntoId: true },
  });
  if (!c) throw new AppError("CUSTOMER_NOT_FOUND");
  const seesAddress = can(actor, "order.viewAddress");
  const merger = can(actor, "customer.merge");
  // A scoped actor sees only what came from orders in scope: evidence collected from them, notes about
  // them, their exceptions. Everyone else sees the whole record.
  const scopedOrderIds = actor.rowScope === "ALL"
    ? null
    : (await db.order.findMany({ where: { AND: [{ customerId: c.id }, orderScope(actor)] }, select: { id: true } })).map((o) => o.id);
  const [orders, identities, notes, merges, proposals, exceptions, stored] = await Promise.all([
    db.order.findMany({
      where: { AND: [{ customerId: c.id }, orderScope(actor)] },
      select: { id: true, orderNo: true, channelId: true, status: true, paidFen: true, refundedFen: true, placedAt: true, receiverName: true, receiverPhone: true, channel: { select: { name: true } } },
      orderBy: { placedAt: "desc" },
      take: ORDERS_SHOWN,
    }),
    db.customerIdentity.groupBy({
      by: ["kind", "display"],
      where: { customerId: c.id, ...(scopedOrderIds ? { sourceOrderId: { in: scopedOrderIds } } : {}) },
      _count: { _all: true },
      orderBy: { kind: "asc" },
    }),
    db.customerNote.findMany({
      where: { customerId: c.id, ...(scopedOrderIds ? { orderId: { in: scopedOrderIds } } : {}) },
      orderBy: { createdAt: "desc" },
      take: 100,
      select: { id: true, channel: true, body: true, authorName: true, createdAt: true, orderId: true },
    }),
    // The merge history and proposals are the merge tool's: records a scoped agent may not open.
    merger
      ? db.customerMerge.findMany({ where: { OR: [{ survivorId: c.id }, { mergedId: c.id }] }, orderBy: { mergedAt: "desc" }, select: { id: true, survivorId: true, mergedId: true, movedOrderIds: true, mergedAt: true, unmergedAt: true } })
      : [],
    merger ? listProposals(db, actor, { customerId: c.id }) : [],
    db.orderException.findMany({
      where: { status: { in: ["OPEN", "CLAIMED"] }, order: { is: { AND: [{ customerId: c.id }, orderScope(actor)] } } },
      select: { id: true, ruleCode: true, openedAt: true, order: { select: { id: true, orderNo: true } } },
      orderBy: { openedAt: "desc" },
      take: 100,
    }),
    db.customerTagSet.findUnique({ where: { customerId: c.id } }),
  ]);
  const openExceptions = [
    ...exceptions.map((e) => ({ key: e.id, orderId: e.order!.id, orderNo: e.order!.orderNo, kind: e.ruleCode, since: e.openedAt })),
    ...orders.filter((o) => EXCEPTION_STATUSES.has(o.status)).map((o) => ({ key: `status-${o.id}`, orderId: o.id, orderNo: o.orderNo, kind: o.status as string, since: o.placedAt })),
  ];
  const orderNoOf = new Map(orders.map((o) => [o.id, o.orderNo]));
  const missingNoteOrders = notes.flatMap((n) => (n.orderId && !orderNoOf.has(n.orderId) ? [n.orderId] : []));
  if (missingNoteOrders.length) {
    for (const o of await db.order.findMany({ where: { id: { in: missingNoteOrders } }, select: { id: true, orderNo: true } })) orderNoOf.set(o.id, o.orderNo);
  }
  const others = await db.customer.findMany({ where: { id: { in: merges.flatMap((m) => [m.survivorId, m.mergedId]) } }, select: { id: true, displayName: true } });
  const nameOf = new Map(others.map((o) => [o.id, o.displayName]));
  await recordAudit(db, actor, { action: "customer.view", entityType: "customer", entityId: c.id });
  // 临时权限 on this customer: its phone (own and in its order list) in full while a grant lasts, each view audited.
  const unmask = await loadUnmaskState(db, actor, "customer", c.id);
  const maskField = maskFieldWithGrants.bind(null, actor, unmask);
  const phones = seesAddress ? { phone: c.phone ?? orders.find((o) => o.receiverPhone)?.receiverPhone } : {};
  if (phones.phone && unmask.granted.has("phone")) {
    await recordAudit(db, actor, { action: "unmask.view", entityType: "customer", entityId: c.id, detail: { customer: c.displayName, fields: ["phone"] } });
  }
  return {
    id: c.id,
    displayName: c.displayName,
    phone: seesAddress ? maskField("phone", c.phone) : null,
    createdAt: c.createdAt,
    mergedIntoId: c.mergedIntoId,
    unmask: {
      masked: maskedFieldsOf(actor, unmask, phones),
      pending: [...unmask.pending],
      granted: [...unmask.granted].map(([field, expiresAt]) => ({ field, expiresAt })),
    },
    tags: stored
      ? {
          tags: stored.tags,
          computedAt: stored.computedAt,
          // The figures sum every channel: only for those who see every channel's orders.
          figures: actor.rowScope === "ALL"
            ? { paidOrders: stored.paidOrders, recentOrders: stored.recentOrders, returnedOrders: stored.returnedOrders, paidFen: Number(stored.paidFen), avgOrderFen: stored.avgOrderFen, lastOrderAt: stored.lastOrderAt }
            : null,
        }
      : null,
    openExceptions,
    orders: orders.map((o) => ({
      id: o.id, orderNo: o.orderNo, channelId: o.channelId, channelName: o.channel.name, status: o.status,
      paidFen: o.paidFen, refundedFen: o.refundedFen, placedAt: o.placedAt,
      receiverName: seesAddress ? o.receiverName : null,
      receiverPhone: seesAddress ? maskField("phone", o.receiverPhone) : null,
    })),
    identities: identities.map((i) => ({ kind: i.kind, display: i.display, orders: i._count._all })),
    notes: notes.map((n) => ({ ...n, orderNo: n.orderId ? (orderNoOf.get(n.orderId) ?? null) : null })),
    merges: merges.map((m) => ({ id: m.id, survivorId: m.survivorId, survivorName: nameOf.get(m.survivorId) ?? "", mergedId: m.mergedId, mergedName: nameOf.get(m.mergedId) ?? "", orders: m.movedOrderIds.length, mergedAt: m.mergedAt, unmergedAt: m.unmergedAt })),
    proposals,
  };
}
export type CustomerView = Awaited<ReturnType<typeof getCustomerView>>;
