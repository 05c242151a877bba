import { assertCan } from "../access/actor";
import { orderScope } from "../access/scope";
import { recordAudit } from "../audit/record-audit";
import { PREPARED, type Db, type DbClient } from "../db/client";
import { Prisma } from "../db/generated/prisma/client";
import type { OrderStatus } from "../db/generated/prisma/enums";
import { AppError } from "../errors/app-error";
import { actorIdentity, type ActionContext } from "./order-actor";
import { recordRefusal } from "./record-refusal";
import { TRANSITIONS, type OrderAction, type TransitionRule } from "./transitions";

export type Tx = Prisma.TransactionClient;

/** Marks a statement of the transition path as prepared once per connection (see lib/db/client.ts). */
export const prepared = Prisma.raw(PREPARED);

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

/** Order columns an action may set besides status and version (each action sets its own time stamp). */
export interface OrderColumns {
  paidAt?: Date;
  shippedAt?: Date;
  deliveredAt?: Date;
  completedAt?: Date;
  refundedFen?: number;
}

/** What an action's own step may add: columns to set on the order, facts for the result and the event. */
export interface ActionEffect {
  orderData?: OrderColumns;
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
 * The one path every status change takes. Its write is one statement: lock the order row, read the
 * idempotency key, and — when the key is new and the table allows the move from the current status —
 * bump status and version and insert the status log, the outbox event and the key, all reading from
 * that update. A system action with a fixed target and no step of its own is just that statement (its
 * own transaction, or part of the caller's). Otherwise a transaction first locks the row and runs the
 * action's step (shipment, refund, target from history), then the same statement; console calls are
 * permission- and scope-checked before and audited inside.
 */
export async function runTransition(
  db: Db,
  action: OrderAction,
  orderId: string,
  ctx: ActionContext,
  /** The action's own step under the lock, or — when it needs no database work — just its effect. */
  step?: ActionEffect | ((tx: Tx, order: LockedOrder) => Promise<ActionEffect | void>),
): Promise<TransitionResult> {
  const rule = TRANSITIONS[action];
  const key = ctx.idempotencyKey.trim();
  if (!key || key.length > 200) throw new AppError("INVALID_INPUT", { field: "idempotencyKey" });
  const reason = ctx.reason?.trim() || null;
  if (rule.reasonRequired && !reason) throw new AppError("REASON_REQUIRED", { action });
  if (ctx.by.kind === "user") {
    assertCan(ctx.by.actor, rule.permission);
    // Scope columns (shop, region) are not changed by lifecycle actions, so this need not hold the lock.
    const visible = await db.order.count({ where: { AND: [{ id: orderId }, orderScope(ctx.by.actor)] } });
    if (!visible) throw new AppError("ORDER_NOT_FOUND"); // not yours = not found
  }
  const write = (on: Db, to: OrderStatus, effect: ActionEffect) => writeTransition(on, { action, orderId, key, rule, ctx, reason, to, effect });

  try {
    if (typeof step !== "function" && ctx.by.kind === "system" && rule.to !== "RESTORE" && rule.to !== "REFUND_OUTCOME") return await write(db, rule.to, step ?? {});
    return await inTransaction(db, async (tx) => {
      // Row lock first: concurrent calls for one order run one after another from here on.
      const [order] = await tx.$queryRaw<(LockedOrder & { seenOrderId: string | null; seenResult: unknown })[]>`${prepared}
        SELECT o.id, o.order_no AS "orderNo", o.status::text AS status, o.version, o.paid_fen AS "paidFen",
               o.refunded_fen AS "refundedFen", o.paid_at AS "paidAt", k.order_id AS "seenOrderId", k.result AS "seenResult"
        FROM orders o LEFT JOIN idempotency_keys k ON k.action = ${action} AND k.key = ${key}
        WHERE o.id = ${orderId} FOR UPDATE OF o`;
      if (!order) throw new AppError("ORDER_NOT_FOUND");
      if (order.seenOrderId) return replay(order.seenOrderId, order.seenResult, orderId, action);
      if (!rule.from.includes(order.status)) return refuse(tx, action, key, orderId, order.status);

      const effect = (typeof step === "function" ? await step(tx, order) : step) ?? {};
      const to: OrderStatus = effect.to ?? (rule.to === "RESTORE" || rule.to === "REFUND_OUTCOME" ? await statusBefore(tx, order) : rule.to);
      const result = await write(tx, to, effect);
      if (ctx.by.kind === "user") {
        await recordAudit(tx, actorIdentity(ctx.by), {
          action: `order.${action}`, entityType: "order", entityId: orderId,
          detail: { orderNo: order.orderNo, before: { status: order.status }, after: { status: to }, reason, ...effect.extra },
        });
      }
      return result;
    });
  } catch (err) {
    // Refused by the transition table: kept for the status-health page (issue 7).
    if (err instanceof AppError && err.code === "ILLEGAL_TRANSITION") {
      await recordRefusal(db, { orderId, action, from: (err.context as { from: OrderStatus }).from, code: err.code, ctx });
    }
    // The same key was stored by a call that committed after our lookup: answer as a repeat would.
    if (err instanceof Prisma.PrismaClientKnownRequestError && /idempotency_keys_pkey|23505/.test(`${err.message} ${JSON.stringify(err.meta ?? {})}`)) {
      const seen = await seenKey(db, action, key);
      if (seen) return replay(seen.orderId, seen.result, orderId, action);
      throw new AppError("IDEMPOTENCY_KEY_REUSED", { action });
    }
    throw err;
  }
}

interface WriteInput {
  action: OrderAction;
  orderId: string;
  key: string;
  rule: TransitionRule;
  ctx: ActionContext;
  reason: string | null;
  to: OrderStatus;
  effect: ActionEffect;
}

/**
 * The transition's write, one statement (see runTransition). After waiting for the row lock, the
 * statement's snapshot of idempotency_keys may predate the call it waited for; so when nothing was
 * written because the status no longer allows the move, the key is looked up once more before refusing.
 */
async function writeTransition(db: Db, w: WriteInput): Promise<TransitionResult> {
  const who = actorIdentity(w.ctx.by);
  const set = w.effect.orderData ?? {};
  const extra = JSON.stringify(w.effect.extra ?? {});
  const eventExtra = JSON.stringify({ source: w.ctx.source, actorName: who.displayName, reason: w.reason });
  const [row] = await db.$queryRaw<{ orderNo: string; status: OrderStatus; version: number; seenOrderId: string | null; seenResult: unknown; written: number }[]>`${prepared}
    WITH cur AS (
      SELECT o.id, o.order_no, o.status, o.version, k.order_id AS seen_order_id, k.result AS seen_result
      FROM orders o LEFT JOIN idempotency_keys k ON k.action = ${w.action} AND k.key = ${w.key}
      WHERE o.id = ${w.orderId} FOR UPDATE OF o
    ), upd AS (
      UPDATE orders o SET status = ${w.to}::"OrderStatus", version = o.version + 1, updated_at = now(),
        paid_at = COALESCE(${set.paidAt ?? null}::timestamptz, o.paid_at),
        shipped_at = COALESCE(${set.shippedAt ?? null}::timestamptz, o.shipped_at),
        delivered_at = COALESCE(${set.deliveredAt ?? null}::timestamptz, o.delivered_at),
        completed_at = COALESCE(${set.completedAt ?? null}::timestamptz, o.completed_at),
        refunded_fen = COALESCE(${set.refundedFen ?? null}::int, o.refunded_fen)
      FROM cur
      WHERE o.id = cur.id AND o.version = cur.version AND cur.seen_order_id IS NULL AND cur.status = ANY(${[...w.rule.from]}::"OrderStatus"[])
      RETURNING o.id, o.version, cur.status AS from_status, cur.order_no
    ), res AS (
      SELECT id, from_status, jsonb_build_object('orderId', id, 'orderNo', order_no, 'action', ${w.action}::text, 'from', from_status,
        'to', ${w.to}::text, 'version', version) || ${extra}::jsonb AS result
      FROM upd
    ), log AS (
      INSERT INTO order_status_log (order_id, from_status, to_status, action, actor_id, actor_name, source, reason)
      SELECT id, from_status, ${w.to}::"OrderStatus", ${w.action}, ${who.id}, ${who.displayName}, ${w.ctx.source}::"StatusSource", ${w.reason} FROM res
    ), outbox AS (
      INSERT INTO outbox_events (event_type, order_id, payload) SELECT ${w.rule.event}, id, result || ${eventExtra}::jsonb FROM res
    ), keyed AS (
      INSERT INTO idempotency_keys (action, key, order_id, result) SELECT ${w.action}, ${w.key}, id, result FROM res RETURNING 1
    )
    SELECT cur.order_no AS "orderNo", cur.status::text AS status, cur.version, cur.seen_order_id AS "seenOrderId",
           cur.seen_result AS "seenResult", (SELECT count(*) FROM keyed)::int AS written
    FROM cur`;
  if (!row) throw new AppError("ORDER_NOT_FOUND");
  if (row.written) {
    return { orderId: w.orderId, orderNo: row.orderNo, action: w.action, from: row.status, to: w.to, version: row.version + 1, replayed: false, ...w.effect.extra };
  }
  if (row.seenOrderId) return replay(row.seenOrderId, row.seenResult, w.orderId, w.action);
  if (!w.rule.from.includes(row.status)) return refuse(db, w.action, w.key, w.orderId, row.status);
  throw new AppError("CONFLICT"); // cannot happen under the lock; kept as the guard
}

/** Not legal from `from` — unless the key was used by the call we waited for, whose answer is then ours. */
async function refuse(db: Db, action: OrderAction, key: string, orderId: string, from: OrderStatus): Promise<TransitionResult> {
  const seen = await seenKey(db, action, key);
  if (seen) return replay(seen.orderId, seen.result, orderId, action);
  throw new AppError("ILLEGAL_TRANSITION", { action, from });
}

async function seenKey(db: Db, action: OrderAction, key: string) {
  const [row] = await db.$queryRaw<{ orderId: string; result: unknown }[]>`${prepared}
    SELECT order_id AS "orderId", result FROM idempotency_keys WHERE action = ${action} AND key = ${key}`;
  return row;
}

/** The first call's answer for a repeated key; a key used for another order is refused. */
function replay(seenOrderId: string, seenResult: unknown, orderId: string, action: OrderAction): TransitionResult {
  if (seenOrderId !== orderId) throw new AppError("IDEMPOTENCY_KEY_REUSED", { action });
  return { ...(seenResult as object), replayed: true } as TransitionResult;
}
