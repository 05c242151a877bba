import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AnomalyTabs } from "@/components/anomalies/anomaly-tabs";
import { SimpleTable } from "@/components/data/simple-table";
import { ExportButton } from "@/components/exports/export-button";
import { PageHeader } from "@/components/layout/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { can } from "@/lib/access/actor";
import { canSeeWorkbench } from "@/lib/anomalies/list-exceptions";
import { weeklyFigures, WeekInput } from "@/lib/anomalies/weekly-figures";
import { getDb } from "@/lib/db/client";
import { requireActor } from "@/lib/session";
import { formatDuration } from "@/lib/time/biz-time";

/** 周复盘: the week's exceptions by type and by resolution, median time to close, share that needed a person. */
export default async function WeeklyPage({ searchParams }: { searchParams: Promise<{ week?: string }> }) {
  const actor = await requireActor();
  if (!canSeeWorkbench(actor)) notFound();
  const parsed = WeekInput.safeParse({ week: (await searchParams).week || undefined });
  const f = await weeklyFigures(getDb(), actor, parsed.success ? parsed.data : {});
  const t = await getTranslations("anomalies");
  const locale = await getLocale();
  const mins = (m: number | null) => (m == null ? "—" : formatDuration(m * 60_000, locale));
  const label = (code: string) => (t.has(`resolution.${code}`) ? t(`resolution.${code}`) : t.has(`closeReasons.${code}`) ? t(`closeReasons.${code}`) : t(`status.${code === "OPEN" ? "OPEN_ALL" : code}`));
  return (
    <div className="space-y-4">
      <div className="flex items-start justify-between gap-4">
        <PageHeader title={t("weekly.title")} />
        {can(actor, "order.export") && actor.exportRowCap > 0 ? <ExportButton endpoint="/api/exports/exceptions-weekly" cap={actor.exportRowCap} /> : null}
      </div>
      <AnomalyTabs showRules={can(actor, "rules.manage")} />
      <form action="/exceptions/weekly" className="flex items-end gap-2">
        <label className="space-y-1 text-xs">{t("weekly.week")}<Input type="date" name="week" defaultValue={f.week} className="block" /></label>
        <Button type="submit" size="sm">{t("weekly.show")}</Button>
      </form>
      <div className="grid gap-4 sm:grid-cols-4">
        {[
          [t("weekly.opened"), String(f.total.opened)],
          [t("weekly.closed"), String(f.total.closed)],
          [t("weekly.median"), mins(f.total.medianMinutes)],
          [t("weekly.neededPerson"), `${Math.round(f.total.neededPersonShare * 100)}%`],
        ].map(([k, v]) => (
          <Card key={k}><CardContent className="pt-6"><div className="text-xs text-muted-foreground">{k}</div><div className="text-2xl font-semibold" data-testid="weekly-figure">{v}</div></CardContent></Card>
        ))}
      </div>
      {f.byRule.length === 0 ? <p className="text-sm text-muted-foreground">{t("weekly.none")}</p> : (
        <div className="grid gap-4 lg:grid-cols-[2fr_1fr]">
          <Card>
            <CardHeader><CardTitle className="text-base">{t("weekly.byRule")}</CardTitle></CardHeader>
            <CardContent>
              <SimpleTable rows={f.byRule} rowKey={(r) => r.ruleCode} rowTestId="weekly-rule-row" columns={[
                { header: t("weekly.col.rule"), cell: (r) => t(`rules.${r.ruleCode}.name`) },
                { header: t("weekly.col.opened"), cell: (r) => r.opened, align: "right" },
                { header: t("weekly.col.resolved"), cell: (r) => r.resolved, align: "right" },
                { header: t("weekly.col.autoClosed"), cell: (r) => r.autoClosed, align: "right" },
                { header: t("weekly.col.open"), cell: (r) => r.open, align: "right" },
                { header: t("weekly.col.neededPerson"), cell: (r) => r.neededPerson, align: "right" },
                { header: t("weekly.median"), cell: (r) => mins(r.medianMinutes), align: "right" },
              ]} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader><CardTitle className="text-base">{t("weekly.byResolution")}</CardTitle></CardHeader>
            <CardContent>
              <SimpleTable rows={f.byResolution} rowKey={(r) => r.resolution} columns={[
                { header: t("weekly.resolution"), cell: (r) => label(r.resolution) },
                { header: t("weekly.col.opened"), cell: (r) => r.count, align: "right" },
              ]} />
            </CardContent>
          </Card>
        </div>
      )}
    </div>
  );
}
