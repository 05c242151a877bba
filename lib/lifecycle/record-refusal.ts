import type { Db } from "../db/client";
import type { OrderStatus } from "../db/generated/prisma/enums";
import { actorIdentity, type ActionContext } from "./order-actor";

/**
 * Keeps a refused status change (ILLEGAL_TRANSITION) for the status-health page. Written after the
 * refused transaction rolled back; losing one must never turn the refusal into another error.
 */
export async function recordRefusal(db: Db, input: { orderId: string; action: string; from: OrderStatus; code: string; ctx: ActionContext }): Promise<void> {
  const who = actorIdentity(input.ctx.by);
  await db.transitionRefusal
    .create({ data: { orderId: input.orderId, action: input.action, fromStatus: input.from, code: input.code, actorId: who.id, actorName: who.displayName, source: input.ctx.source } })
    .catch(() => undefined);
}
