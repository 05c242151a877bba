"use client";
import { useLocale, useTranslations } from "next-intl";
import { useQueryState } from "nuqs";
import { DASHBOARD_TIERS, dashboardSearchParams } from "@/app/(console)/dashboards/search-params";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import type { DashboardFilter } from "@/lib/dashboards/dashboard-filter";
import { fmt } from "./format";
import { KpiCards } from "./kpi-cards";
import { ExecutionTier } from "./execution-tier";
import { StrategicTier, TacticalTier } from "./business-tiers";
import { useDashboardPart, type Part, type PartData } from "./use-dashboard-part";

/** 经营看板: the KPIs above three tiers, each polled on its own interval. */
export function BusinessDashboard({ filter, initial }: { filter: DashboardFilter; initial: Partial<PartData> }) {
  const t = useTranslations("dashboards");
  const [tier, setTier] = useQueryState("tier", dashboardSearchParams.tier);
  const kpis = useDashboardPart("kpis", filter, initial.kpis);
  return (
    <div className="space-y-4">
      <Part part="kpis" query={kpis}>{(d) => <KpiCards data={d} />}</Part>
      <Tabs value={tier} onValueChange={(v) => void setTier(v as (typeof DASHBOARD_TIERS)[number])}>
        <TabsList>
          {DASHBOARD_TIERS.map((x) => <TabsTrigger key={x} value={x} data-testid={`tier-${x}`}>{t(`tier.${x}`)}</TabsTrigger>)}
        </TabsList>
        <TabsContent value="strategic"><TierPart part="strategic" filter={filter} initial={initial.strategic}>{(d) => <StrategicTier data={d} />}</TierPart></TabsContent>
        <TabsContent value="tactical"><TierPart part="tactical" filter={filter} initial={initial.tactical}>{(d) => <TacticalTier data={d} />}</TierPart></TabsContent>
        <TabsContent value="execution"><TierPart part="execution" filter={filter} initial={initial.execution}>{(d) => <ExecutionTier data={d} />}</TierPart></TabsContent>
      </Tabs>
    </div>
  );
}

function TierPart<P extends Part>({ part, filter, initial, children }: { part: P; filter: DashboardFilter; initial?: PartData[P]; children: (d: PartData[P]) => React.ReactNode }) {
  const query = useDashboardPart(part, filter, initial);
  return <Part part={part} query={query}>{children}</Part>;
}

function Part<P extends Part>({ part, query, children }: { part: P; query: ReturnType<typeof useDashboardPart<P>>; children: (d: PartData[P]) => React.ReactNode }) {
  const t = useTranslations();
  const locale = useLocale();
  if (query.error) {
    const code = (query.error as { code?: string }).code ?? "INTERNAL";
    return <Alert variant="destructive"><AlertDescription>{t(`errors.${code}`)}</AlertDescription></Alert>;
  }
  if (!query.data) return <p className="text-sm text-muted-foreground">{t("dashboards.loading")}</p>;
  return (
    <div className="space-y-1" data-testid={`part-${part}`}>
      {children(query.data)}
      <p className="text-right text-xs text-muted-foreground">
        {t(`dashboards.refresh.${part as string}`, { time: fmt.time(query.dataUpdatedAt, locale) })}
      </p>
    </div>
  );
}
