import { z } from "zod";
import { recordAudit } from "../audit/record-audit";
import { withTx, type Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { assertCan, can, type Actor } from "./actor";
import { SENSITIVE_FIELDS, type SensitiveField } from "./roles";
import { orderScope } from "./scope";
import { UNMASK_ENTITY_FIELDS } from "./unmask-grants";

export const RequestUnmaskInput = z.object({
  entityType: z.literal("order"),
  entityId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  field: z.enum(SENSITIVE_FIELDS),
  reason: z.string().trim().min(4).max(500),
});
export type RequestUnmaskInput = z.infer<typeof RequestUnmaskInput>;

// Receiver phone and street address are only there for roles that see the receiver at all.
const NEEDS_ADDRESS: ReadonlySet<SensitiveField> = new Set(["phone", "addressDetail"]);

/** A user asks to see one field of one order in full, with a reason an approver will read. */
export async function requestUnmask(db: Db, actor: Actor, raw: RequestUnmaskInput) {
  const input = RequestUnmaskInput.parse(raw);
  assertCan(actor, "order.view");
  if (NEEDS_ADDRESS.has(input.field) && !can(actor, "order.viewAddress")) throw new AppError("FORBIDDEN", { permission: "order.viewAddress" });
  if (!(UNMASK_ENTITY_FIELDS[input.entityType] as readonly string[]).includes(input.field)) throw new AppError("INVALID_INPUT");
  if (actor.unmaskedFields.has(input.field)) throw new AppError("UNMASK_NOT_NEEDED");
  return withTx(db, async (tx) => {
    // Out of scope = not found: nobody learns that the order exists.
    const order = await tx.order.findFirst({ where: { AND: [{ id: input.entityId }, orderScope(actor)] }, select: { id: true, orderNo: true } });
    if (!order) throw new AppError("ORDER_NOT_FOUND");
    const open = await tx.unmaskRequest.findFirst({
      where: {
        requesterId: actor.id, entityType: input.entityType, entityId: order.id, field: input.field,
        OR: [{ status: "PENDING" }, { status: "APPROVED", expiresAt: { gt: new Date() } }],
      },
      select: { id: true },
    });
    if (open) throw new AppError("UNMASK_DUPLICATE");
    const created = await tx.unmaskRequest.create({
      data: { requesterId: actor.id, entityType: input.entityType, entityId: order.id, entityLabel: order.orderNo, field: input.field, reason: input.reason },
      select: { id: true, status: true },
    });
    await recordAudit(tx, actor, {
      action: "unmask.request", entityType: "unmask_request", entityId: created.id,
      detail: { order: order.orderNo, orderId: order.id, field: input.field, reason: input.reason },
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
