import { assertCan, type Actor } from "../access/actor";
import type { JobDefinition } from "../jobs/registry";
import type { Db } from "../db/client";
import { collectIdentities } from "./collect-identities";
import { recomputeCustomerTags } from "./customer-tags";
import { proposeMerges } from "./propose-merges";

/** The full pass a person starts from the 客户 page (customer.merge). */
export async function runFullMatchingFor(db: Db, actor: Actor) {
  assertCan(actor, "customer.merge");
  return runCustomerMatching(db, { full: true });
}

/**
 * Evidence for orders that have none yet, then proposals for the customers touched (incremental) or
 * for every pair (full). Customers with new orders also get their tags recomputed.
 */
export async function runCustomerMatching(db: Db, opts: { full?: boolean; maxOrders?: number } = {}) {
  const collected = await collectIdentities(db, { maxOrders: opts.maxOrders });
  const proposals = await proposeMerges(db, opts.full ? {} : { customerIds: collected.customerIds });
  await recomputeCustomerTags(db, { customerIds: collected.customerIds });
  return { orders: collected.orders, identities: collected.identities, ...proposals };
}

/**
 * Lifecycle events that change a customer's tag figures. New orders (ORDER_CREATED, up to 100k from one
 * file import) are left to customer-matching, which recomputes the customers it collected evidence for
 * in one statement instead of one job per order.
 */
export const TAG_EVENTS = ["ORDER_PAID", "ORDER_CANCELLED", "REFUND_COMPLETED"];

/** Incremental tags for the customer of the order an outbox event is about. */
export async function recomputeTagsForOrderEvent(db: Db, data: unknown) {
  const orderId = (data as { orderId?: unknown } | null)?.orderId;
  if (typeof orderId !== "string") return { customers: 0 };
  const order = await db.order.findUnique({ where: { id: orderId }, select: { customerId: true } });
  return recomputeCustomerTags(db, { customerIds: order?.customerId ? [order.customerId] : [] });
}

export function customerJobs(): JobDefinition[] {
  return [
    { name: "customer-matching", cron: "*/5 * * * *", handler: (ctx) => runCustomerMatching(ctx.db, { maxOrders: 50_000 }) },
    // Nightly full pass: FREQUENT depends on the date, and a changed rule must reach every customer.
    { name: "customer-tags", cron: "20 3 * * *", handler: (ctx) => recomputeCustomerTags(ctx.db) },
    { name: "customer-tags-on-order", events: TAG_EVENTS, batchSize: 50, handler: (ctx, data) => recomputeTagsForOrderEvent(ctx.db, data) },
  ];
}

/** After seeding: evidence for every order, every pair proposed, every customer tagged. */
export async function backfillCustomers(db: Db) {
  const collected = await collectIdentities(db, { batchSize: 5000 });
  const proposals = await proposeMerges(db);
  const tags = await recomputeCustomerTags(db);
  return { orders: collected.orders, identities: collected.identities, ...proposals, tagged: tags.customers };
}
