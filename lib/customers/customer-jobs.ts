import { assertCan, type Actor } from "../access/actor";
import type { JobDefinition } from "../jobs/registry";
import type { Db } from "../db/client";
import { collectIdentities } from "./collect-identities";
import { proposeMerges } from "./propose-merges";

/** Incremental: evidence for orders that have none yet, then proposals for the customers touched. */
/** The full pass a person starts from the 客户 page (customer.merge). */
export async function runFullMatchingFor(db: Db, actor: Actor) {
  assertCan(actor, "customer.merge");
  return runCustomerMatching(db, { full: true });
}

export async function runCustomerMatching(db: Db, opts: { full?: boolean; maxOrders?: number } = {}) {
  const collected = await collectIdentities(db, { maxOrders: opts.maxOrders });
  const proposals = await proposeMerges(db, opts.full ? {} : { customerIds: collected.customerIds });
  return { orders: collected.orders, identities: collected.identities, ...proposals };
}

export function customerJobs(): JobDefinition[] {
  return [{ name: "customer-matching", cron: "*/5 * * * *", handler: (ctx) => runCustomerMatching(ctx.db, { maxOrders: 50_000 }) }];
}
