import type { Prisma } from "../db/generated/prisma/client";

/**
 * Event types the hub publishes (SPEC §2). ORDER_CREATED is for ingestion to write when it inserts an
 * order; ORDER_UPDATED when a newer platform snapshot changes an order but not its status.
 */
export const OUTBOX_EVENT_TYPES = [
  "ORDER_CREATED", "ORDER_PAID", "ORDER_PUSHED", "ORDER_SHIPPED", "ORDER_DELIVERED", "ORDER_COMPLETED",
  "ORDER_CANCELLED", "ORDER_HELD", "ORDER_RELEASED", "REFUND_REQUESTED", "REFUND_COMPLETED", "REFUND_FAILED", "ORDER_FLAGGED",
  "ORDER_UPDATED",
] as const;

/**
 * Writes an event into the outbox. Call it with the transaction that changes the order: the event
 * exists exactly when the change does; the dispatcher (lib/outbox/dispatch-outbox.ts) publishes it.
 */
export async function enqueueOutboxEvent(tx: Prisma.TransactionClient, eventType: string, orderId: string | null, payload: Record<string, unknown>) {
  return tx.outboxEvent.create({ data: { eventType, orderId, payload: payload as Prisma.InputJsonValue }, select: { id: true } });
}
