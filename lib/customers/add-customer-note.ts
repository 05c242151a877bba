import { z } from "zod";
import { assertCan, type Actor } from "../access/actor";
import { recordAudit } from "../audit/record-audit";
import { withTx, type Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { orderScope } from "../access/scope";
import { customerScope } from "./customer-scope";
import { NOTE_CHANNELS } from "./note-channels";

export const AddNoteInput = z.object({
  customerId: z.string().min(1).max(64),
  channel: z.enum(NOTE_CHANNELS),
  body: z.string().trim().min(2).max(2000),
  /** The order the contact was about; default: the customer's latest order the author may see. */
  orderId: z.string().min(1).max(64).optional(),
});
export type AddNoteInput = z.infer<typeof AddNoteInput>;

/**
 * Records one customer-service contact (an inquiry, counted by the CS KPIs), tied to one of the
 * customer's orders in the author's scope, so agents of other shops do not see it.
 */
export async function addCustomerNote(db: Db, actor: Actor, input: AddNoteInput) {
  assertCan(actor, "customer.view");
  return withTx(db, async (tx) => {
    const c = await tx.customer.findFirst({ where: { AND: [{ id: input.customerId }, customerScope(actor)] }, select: { id: true } });
    if (!c) throw new AppError("CUSTOMER_NOT_FOUND");
    const order = await tx.order.findFirst({
      where: { AND: [{ customerId: c.id }, orderScope(actor), input.orderId ? { id: input.orderId } : {}] },
      orderBy: { placedAt: "desc" },
      select: { id: true },
    });
    if (input.orderId && !order) throw new AppError("ORDER_NOT_FOUND");
    const note = await tx.customerNote.create({
      data: { customerId: c.id, channel: input.channel, body: input.body, authorId: actor.id, authorName: actor.displayName, orderId: order?.id ?? null },
      select: { id: true },
    });
    await recordAudit(tx, actor, { action: "customer.note", entityType: "customer", entityId: c.id, detail: { noteId: note.id, channel: input.channel, orderId: order?.id ?? null } });
    return note;
  });
}
