import type { Permission } from "../access/roles";
import type { OrderStatus } from "../db/generated/prisma/enums";

/**
 * The status machine of SPEC §2. There is no generic "set status": each business action has its
 * own function (lib/lifecycle/actions/), and this table alone decides from which statuses it is legal.
 */
export const ORDER_ACTIONS = [
  "markPaid", "pushToWms", "confirmShipment", "markDelivered", "complete", "cancel",
  "hold", "release", "requestRefund", "completeRefund", "failRefund", "flagForReview",
] as const;
export type OrderAction = (typeof ORDER_ACTIONS)[number];

export const ORDER_STATUSES = [
  "PENDING_PAYMENT", "PAID", "PUSHED_TO_WMS", "SHIPPED", "DELIVERED", "COMPLETED",
  "CANCELLED", "AFTER_SALE", "REFUNDED", "NEEDS_REVIEW", "ON_HOLD",
] as const satisfies readonly OrderStatus[];

/**
 * RESTORE: back to the status the order had before it was held, flagged or put in after-sale (a failed refund).
 * REFUND_OUTCOME: REFUNDED when the refunds reach what was paid, else RESTORE (a partial refund
 * keeps the fulfilment status, SPEC §2).
 */
export type TransitionTarget = OrderStatus | "RESTORE" | "REFUND_OUTCOME";

export interface TransitionRule {
  from: readonly OrderStatus[];
  to: TransitionTarget;
  /** The outbox event the transition emits. */
  event: string;
  /** Who may take it from the console (jobs and verified callbacks act as the system). */
  permission: Permission;
  /** A person must say why (shown in the timeline). */
  reasonRequired: boolean;
}

export const TRANSITIONS: Record<OrderAction, TransitionRule> = {
  markPaid: { from: ["PENDING_PAYMENT"], to: "PAID", event: "ORDER_PAID", permission: "order.manage", reasonRequired: false },
  pushToWms: { from: ["PAID"], to: "PUSHED_TO_WMS", event: "ORDER_PUSHED", permission: "order.ship", reasonRequired: false },
  confirmShipment: { from: ["PAID", "PUSHED_TO_WMS"], to: "SHIPPED", event: "ORDER_SHIPPED", permission: "order.ship", reasonRequired: false },
  markDelivered: { from: ["SHIPPED"], to: "DELIVERED", event: "ORDER_DELIVERED", permission: "order.manage", reasonRequired: false },
  complete: { from: ["DELIVERED"], to: "COMPLETED", event: "ORDER_COMPLETED", permission: "order.manage", reasonRequired: false },
  cancel: { from: ["PENDING_PAYMENT", "PAID", "ON_HOLD", "NEEDS_REVIEW"], to: "CANCELLED", event: "ORDER_CANCELLED", permission: "order.manage", reasonRequired: true },
  hold: { from: ["PAID", "PUSHED_TO_WMS", "SHIPPED"], to: "ON_HOLD", event: "ORDER_HELD", permission: "order.hold", reasonRequired: true },
  release: { from: ["ON_HOLD", "NEEDS_REVIEW"], to: "RESTORE", event: "ORDER_RELEASED", permission: "order.hold", reasonRequired: false },
  requestRefund: {
    from: ["PAID", "PUSHED_TO_WMS", "SHIPPED", "DELIVERED", "COMPLETED", "ON_HOLD"],
    to: "AFTER_SALE", event: "REFUND_REQUESTED", permission: "order.refund", reasonRequired: true,
  },
  completeRefund: { from: ["AFTER_SALE"], to: "REFUND_OUTCOME", event: "REFUND_COMPLETED", permission: "order.refundComplete", reasonRequired: false },
  failRefund: { from: ["AFTER_SALE"], to: "RESTORE", event: "REFUND_FAILED", permission: "order.refundComplete", reasonRequired: true },
  flagForReview: {
    from: ["PENDING_PAYMENT", "PAID", "PUSHED_TO_WMS", "SHIPPED", "DELIVERED", "AFTER_SALE", "ON_HOLD"],
    to: "NEEDS_REVIEW", event: "ORDER_FLAGGED", permission: "order.hold", reasonRequired: true,
  },
};

export const isLegal = (action: OrderAction, from: OrderStatus): boolean => TRANSITIONS[action].from.includes(from);

/** The actions legal in a status, in table order (the console offers these, filtered by permission). */
export const legalActions = (from: OrderStatus): OrderAction[] => ORDER_ACTIONS.filter((a) => isLegal(a, from));

/** What the console offers a person: legal in the status and allowed by their role's permissions. */
export const availableActions = (permissions: ReadonlySet<string>, status: OrderStatus): OrderAction[] =>
  legalActions(status).filter((a) => permissions.has(TRANSITIONS[a].permission));
