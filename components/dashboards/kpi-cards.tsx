"use client";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { loadKpis } from "@/lib/dashboards/load-kpis";
import { ordersHref } from "./drill-links";
import { Sparkline, type ValueFormat } from "./charts";
import { fmt } from "./format";

export type KpiData = Awaited<ReturnType<typeof loadKpis>>;

/** The four headline KPIs: value, target, whether it is met, a daily trend, and the orders behind it. */
export function KpiCards({ data }: { data: KpiData }) {
  const t = useTranslations("dashboards.kpi");
  const locale = useLocale();
  const { totals: k, targets, filter: f } = data;
  const cards: { key: string; value: string; target: string; ok: boolean | null; detail: string; href: string; trend: (number | null)[]; format: ValueFormat }[] = [
    {
      key: "cycle", value: fmt.minutes(k.cycleMinutes, locale), target: t("cycleTarget", { minutes: targets.cycleMinutes }),
      ok: k.cycleMinutes === null ? null : k.cycleMinutes < targets.cycleMinutes,
      detail: t("cycleDetail", { late: k.late, shipped: k.shipped }), href: ordersHref(f, { flag: ["late"] }),
      trend: data.trend.map((d) => d.cycleMinutes), format: "minutes",
    },
    {
      key: "firstPass", value: fmt.pct(k.firstPass, locale, 2), target: t("firstPassTarget"),
      ok: k.firstPass === null ? null : k.firstPass >= targets.firstPass,
      detail: t("firstPassDetail", { reworked: k.reworked, orders: k.orders }), href: ordersHref(f, { flag: ["reworked"] }),
      trend: data.trend.map((d) => d.firstPass), format: "pct",
    },
    {
      key: "perPerson", value: fmt.count(k.perPersonPerDay, locale), target: t("perPersonTarget"), ok: null,
      detail: t("perPersonDetail", { handled: k.handled, personDays: k.personDays }),
      href: ordersHref(f, { from: null, to: null, src: "CONSOLE", evFrom: f.from, evTo: f.to }),
      trend: data.trend.map((d) => d.perPersonPerDay), format: "count",
    },
    {
      key: "inquiry", value: fmt.pct(k.inquiryRate, locale, 2), target: t("inquiryTarget"),
      ok: k.inquiryRate === null ? null : k.inquiryRate < targets.inquiryRate,
      detail: t("inquiryDetail", { inquired: k.inquired, orders: k.orders }), href: ordersHref(f, { flag: ["inquired"] }),
      trend: data.trend.map((d) => d.inquiryRate), format: "pct",
    },
  ];
  return (
    <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
      {cards.map((c) => (
        <Card key={c.key} data-testid={`kpi-${c.key}`}>
          <CardHeader className="pb-1">
            <CardTitle className="flex items-center justify-between text-sm font-medium text-muted-foreground">
              {t(`${c.key}Title`)}
              {c.ok === null ? null : <Badge variant={c.ok ? "secondary" : "destructive"}>{c.ok ? t("met") : t("missed")}</Badge>}
            </CardTitle>
          </CardHeader>
          <CardContent className="space-y-1">
            <Link href={c.href} className="text-2xl font-semibold tabular-nums underline-offset-4 hover:underline" data-testid={`kpi-${c.key}-value`}>
              {c.value}
            </Link>
            <div className="text-xs text-muted-foreground">{c.target}</div>
            <Sparkline data={data.trend.map((d, i) => ({ day: d.day, value: c.trend[i] }))} format={c.format} />
            <Link href={c.href} className="block text-xs text-muted-foreground underline-offset-4 hover:underline">{c.detail}</Link>
          </CardContent>
        </Card>
      ))}
    </div>
  );
}
