"use client";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { SimpleTable } from "@/components/data/simple-table";
import { ordersHref } from "./drill-links";
import { formatBizTime } from "@/lib/time/biz-time";
import { DrillChart } from "./charts";
import type { PartData } from "./use-dashboard-part";

/** Execution tier (live): the signed-in person's to-dos and handling times. */
export function ExecutionTier({ data }: { data: PartData["execution"] }) {
  const t = useTranslations("dashboards.execution");
  const all = useTranslations();
  const named = (key: string, code: string) => (all.has(key) ? all(key) : code);
  const locale = useLocale();
  const f = data.filter;
  const handling = data.handling.map((h) => ({ ...h, avgHandledMinutes: h.avgHandledMs === null ? null : h.avgHandledMs / 60_000 }));
  return (
    <div className="grid gap-4 xl:grid-cols-2">
      <Card>
        <CardHeader><CardTitle>{t("todo")}</CardTitle></CardHeader>
        <CardContent className="space-y-4">
          <div className="grid grid-cols-3 gap-3">
            {data.queues.map((q) => (
              <Link key={q.key} href={ordersHref(f, { status: q.statuses })} className="rounded-lg border p-3 hover:bg-muted" data-testid={`queue-${q.key}`}>
                <div className="text-xs text-muted-foreground">{t(`queue.${q.key}`)}</div>
                <div className="text-2xl font-semibold tabular-nums">{q.orders}</div>
              </Link>
            ))}
          </div>
          {data.queues.length === 0 && data.myExceptions.length === 0 && data.approvals.length === 0 ? <p className="text-sm text-muted-foreground">{t("nothing")}</p> : null}
          {data.myExceptions.length ? (
            <SimpleTable
              rows={data.myExceptions}
              rowKey={(e) => e.id}
              columns={[
                { header: t("myExceptions"), cell: (e) => named(`anomalies.rules.${e.ruleCode}.name`, e.ruleCode) },
                { header: t("order"), cell: (e) => (e.orderId ? <Link className="underline" href={`/orders/${e.orderId}`}>{e.orderNo}</Link> : "—") },
                { header: t("due"), cell: (e) => formatBizTime(new Date(e.dueAt), locale) },
              ]}
            />
          ) : null}
          {data.approvals.length ? (
            <SimpleTable
              rows={data.approvals}
              rowKey={(a) => a.id}
              columns={[
                { header: t("approvals"), cell: (a) => named(`anomalies.approval.${a.kind}`, a.kind) },
                { header: t("order"), cell: (a) => <Link className="underline" href={`/orders/${a.orderId}`}>{a.orderNo}</Link> },
                { header: t("requested"), cell: (a) => formatBizTime(new Date(a.requestedAt), locale) },
              ]}
            />
          ) : null}
        </CardContent>
      </Card>
      <Card>
        <CardHeader><CardTitle>{t("handling")}</CardTitle></CardHeader>
        <CardContent>
          <p className="mb-2 text-xs text-muted-foreground">{t("handlingHint")}</p>
          <DrillChart
            testId="chart-my-handling"
            data={handling}
            category="day"
            series={[{ key: "actions", name: t("actions") }, { key: "avgHandledMinutes", name: t("avgHandled"), kind: "line", axis: "right", format: "minutes" }]}
            hrefs={handling.map((h) => ordersHref(f, { from: null, to: null, actor: data.actorName, src: "CONSOLE", evFrom: h.day, evTo: h.day }))}
          />
        </CardContent>
      </Card>
    </div>
  );
}
