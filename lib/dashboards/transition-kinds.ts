/**
 * How the status-health page classes a status change. One table, used by the rollup SQL and by the
 * order-list drill-down, so a number and the orders behind it always agree.
 */
import type { Prisma } from "../db/generated/prisma/client";
import type { OrderStatus, StatusSource } from "../db/generated/prisma/enums";

export const TRANSITION_KINDS = ["NORMAL", "MANUAL", "OVERRIDE", "ROLLBACK", "REFUSED"] as const;
export type TransitionKind = (typeof TRANSITION_KINDS)[number];

/** The forward path of an order; a step back along it is a rollback. */
const FORWARD: readonly OrderStatus[] = ["PENDING_PAYMENT", "PAID", "PUSHED_TO_WMS", "SHIPPED", "DELIVERED", "COMPLETED"];
/** Leaving one of these for the forward path returns the order to where it was (release, review passed). */
const PARKED: readonly OrderStatus[] = ["ON_HOLD", "NEEDS_REVIEW"];
/** A person stopping the normal flow. */
const OVERRIDE_TARGETS: readonly OrderStatus[] = ["ON_HOLD", "NEEDS_REVIEW", "CANCELLED"];

/** Every (from, to) pair that is a rollback. */
export const ROLLBACK_PAIRS: readonly [OrderStatus, OrderStatus][] = [
  ...FORWARD.flatMap((from, i) => FORWARD.slice(0, i).map((to) => [from, to] as [OrderStatus, OrderStatus])),
  ...PARKED.flatMap((from) => FORWARD.map((to) => [from, to] as [OrderStatus, OrderStatus])),
];

/** Entering one of these means the order was not handled right the first time. */
export const REWORK_TARGETS: readonly OrderStatus[] = PARKED;

export function transitionKind(from: OrderStatus | null, to: OrderStatus, source: StatusSource): Exclude<TransitionKind, "REFUSED"> {
  if (from && ROLLBACK_PAIRS.some(([f, t]) => f === from && t === to)) return "ROLLBACK";
  if (source !== "CONSOLE") return "NORMAL";
  return OVERRIDE_TARGETS.includes(to) ? "OVERRIDE" : "MANUAL";
}

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const pairList = ROLLBACK_PAIRS.map(([f, t]) => `(${lit(f)}, ${lit(t)})`).join(", ");

/** SQL for transitionKind over an order_status_log alias (constants only, no user input). */
export function kindSql(alias: string): string {
  return `CASE WHEN (${alias}.from_status::text, ${alias}.to_status::text) IN (${pairList}) THEN 'ROLLBACK'
    WHEN ${alias}.source <> 'CONSOLE' THEN 'NORMAL'
    WHEN ${alias}.to_status::text IN (${OVERRIDE_TARGETS.map(lit).join(", ")}) THEN 'OVERRIDE' ELSE 'MANUAL' END`;
}

/** SQL: true when this status-log row makes its order "reworked". */
export function reworkSql(alias: string): string {
  return `(${alias}.to_status::text IN (${REWORK_TARGETS.map(lit).join(", ")}) OR (${alias}.from_status::text, ${alias}.to_status::text) IN (${pairList}))`;
}

/** The same classes as status-log filters, for the order list's drill-down (console rows always have a from status). */
export function kindLogFilter(kind: "ROLLBACK" | "OVERRIDE" | "MANUAL"): Prisma.OrderStatusLogWhereInput {
  const rollback = { OR: ROLLBACK_PAIRS.map(([fromStatus, toStatus]) => ({ fromStatus, toStatus })) };
  if (kind === "ROLLBACK") return rollback;
  const to = kind === "OVERRIDE" ? { in: [...OVERRIDE_TARGETS] } : { notIn: [...OVERRIDE_TARGETS] };
  return { source: "CONSOLE", toStatus: to, NOT: rollback };
}
