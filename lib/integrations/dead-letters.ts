import type { Actor } from "../access/actor";
import { assertCan } from "../access/actor";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/prisma/client";
import { AppError } from "../errors/app-error";
import { inTransaction } from "../lifecycle/run-transition";
import { enqueueOutboxEvent } from "../outbox/enqueue-outbox-event";
import { RERUN_EVENT } from "../outbox/dispatch-outbox";
import { raiseAlert } from "./alerts";

/** Called when an integration job used up its retries: a dead letter to re-run and an alert for people. */
export async function recordDeadLetter(db: Db, input: { queue: string; jobId?: string; payload: unknown; error: unknown }) {
  const lastError = String((input.error as Error)?.message ?? input.error).slice(0, 1000);
  const row = await db.integrationDeadLetter.create({
    data: { queue: input.queue, jobId: input.jobId ?? null, payload: (input.payload ?? {}) as Prisma.InputJsonValue, lastError },
    select: { id: true },
  });
  const orderId = typeof (input.payload as { orderId?: unknown })?.orderId === "string" ? (input.payload as { orderId: string }).orderId : null;
  await raiseAlert(db, "INTEGRATION_GAVE_UP", row.id, { orderId, detail: { queue: input.queue, lastError } });
  return row;
}

export async function listDeadLetters(db: Db, actor: Actor, opts: { take?: number } = {}) {
  assertCan(actor, "integration.manage");
  return db.integrationDeadLetter.findMany({
    where: { rerunAt: null },
    orderBy: { failedAt: "desc" },
    take: Math.min(opts.take ?? 50, 200),
  });
}

/** One-click re-run: the job goes back to its queue through the outbox (so the web tier needs no queue client). */
export async function rerunDeadLetter(db: Db, actor: Actor, id: string) {
  assertCan(actor, "integration.manage");
  return inTransaction(db, async (tx) => {
    const dl = await tx.integrationDeadLetter.findUnique({ where: { id } });
    if (!dl || dl.rerunAt) throw new AppError("DEAD_LETTER_NOT_FOUND");
    const { count } = await tx.integrationDeadLetter.updateMany({ where: { id, rerunAt: null }, data: { rerunAt: new Date(), rerunBy: actor.displayName } });
    if (count === 0) throw new AppError("DEAD_LETTER_NOT_FOUND");
    await enqueueOutboxEvent(tx, RERUN_EVENT, null, { queue: dl.queue, data: dl.payload as Prisma.InputJsonValue, deadLetterId: id });
    await tx.orderAlert.updateMany({ where: { alertKey: `INTEGRATION_GAVE_UP:${id}`, resolvedAt: null }, data: { resolvedAt: new Date() } });
    await recordAudit(tx, { id: actor.id, displayName: actor.displayName }, { action: "integration.rerun", entityType: "dead_letter", entityId: id, detail: { queue: dl.queue } });
    return { id, queue: dl.queue };
  });
}
