import type { DashboardFilter } from "./dashboard-filter";
import type { DRILL_KINDS, ORDER_FLAGS } from "./drill-filter";

export interface DrillParams {
  /** Placed-day range; defaults to the dashboard's range. `null` drops it (figures by transition day). */
  from?: string | null;
  to?: string | null;
  status?: readonly string[];
  channel?: string;
  wh?: string;
  flag?: readonly (typeof ORDER_FLAGS)[number][];
  kind?: (typeof DRILL_KINDS)[number];
  act?: string;
  actor?: string;
  src?: string;
  rule?: string;
  evFrom?: string;
  evTo?: string;
}

/** The order list (app/(console)/orders/search-params.ts) filtered to the orders behind a figure. */
export function ordersHref(f: DashboardFilter, p: DrillParams = {}): string {
  const q = new URLSearchParams();
  const from = p.from === undefined ? f.from : p.from;
  const to = p.to === undefined ? f.to : p.to;
  if (from) q.set("from", from);
  if (to) q.set("to", to);
  if (p.status?.length) q.set("status", p.status.join(","));
  if (p.channel) q.set("channel", p.channel);
  if (!f.includeTest) q.set("hideTest", "true");
  if (p.flag?.length) q.set("flag", p.flag.join(","));
  for (const k of ["wh", "kind", "act", "actor", "src", "rule", "evFrom", "evTo"] as const) if (p[k]) q.set(k, p[k]);
  return `/orders?${q.toString()}`;
}
