import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import type { SearchParams } from "nuqs/server";
import { SimpleTable } from "@/components/data/simple-table";
import { fmt } from "@/components/dashboards/format";
import { AbnormalChart, QualityChart, StatusChart } from "@/components/dashboards/health-charts";
import { RangeError } from "@/components/dashboards/range-error";
import { RangePicker } from "@/components/dashboards/range-picker";
import { PageHeader } from "@/components/layout/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { can } from "@/lib/access/actor";
import { ordersHref } from "@/components/dashboards/drill-links";
import { DWELLERS_PER_STATUS, loadHealth, WAITING_STATUSES } from "@/lib/dashboards/load-health";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { requireActor } from "@/lib/session";
import { formatBizTime, formatDuration } from "@/lib/time/biz-time";
import { loadDashboardSearchParams, toFilterInput } from "../dashboards/search-params";

/** 状态健康度 (SPEC §4): where orders wait, abnormal transitions, manual work, intake and peers. */
export default async function HealthPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  if (!can(actor, "dashboard.view")) notFound();
  const t = await getTranslations();
  const locale = await getLocale();
  const H = (k: string, v?: Record<string, string | number>) => t(`dashboards.health.${k}`, v);
  const sp = await loadDashboardSearchParams(searchParams);
  let data;
  try {
    data = await loadHealth(getDb(), actor, toFilterInput(sp));
  } catch (err) {
    if (!isAppError(err)) throw err;
    return <RangeError title={H("title")} code={err.code} />;
  }
  const f = data.filter;
  const now = Date.now();
  const channelName = new Map(data.channels.map((c) => [c.id, c.name]));
  const counts = new Map(data.statusCounts.map((s) => [s.status, s.orders]));
  const rate = (v: number | null) => fmt.pct(v, locale);

  return (
    <div className="space-y-4">
      <PageHeader title={H("title")} description={H("description")} />
      <RangePicker from={f.from} to={f.to} />
      <div className="grid gap-4 xl:grid-cols-2">
        <Card>
          <CardHeader><CardTitle>{H("perStatus")}</CardTitle></CardHeader>
          <CardContent>
            <StatusChart filter={f} rows={data.statusCounts} />
            <div className="mt-2 flex flex-wrap gap-2">
              {data.statusCounts.map((s) => (
                <Link key={s.status} href={ordersHref(f, { status: [s.status] })} className="rounded border px-2 py-1 text-sm hover:bg-muted" data-testid={`status-count-${s.status}`}>
                  {t(`status.${s.status}`)} <span className="font-semibold tabular-nums">{s.orders}</span>
                </Link>
              ))}
            </div>
          </CardContent>
        </Card>
        <Card>
          <CardHeader><CardTitle>{H("abnormal")}</CardTitle></CardHeader>
          <CardContent>
            <AbnormalChart filter={f} rows={data.abnormalByDay} />
            <p className="text-xs text-muted-foreground">{H("abnormalHint")}</p>
          </CardContent>
        </Card>
      </div>

      <Card>
        <CardHeader><CardTitle>{H("dwellers", { n: DWELLERS_PER_STATUS })}</CardTitle></CardHeader>
        <CardContent className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
          <p className="text-xs text-muted-foreground md:col-span-2 xl:col-span-4">{H("dwellersHint")}</p>
          {WAITING_STATUSES.map((status) => {
            const rows = data.dwellers.filter((d) => d.status === status);
            return (
              <div key={status} className="space-y-1" data-testid={`dwellers-${status}`}>
                <div className="flex items-center justify-between text-sm font-medium">
                  {t(`status.${status}`)}
                  <Link className="text-xs text-muted-foreground underline" href={ordersHref(f, { status: [status] })}>{H("inRange", { n: counts.get(status) ?? 0 })}</Link>
                </div>
                {rows.length === 0 ? <p className="text-xs text-muted-foreground">—</p> : (
                  <ol className="space-y-0.5 text-xs">
                    {rows.map((d) => (
                      <li key={d.orderId} className="flex justify-between gap-2">
                        <Link className="font-mono underline" href={`/orders/${d.orderId}`}>{d.orderNo}</Link>
                        <span className="tabular-nums text-muted-foreground">{formatDuration(now - new Date(d.since).getTime(), locale)}</span>
                      </li>
                    ))}
                  </ol>
                )}
              </div>
            );
          })}
        </CardContent>
      </Card>

      <div className="grid gap-4 xl:grid-cols-2">
        <Card>
          <CardHeader><CardTitle>{H("manual")}</CardTitle></CardHeader>
          <CardContent>
            {data.manual.length === 0 ? <p className="text-sm text-muted-foreground">{H("noManual")}</p> : (
              <SimpleTable
                rows={data.manual}
                rowKey={(m) => `${m.action}|${m.actorName}`}
                rowTestId="manual-row"
                columns={[
                  { header: H("action"), cell: (m) => m.action },
                  { header: H("person"), cell: (m) => m.actorName },
                  { header: H("times"), align: "right", cell: (m) => <Link className="underline" href={ordersHref(f, { from: null, to: null, act: m.action, actor: m.actorName, src: "CONSOLE", evFrom: f.from, evTo: f.to })}>{m.n}</Link> },
                  { header: H("handled"), align: "right", cell: (m) => fmt.ms(m.handledMs, locale) },
                ]}
              />
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader><CardTitle>{H("heartbeats")}</CardTitle></CardHeader>
          <CardContent>
            {data.heartbeats.length === 0 ? <p className="text-sm text-muted-foreground">{H("noHeartbeats")}</p> : (
              <SimpleTable
                rows={data.heartbeats}
                rowKey={(p) => p.peer}
                rowTestId="heartbeat-row"
                columns={[
                  { header: H("peer"), cell: (p) => <span className="font-mono text-xs">{p.peer}</span> },
                  { header: H("state"), cell: (p) => (p.ok ? <Badge variant="secondary">{H("up")}</Badge> : <Badge variant="destructive">{H("downSince", { time: p.downSince ? formatBizTime(p.downSince, locale) : "—" })}</Badge>) },
                  { header: H("lastCheck"), cell: (p) => `${formatBizTime(p.checkedAt, locale)}${p.latencyMs != null ? ` · ${p.latencyMs} ms` : ""}`, className: "text-xs" },
                ]}
              />
            )}
          </CardContent>
        </Card>
      </div>

      <Card>
        <CardHeader><CardTitle>{H("sync")}</CardTitle></CardHeader>
        <CardContent className="space-y-4">
          <p className="text-xs text-muted-foreground">{H("syncHint")}</p>
          <SimpleTable
            rows={data.sync}
            rowKey={(s) => s.channelId}
            rowTestId="sync-row"
            columns={[
              { header: H("channel"), cell: (s) => channelName.get(s.channelId) ?? s.channelId },
              { header: H("attempts"), align: "right", cell: (s) => s.attempts },
              { header: H("successRate"), align: "right", cell: (s) => rate(s.successRate) },
              { header: H("latencyP50"), align: "right", cell: (s) => fmt.ms(s.latencyP50Ms, locale) },
              { header: H("latencyP95"), align: "right", cell: (s) => fmt.ms(s.latencyP95Ms, locale) },
            ]}
          />
          <div className="text-sm font-medium">{H("quality")}</div>
          <p className="text-xs text-muted-foreground">{H("qualityHint")}</p>
          <QualityChart rows={data.quality} channels={data.channels} />
          {data.quality.length ? (
            <SimpleTable
              rows={data.quality}
              rowKey={(q) => `${q.channelId}|${q.day}`}
              rowTestId="quality-row"
              columns={[
                { header: H("day"), cell: (q) => q.day },
                { header: H("channel"), cell: (q) => channelName.get(q.channelId) ?? q.channelId },
                { header: H("score"), align: "right", cell: (q) => (q.score === null ? "—" : q.score.toFixed(1)) },
                { header: H("completeness"), align: "right", cell: (q) => rate(q.completeness) },
                { header: H("consistency"), align: "right", cell: (q) => rate(q.consistency) },
                { header: H("timeliness"), align: "right", cell: (q) => rate(q.timeliness) },
              ]}
            />
          ) : null}
        </CardContent>
      </Card>
    </div>
  );
}
