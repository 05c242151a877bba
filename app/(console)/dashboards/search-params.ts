import { createLoader, parseAsBoolean, parseAsString, parseAsStringLiteral } from "nuqs/server";

export const DASHBOARD_TIERS = ["strategic", "tactical", "execution"] as const;

/** The dashboards' URL state (range, test orders, tier), shared by the pages and the range picker. */
export const dashboardSearchParams = {
  from: parseAsString.withDefault(""),
  to: parseAsString.withDefault(""),
  test: parseAsBoolean.withDefault(false),
  tier: parseAsStringLiteral(DASHBOARD_TIERS).withDefault("strategic"),
};
export const loadDashboardSearchParams = createLoader(dashboardSearchParams);
export type DashboardSearchParams = Awaited<ReturnType<typeof loadDashboardSearchParams>>;

/** The URL as the domain's filter input (an empty day means the default range). */
export const toFilterInput = (sp: Pick<DashboardSearchParams, "from" | "to" | "test">) => ({
  from: sp.from || undefined, to: sp.to || undefined, includeTest: sp.test,
});
