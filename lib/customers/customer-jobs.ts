import type { JobDefinition } from "../jobs/registry";
import type { Db } from "../db/client";
import { collectIdentities } from "./collect-identities";
import { proposeMerges } from "./propose-merges";

/** Incremental: evidence for orders that have none yet, then proposals for the customers touched. */
export async function runCustomerMatching(db: Db, opts: { full?: boolean; maxOrders?: number } = {}) {
  const collected = await collectIdentities(db, { maxOrders: opts.maxOrders });
  const proposals = await proposeMerges(db, opts.full ? {} : { customerIds: collected.customerIds });
  return { orders: collected.orders, identities: collected.identities, ...proposals };
}

export function customerJobs(): JobDefinition[] {
  return [{ name: "customer-matching", cron: "*/5 * * * *", handler: (ctx) => runCustomerMatching(ctx.db, { maxOrders: 50_000 }) }];
}
