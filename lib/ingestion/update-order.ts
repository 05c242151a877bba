/**
 * A newer snapshot of an order the hub already has (or a duplicate / an older one, which change
 * nothing). The platform's status replaces the hub's only when the platform's own status moved, and
 * never undoes the hub's own progress (pushed to the warehouse, on hold) with a "still paid".
 */
import { SYSTEM_ACTOR_NAME } from "../access/actor";
import type { Prisma } from "../db/client";
import type { OrderStatus } from "../db/generated/prisma/enums";
import { routeOrder } from "../routing/route-order";
import { enqueueOutboxEvent } from "../outbox/enqueue-outbox-event";
import type { NewOrder } from "./create-orders";
import type { IngestResult, IngestSource } from "./ingest-order";
import { keepPlainPii } from "./order-columns";
import { refundedTotal, replaceItems, upsertPayments, upsertRefunds, upsertShipments } from "./write-order-parts";

type Tx = Prisma.TransactionClient;

export interface StoredOrder {
  id: string;
  orderNo: string;
  platformOrderId: string;
  status: OrderStatus;
  platformStatus: string;
  platformModifiedAt: Date;
  receiverName: string;
  receiverPhone: string | null;
  receiverDetail: string;
  buyerNick: string | null;
}

const HUB_AHEAD_OF_PAID: readonly OrderStatus[] = ["PUSHED_TO_WMS", "ON_HOLD"];

export async function updateOrder(tx: Tx, stored: StoredOrder, p: NewOrder, source: IngestSource): Promise<IngestResult> {
  const { order, cols, rawPayload } = p;
  const same = { orderId: stored.id, orderNo: stored.orderNo, status: stored.status };
  const storedAt = stored.platformModifiedAt.getTime();
  const incomingAt = order.platformModifiedAt.getTime();
  if (incomingAt < storedAt) return { outcome: "STALE", ...same };
  if (incomingAt === storedAt) return { outcome: "UNCHANGED", ...same };

  let status = stored.status;
  if (order.platformStatus !== stored.platformStatus && !(order.status === "PAID" && HUB_AHEAD_OF_PAID.includes(stored.status))) status = order.status;
  await tx.order.update({ where: { id: stored.id }, data: { ...keepPlainPii(cols, stored), status, rawPayload, version: { increment: 1 } } });
  await replaceItems(tx, stored.id, order, false);
  await upsertPayments(tx, stored.id, order);
  await upsertRefunds(tx, stored.id, order);
  await upsertShipments(tx, stored.id, order);
  await tx.order.update({ where: { id: stored.id }, data: { refundedFen: await refundedTotal(tx, stored.id) } });
  if (status !== stored.status) {
    await tx.orderStatusLog.create({
      data: { orderId: stored.id, fromStatus: stored.status, toStatus: status, action: "ingest.platformUpdate", actorName: SYSTEM_ACTOR_NAME, source, reason: order.reviewReason ?? `平台状态 ${order.platformStatus}` },
    });
  } else {
    // No status-log row for an update that leaves the status alone (amounts, refunds, address,
    // routing): this event is how readers of changed orders (the dashboard rollups) hear of it.
    await enqueueOutboxEvent(tx, "ORDER_UPDATED", stored.id, { orderNo: stored.orderNo, status, source });
  }
  // Paid now (first seen unpaid, or unrouted for lack of stock before): route it.
  if (status === "PAID") await routeOrder(tx, stored.id);
  return { outcome: "UPDATED", ...same, status };
}
