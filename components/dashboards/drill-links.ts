import { serializeOrderSearch } from "@/app/(console)/orders/search-params";
import type { DashboardFilter } from "@/lib/dashboards/dashboard-filter";
import type { DRILL_KINDS, ORDER_FLAGS } from "@/lib/dashboards/drill-filter";
import type { OrderStatus, StatusSource } from "@/lib/db/generated/prisma/enums";

export interface DrillParams {
  /** Placed-day range; defaults to the dashboard's range. `null` drops it (figures by transition day). */
  from?: string | null;
  to?: string | null;
  status?: OrderStatus[];
  channel?: string;
  wh?: string;
  flag?: (typeof ORDER_FLAGS)[number][];
  kind?: (typeof DRILL_KINDS)[number];
  act?: string;
  actor?: string;
  src?: StatusSource;
  rule?: string;
  evFrom?: string;
  evTo?: string;
}

/** The order list (app/(console)/orders/search-params.ts) filtered to the orders behind a figure. */
export function ordersHref(f: DashboardFilter, { from = f.from, to = f.to, channel, ...p }: DrillParams = {}): string {
  return `/orders${serializeOrderSearch({ ...p, from, to, channel: channel ? [channel] : null, hideTest: !f.includeTest })}`;
}
