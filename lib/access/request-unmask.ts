import { z } from "zod";
import { recordAudit } from "../audit/record-audit";
import { customerScope } from "../customers/customer-scope";
import { withTx, type Db } from "../db/client";
import type { Prisma } from "../db/generated/prisma/client";
import { AppError } from "../errors/app-error";
import { assertCan, can, type Actor } from "./actor";
import { SENSITIVE_FIELDS, type SensitiveField } from "./roles";
import { orderScope } from "./scope";
import { UNMASK_ENTITY_FIELDS, UNMASK_ENTITY_TYPES, type UnmaskEntityType } from "./unmask-grants";

export const RequestUnmaskInput = z.object({
  entityType: z.enum(UNMASK_ENTITY_TYPES),
  entityId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  field: z.enum(SENSITIVE_FIELDS),
  reason: z.string().trim().min(4).max(500),
});
export type RequestUnmaskInput = z.infer<typeof RequestUnmaskInput>;

// Receiver phone and street address are only there for roles that see the receiver at all.
const NEEDS_ADDRESS: ReadonlySet<SensitiveField> = new Set(["phone", "addressDetail"]);

// Out of scope = not found: nobody learns that the record exists. The label is what approvers read.
async function findInScope(tx: Prisma.TransactionClient, actor: Actor, entityType: UnmaskEntityType, id: string) {
  if (entityType === "customer") {
    const c = await tx.customer.findFirst({ where: { AND: [{ id }, customerScope(actor)] }, select: { id: true, displayName: true } });
    if (!c) throw new AppError("CUSTOMER_NOT_FOUND");
    return { id: c.id, label: c.displayName, detail: { customer: c.displayName, customerId: c.id } };
  }
  const o = await tx.order.findFirst({ where: { AND: [{ id }, orderScope(actor)] }, select: { id: true, orderNo: true } });
  if (!o) throw new AppError("ORDER_NOT_FOUND");
  return { id: o.id, label: o.orderNo, detail: { order: o.orderNo, orderId: o.id } };
}

/** A user asks to see one field of one order (or one customer) in full, with a reason an approver will read. */
export async function requestUnmask(db: Db, actor: Actor, raw: RequestUnmaskInput) {
  const input = RequestUnmaskInput.parse(raw);
  assertCan(actor, input.entityType === "customer" ? "customer.view" : "order.view");
  if (NEEDS_ADDRESS.has(input.field) && !can(actor, "order.viewAddress")) throw new AppError("FORBIDDEN", { permission: "order.viewAddress" });
  if (!(UNMASK_ENTITY_FIELDS[input.entityType] as readonly string[]).includes(input.field)) throw new AppError("INVALID_INPUT");
  if (actor.unmaskedFields.has(input.field)) throw new AppError("UNMASK_NOT_NEEDED");
  return withTx(db, async (tx) => {
    const record = await findInScope(tx, actor, input.entityType, input.entityId);
    const open = await tx.unmaskRequest.findFirst({
      where: {
        requesterId: actor.id, entityType: input.entityType, entityId: record.id, field: input.field,
        OR: [{ status: "PENDING" }, { status: "APPROVED", expiresAt: { gt: new Date() } }],
      },
      select: { id: true },
    });
    if (open) throw new AppError("UNMASK_DUPLICATE");
    const created = await tx.unmaskRequest.create({
      data: { requesterId: actor.id, entityType: input.entityType, entityId: record.id, entityLabel: record.label, field: input.field, reason: input.reason },
      select: { id: true, status: true },
    });
    await recordAudit(tx, actor, {
      action: "unmask.request", entityType: "unmask_request", entityId: created.id,
      detail: { ...record.detail, field: input.field, reason: input.reason },
    });
    return created;
  });
}

/** The requester withdraws a request that nobody has decided yet. */
export async function cancelUnmask(db: Db, actor: Actor, requestId: string) {
  const id = z.string().min(1).max(64).parse(requestId);
  return withTx(db, async (tx) => {
    const { count } = await tx.unmaskRequest.updateMany({ where: { id, requesterId: actor.id, status: "PENDING" }, data: { status: "CANCELLED" } });
    if (count === 0) throw new AppError("UNMASK_NOT_FOUND");
    await recordAudit(tx, actor, { action: "unmask.cancel", entityType: "unmask_request", entityId: id });
    return { id };
  });
}
