import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import type { SearchParams } from "nuqs/server";
import { BusinessDashboard } from "@/components/dashboards/business-dashboard";
import { RangeError } from "@/components/dashboards/range-error";
import { RangePicker } from "@/components/dashboards/range-picker";
import { PageHeader } from "@/components/layout/page-header";
import { can } from "@/lib/access/actor";
import { parseDashboardFilter } from "@/lib/dashboards/dashboard-filter";
import { DASHBOARD_LOADERS } from "@/lib/dashboards/dashboard-parts";
import { rollupFreshness } from "@/lib/dashboards/refresh-rollups";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { requireActor } from "@/lib/session";
import { formatBizTime } from "@/lib/time/biz-time";
import { loadDashboardSearchParams, toFilterInput } from "./search-params";

/** 经营看板: headline KPIs and the strategic / tactical / execution tiers (SPEC §4). */
export default async function DashboardsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  if (!can(actor, "dashboard.view")) notFound();
  const t = await getTranslations();
  const locale = await getLocale();
  const sp = await loadDashboardSearchParams(searchParams);
  const db = getDb();
  let filter;
  try {
    filter = parseDashboardFilter(toFilterInput(sp));
  } catch (err) {
    if (!isAppError(err)) throw err;
    return <RangeError title={t("dashboards.business.title")} code={err.code} />;
  }
  const [kpis, tier, fresh] = await Promise.all([DASHBOARD_LOADERS.kpis(db, actor, filter), DASHBOARD_LOADERS[sp.tier](db, actor, filter), rollupFreshness(db)]);
  return (
    <div className="space-y-4">
      <PageHeader title={t("dashboards.business.title")} description={t("dashboards.business.description")}>
        <p className="text-xs text-muted-foreground" data-testid="rollup-freshness">
          {fresh?.lastRunAt ? t("dashboards.freshness", { time: formatBizTime(fresh.lastRunAt, locale) }) : t("dashboards.notBuilt")}
          {actor.rowScope === "REGION" ? ` · ${t("dashboards.regionScope", { region: actor.region ?? "—" })}` : ""}
        </p>
      </PageHeader>
      <RangePicker from={filter.from} to={filter.to} />
      <BusinessDashboard filter={filter} initial={{ kpis, [sp.tier]: tier }} />
      <p className="text-xs text-muted-foreground">{t("dashboards.kpi.definitions")}</p>
    </div>
  );
}
