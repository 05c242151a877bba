"use client";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { SimpleTable } from "@/components/data/simple-table";
import { ordersHref } from "./drill-links";
import { UNROUTED } from "@/lib/dashboards/drill-filter";
import { DrillChart, SharePie } from "./charts";
import { fmt } from "./format";
import type { PartData } from "./use-dashboard-part";

/** Strategic tier: orders and average order value per day, channel share. */
export function StrategicTier({ data }: { data: PartData["strategic"] }) {
  const t = useTranslations("dashboards.strategic");
  const locale = useLocale();
  const f = data.filter;
  return (
    <div className="grid gap-4 xl:grid-cols-3">
      <Card className="xl:col-span-2">
        <CardHeader><CardTitle>{t("perDay")}</CardTitle></CardHeader>
        <CardContent>
          <DrillChart
            testId="chart-orders-per-day"
            data={data.perDay}
            category="day"
            series={[{ key: "orders", name: t("orders") }, { key: "aovFen", name: t("aov"), kind: "line", axis: "right", format: "yuan" }]}
            hrefs={data.perDay.map((d) => ordersHref(f, { from: d.day, to: d.day }))}
          />
        </CardContent>
      </Card>
      <Card>
        <CardHeader><CardTitle>{t("channelShare")}</CardTitle></CardHeader>
        <CardContent>
          <SharePie testId="chart-channel-share" data={data.channels.map((c) => ({ name: c.name, value: c.paidFen }))} hrefs={data.channels.map((c) => ordersHref(f, { channel: c.channelId, flag: ["paid"] }))} />
          <SimpleTable
            rows={data.channels}
            rowKey={(c) => c.channelId}
            rowTestId="channel-row"
            columns={[
              { header: t("channel"), cell: (c) => c.name },
              { header: t("orders"), align: "right", cell: (c) => <Link className="underline" href={ordersHref(f, { channel: c.channelId })} data-testid="channel-orders">{c.orders}</Link> },
              { header: t("paid"), money: true, cell: (c) => <Link className="underline" href={ordersHref(f, { channel: c.channelId, flag: ["paid"] })}>{fmt.yuan(c.paidFen, locale)}</Link> },
              { header: t("share"), align: "right", cell: (c) => fmt.pct(c.share, locale) },
            ]}
          />
        </CardContent>
      </Card>
    </div>
  );
}

/** Tactical tier: outbound progress per warehouse, exception distribution. */
export function TacticalTier({ data }: { data: PartData["tactical"] }) {
  const t = useTranslations("dashboards.tactical");
  const all = useTranslations();
  const ruleName = (code: string) => (all.has(`anomalies.rules.${code}.name`) ? all(`anomalies.rules.${code}.name`) : code);
  const f = data.filter;
  const wh = (w: { warehouseId: string }) => w.warehouseId || UNROUTED;
  const rows = data.warehouses.map((w) => ({ ...w, label: w.name ?? t("unrouted") }));
  return (
    <div className="grid gap-4 xl:grid-cols-2">
      <Card>
        <CardHeader><CardTitle>{t("outbound")}</CardTitle></CardHeader>
        <CardContent className="space-y-3">
          <DrillChart
            testId="chart-outbound"
            layout="vertical"
            data={rows}
            category="label"
            height={Math.max(160, rows.length * 48)}
            series={[{ key: "waiting", name: t("waiting"), stack: "o" }, { key: "shipped", name: t("shipped"), stack: "o" }]}
            hrefs={rows.map((w) => ordersHref(f, { wh: wh(w), flag: ["paid"] }))}
          />
          <SimpleTable
            rows={rows}
            rowKey={(w) => wh(w)}
            rowTestId="warehouse-row"
            columns={[
              { header: t("warehouse"), cell: (w) => w.label },
              { header: t("waiting"), align: "right", cell: (w) => <Link className="underline" data-testid="warehouse-waiting" href={ordersHref(f, { wh: wh(w), status: ["PAID", "PUSHED_TO_WMS"] })}>{w.waiting}</Link> },
              { header: t("shipped"), align: "right", cell: (w) => <Link className="underline" href={ordersHref(f, { wh: wh(w), flag: ["shipped"] })}>{w.shipped}</Link> },
              { header: t("late"), align: "right", cell: (w) => <Link className="underline" href={ordersHref(f, { wh: wh(w), flag: ["late"] })}>{w.late}</Link> },
            ]}
          />
        </CardContent>
      </Card>
      <Card>
        <CardHeader><CardTitle>{t("exceptions")}</CardTitle></CardHeader>
        <CardContent className="space-y-3">
          {data.exceptions.length === 0 ? <p className="text-sm text-muted-foreground">{t("noExceptions")}</p> : (
            <>
              <DrillChart
                testId="chart-exceptions"
                layout="vertical"
                data={data.exceptions.map((e) => ({ ...e, rule: ruleName(e.ruleCode) }))}
                category="rule"
                height={Math.max(160, data.exceptions.length * 40)}
                series={[{ key: "open", name: t("open"), stack: "e" }, { key: "closed", name: t("closed"), stack: "e" }]}
                hrefs={data.exceptions.map((e) => ordersHref(f, { from: null, to: null, rule: e.ruleCode, evFrom: f.from, evTo: f.to }))}
              />
              <SimpleTable
                rows={data.exceptions}
                rowKey={(e) => `${e.ruleCode}-${e.severity}`}
                columns={[
                  { header: t("rule"), cell: (e) => <span title={e.ruleCode}>{ruleName(e.ruleCode)}</span> },
                  { header: t("severity"), cell: (e) => <Badge variant={e.severity === "SEVERE" ? "destructive" : "secondary"}>{t(`severityValue.${e.severity}`)}</Badge> },
                  { header: t("open"), align: "right", cell: (e) => <Link className="underline" href={ordersHref(f, { from: null, to: null, rule: e.ruleCode, evFrom: f.from, evTo: f.to })}>{e.open}</Link> },
                  { header: t("closed"), align: "right", cell: (e) => e.closed },
                ]}
              />
            </>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
