import type { Actor } from "../access/actor";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";

/** The kinds of entry in an exception's history (备注留痕). */
export type ExceptionEventKind = "CLAIMED" | "ASSIGNED" | "NOTE" | "FIX" | "RESOLVED" | "AUTO_CLOSED";

/** Appends one history entry; every entry by a person marks the exception as one that needed a person. */
export async function addExceptionEvent(tx: Db, actor: Actor, exceptionId: string, kind: ExceptionEventKind, body: string | null, targetId: string | null = null) {
  await tx.exceptionEvent.create({ data: { exceptionId, kind, body, actorId: actor.id, actorName: actor.displayName, targetId } });
  await tx.orderException.update({ where: { id: exceptionId }, data: { neededPerson: true } });
}

/**
 * Closes an open exception by a person's decision. The dedupe key stays, so the same cause does not
 * come back after someone decided on it (an auto-close clears it: the cause went away).
 */
export async function closeByPerson(tx: Db, actor: Actor, exceptionId: string, resolutionCode: string, note: string | null) {
  const { count } = await tx.orderException.updateMany({
    where: { id: exceptionId, status: { in: ["OPEN", "CLAIMED"] } },
    data: { status: "RESOLVED", resolutionCode, closedAt: new Date(), closedById: actor.id, neededPerson: true },
  });
  if (count === 0) throw new AppError("EXCEPTION_CLOSED");
  await addExceptionEvent(tx, actor, exceptionId, "RESOLVED", note ? `${resolutionCode}: ${note}` : resolutionCode);
}
