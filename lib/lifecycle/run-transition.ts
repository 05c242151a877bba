import { assertCan } from "../access/actor";
import { orderScope } from "../access/scope";
import { recordAudit } from "../audit/record-audit";
import type { Db, DbClient } from "../db/client";
import { Prisma } from "../db/generated/prisma/client";
import type { OrderStatus } from "../db/generated/prisma/enums";
import { AppError } from "../errors/app-error";
import { actorIdentity, type ActionContext } from "./order-actor";
import { TRANSITIONS, type OrderAction } from "./transitions";

type Tx = Prisma.TransactionClient;

export interface LockedOrder {
  id: string;
  orderNo: string;
  status: OrderStatus;
  version: number;
  paidFen: number;
  refundedFen: number;
  paidAt: Date | null;
}

export interface TransitionResult {
  orderId: string;
  orderNo: string;
  action: OrderAction;
  from: OrderStatus;
  to: OrderStatus;
  version: number;
  /** True when the idempotency key had been used: this is the first call's answer, nothing was done. */
  replayed: boolean;
  [extra: string]: unknown;
}

/** What an action's own step may add: columns to set on the order, facts for the result and the event. */
export interface ActionEffect {
  orderData?: Prisma.OrderUpdateManyMutationInput;
  extra?: Record<string, unknown>;
  /** Overrides the table's target (completeRefund decides between REFUNDED and restoring). */
  to?: OrderStatus;
}

// Many concurrent requests queue for one order's row lock; Prisma's 2 s/5 s defaults are too short.
const TX_OPTIONS = { maxWait: 60_000, timeout: 60_000 };

export async function inTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if ("$disconnect" in db) return (db as DbClient).$transaction(fn, TX_OPTIONS); // a tx client has $transaction too
  return fn(db as Tx);
}

/** The status the order had before it entered its current status (hold, review, after-sale). */
export async function statusBefore(tx: Tx, order: LockedOrder): Promise<OrderStatus> {
  const entry = await tx.orderStatusLog.findFirst({
    where: { orderId: order.id, toStatus: order.status, fromStatus: { not: null } },
    orderBy: { id: "desc" },
    select: { fromStatus: true },
  });
  const prior = entry?.fromStatus;
  if (prior && prior !== order.status) return prior;
  return order.paidAt ? "PAID" : "PENDING_PAYMENT";
}

/**
 * The one path every status change takes, in one transaction: lock the order row, answer a repeated
 * idempotency key with the first answer, check the transition table, run the action's own step,
 * bump the version, and write the status log, the outbox event, the key and (from the console) the audit.
 */
export async function runTransition(
  db: Db,
  action: OrderAction,
  orderId: string,
  ctx: ActionContext,
  step: (tx: Tx, order: LockedOrder) => Promise<ActionEffect | void> = async () => {},
): Promise<TransitionResult> {
  const rule = TRANSITIONS[action];
  const key = ctx.idempotencyKey.trim();
  if (!key || key.length > 200) throw new AppError("INVALID_INPUT", { field: "idempotencyKey" });
  const reason = ctx.reason?.trim() || null;
  if (rule.reasonRequired && !reason) throw new AppError("REASON_REQUIRED", { action });
  if (ctx.by.kind === "user") assertCan(ctx.by.actor, rule.permission);

  try {
    return await inTransaction(db, async (tx) => {
      // Row lock first: concurrent calls for one order run one after another from here on.
      const locked = await tx.$queryRaw<LockedOrder[]>`
        SELECT id, order_no AS "orderNo", status::text AS status, version, paid_fen AS "paidFen",
               refunded_fen AS "refundedFen", paid_at AS "paidAt"
        FROM orders WHERE id = ${orderId} FOR UPDATE`;
      const order = locked[0];
      if (!order) throw new AppError("ORDER_NOT_FOUND");
      // A separate statement after the lock, so it sees a key committed by the call we waited for.
      const seen = await tx.$queryRaw<{ orderId: string; result: unknown }[]>`
        SELECT order_id AS "orderId", result FROM idempotency_keys WHERE action = ${action} AND key = ${key}`;
      const seenOrderId = seen[0]?.orderId;
      const seenResult = seen[0]?.result;
      if (ctx.by.kind === "user") {
        const visible = await tx.order.count({ where: { AND: [{ id: orderId }, orderScope(ctx.by.actor)] } });
        if (!visible) throw new AppError("ORDER_NOT_FOUND"); // not yours = not found
      }

      if (seenOrderId) {
        if (seenOrderId !== orderId) throw new AppError("IDEMPOTENCY_KEY_REUSED", { action });
        return { ...(seenResult as object), replayed: true } as TransitionResult;
      }
      if (!rule.from.includes(order.status)) throw new AppError("ILLEGAL_TRANSITION", { action, from: order.status });

      const effect = (await step(tx, order)) ?? {};
      const to: OrderStatus = effect.to ?? (rule.to === "RESTORE" || rule.to === "REFUND_OUTCOME" ? await statusBefore(tx, order) : rule.to);
      const { count } = await tx.order.updateMany({
        where: { id: orderId, version: order.version },
        data: { ...effect.orderData, status: to, version: { increment: 1 } },
      });
      if (count === 0) throw new AppError("CONFLICT"); // cannot happen under the lock; kept as the guard

      const who = actorIdentity(ctx.by);
      const result: TransitionResult = {
        orderId, orderNo: order.orderNo, action, from: order.status, to, version: order.version + 1, replayed: false, ...effect.extra,
      };
      const { replayed: _r, ...stored } = result;
      const event = JSON.stringify({ ...result, source: ctx.source, actorName: who.displayName, reason });
      // Status log, outbox event (see lib/outbox/enqueue-outbox-event.ts) and idempotency key in one statement.
      await tx.$executeRaw`
        WITH log AS (
          INSERT INTO order_status_log (order_id, from_status, to_status, action, actor_id, actor_name, source, reason)
          VALUES (${orderId}, ${order.status}::"OrderStatus", ${to}::"OrderStatus", ${action}, ${who.id}, ${who.displayName}, ${ctx.source}::"StatusSource", ${reason})
          RETURNING id
        ), outbox AS (
          INSERT INTO outbox_events (event_type, order_id, payload) VALUES (${rule.event}, ${orderId}, ${event}::jsonb) RETURNING id
        )
        INSERT INTO idempotency_keys (action, key, order_id, result) VALUES (${action}, ${key}, ${orderId}, ${JSON.stringify(stored)}::jsonb)`;
      if (ctx.by.kind === "user") {
        await recordAudit(tx, who, {
          action: `order.${action}`, entityType: "order", entityId: orderId,
          detail: { orderNo: order.orderNo, before: { status: order.status }, after: { status: to }, reason, ...effect.extra },
        });
      }
      return result;
    });
  } catch (err) {
    // The same key raced in for another order between our lookup and insert.
    if (err instanceof Prisma.PrismaClientKnownRequestError && /idempotency_keys_pkey|23505/.test(`${err.message} ${JSON.stringify(err.meta ?? {})}`)) {
      throw new AppError("IDEMPOTENCY_KEY_REUSED", { action });
    }
    throw err;
  }
}
