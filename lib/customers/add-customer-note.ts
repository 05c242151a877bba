import { z } from "zod";
import { assertCan, type Actor } from "../access/actor";
import { recordAudit } from "../audit/record-audit";
import { withTx, type Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { customerScope } from "./customer-scope";
import { NOTE_CHANNELS } from "./note-channels";

export const AddNoteInput = z.object({
  customerId: z.string().min(1).max(64),
  channel: z.enum(NOTE_CHANNELS),
  body: z.string().trim().min(2).max(2000),
});
export type AddNoteInput = z.infer<typeof AddNoteInput>;

/** Records one customer-service contact (an inquiry, counted by the CS KPIs). */
export async function addCustomerNote(db: Db, actor: Actor, input: AddNoteInput) {
  assertCan(actor, "customer.view");
  return withTx(db, async (tx) => {
    const c = await tx.customer.findFirst({ where: { AND: [{ id: input.customerId }, customerScope(actor)] }, select: { id: true } });
    if (!c) throw new AppError("CUSTOMER_NOT_FOUND");
    const note = await tx.customerNote.create({
      data: { customerId: c.id, channel: input.channel, body: input.body, authorId: actor.id, authorName: actor.displayName },
      select: { id: true },
    });
    await recordAudit(tx, actor, { action: "customer.note", entityType: "customer", entityId: c.id, detail: { noteId: note.id, channel: input.channel } });
    return note;
  });
}
