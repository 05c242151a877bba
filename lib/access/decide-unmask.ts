import { z } from "zod";
import { recordAudit } from "../audit/record-audit";
import { withTx, type Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { assertCan, type Actor } from "./actor";
import { UNMASK_DEFAULT_MINUTES, UNMASK_DURATIONS_MIN } from "./unmask-grants";

export const DecideUnmaskInput = z.discriminatedUnion("decision", [
  z.object({
    id: z.string().min(1).max(64),
    decision: z.literal("APPROVED"),
    minutes: z.number().int().refine((m) => (UNMASK_DURATIONS_MIN as readonly number[]).includes(m)).default(UNMASK_DEFAULT_MINUTES),
    note: z.string().trim().max(500).optional(),
  }),
  z.object({ id: z.string().min(1).max(64), decision: z.literal("REFUSED"), note: z.string().trim().max(500).optional() }),
]);
export type DecideUnmaskInput = z.input<typeof DecideUnmaskInput>;

/** An approver grants (for a chosen time) or refuses a pending request; never their own (four eyes). */
export async function decideUnmask(db: Db, actor: Actor, raw: DecideUnmaskInput, now = new Date()) {
  assertCan(actor, "unmask.approve");
  const input = DecideUnmaskInput.parse(raw);
  return withTx(db, async (tx) => {
    const req = await tx.unmaskRequest.findUnique({ where: { id: input.id }, select: { id: true, status: true, requesterId: true, entityType: true, entityLabel: true, field: true } });
    if (!req) throw new AppError("UNMASK_NOT_FOUND");
    if (req.requesterId === actor.id) throw new AppError("UNMASK_SELF_APPROVAL");
    if (req.status !== "PENDING") throw new AppError("CONFLICT");
    const expiresAt = input.decision === "APPROVED" ? new Date(now.getTime() + input.minutes * 60_000) : null;
    const { count } = await tx.unmaskRequest.updateMany({
      where: { id: req.id, status: "PENDING" }, // another approver may have been quicker
      data: { status: input.decision, decidedById: actor.id, decidedAt: now, decisionNote: input.note || null, expiresAt },
    });
    if (count === 0) throw new AppError("CONFLICT");
    await recordAudit(tx, actor, {
      action: input.decision === "APPROVED" ? "unmask.approve" : "unmask.refuse",
      entityType: "unmask_request",
      entityId: req.id,
      detail: {
        [req.entityType === "customer" ? "customer" : "order"]: req.entityLabel, field: req.field, requesterId: req.requesterId,
        before: { status: "PENDING" }, after: { status: input.decision, expiresAt: expiresAt?.toISOString() ?? null },
      },
    });
    return { id: req.id, status: input.decision, expiresAt };
  });
}
