import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AnomalyTabs } from "@/components/anomalies/anomaly-tabs";
import { ExceptionDetail } from "@/components/anomalies/exception-detail";
import { ExceptionQueue, type QueueRow } from "@/components/anomalies/exception-queue";
import { UrlPager } from "@/components/data/url-pager";
import { ExportButton } from "@/components/exports/export-button";
import { PageHeader } from "@/components/layout/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { can } from "@/lib/access/actor";
import { canSeeWorkbench, ExceptionQuery, listAssignees, listExceptions } from "@/lib/anomalies/list-exceptions";
import { RULE_CODES } from "@/lib/anomalies/rules";
import { getDb } from "@/lib/db/client";
import { listOrderChannels } from "@/lib/orders/list-order-channels";
import { requireActor } from "@/lib/session";

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
const AGES = [1, 2, 4, 24, 48];

/** 异常工作台: filters, the queue with SLA countdowns and bulk actions, and the selected exception beside it. */
export default async function ExceptionsPage({ searchParams }: { searchParams: Promise<Params> }) {
  const actor = await requireActor();
  if (!canSeeWorkbench(actor)) notFound();
  const sp = await searchParams;
  const filter = ExceptionQuery.safeParse({
    rule: one(sp.rule), severity: one(sp.severity), channel: one(sp.channel), assignee: one(sp.assignee), status: one(sp.status), minAgeHours: one(sp.age), page: one(sp.page),
  });
  const q = filter.success ? filter.data : ExceptionQuery.parse({});
  const selectedId = one(sp.id) ?? null;
  const db = getDb();
  const t = await getTranslations("anomalies");
  const locale = await getLocale();
  const canHandle = can(actor, "exception.handle");
  const [list, assignees, channels] = await Promise.all([
    listExceptions(db, actor, q),
    canHandle ? listAssignees(db, actor) : Promise.resolve([]),
    listOrderChannels(db, actor),
  ]);
  const channelName = new Map(channels.map((c) => [c.id, c.name]));
  const query = (over: Record<string, string | number | undefined>) => {
    const u = new URLSearchParams();
    const base = { rule: q.rule, severity: q.severity, channel: q.channel, assignee: q.assignee, status: q.status === "OPEN_ALL" ? undefined : q.status, age: q.minAgeHours, page: q.page > 1 ? q.page : undefined, id: selectedId ?? undefined, ...over };
    for (const [k, v] of Object.entries(base)) if (v !== undefined && v !== "") u.set(k, String(v));
    return `/exceptions?${u.toString()}`;
  };
  const rows: QueueRow[] = list.rows.map((r) => ({
    id: r.id, ruleCode: r.ruleCode, severity: r.severity, status: r.status, orderNo: r.order?.orderNo ?? null,
    subject: r.order ? null : String((r.detail as { skuCode?: string })?.skuCode ?? ""), channel: r.channelId ? channelName.get(r.channelId) ?? r.channelId : null,
    assignee: r.assignee?.displayName ?? null, openedAt: r.openedAt.toISOString(), dueAt: r.dueAt.toISOString(),
    closed: r.status === "RESOLVED" || r.status === "AUTO_CLOSED", href: query({ id: r.id }),
  }));
  const pages = Math.max(1, Math.ceil(list.total / list.size));
  const sel = "h-9 rounded-md border bg-background px-2 text-sm";

  return (
    <div className="space-y-4">
      <div className="flex items-start justify-between gap-4">
        <PageHeader title={t("title")} description={t("description")} />
        {can(actor, "order.export") && actor.exportRowCap > 0 ? <ExportButton endpoint="/api/exports/exceptions" cap={actor.exportRowCap} /> : null}
      </div>
      <AnomalyTabs showRules={can(actor, "rules.manage")} />
      <form action="/exceptions" className="flex flex-wrap items-end gap-2" data-testid="exception-filters">
        <label className="space-y-1 text-xs">{t("filters.rule")}
          <select name="rule" defaultValue={q.rule ?? ""} className={`${sel} block`} data-testid="filter-rule">
            <option value="">{t("filters.any")}</option>
            {RULE_CODES.map((c) => <option key={c} value={c}>{t(`rules.${c}.name`)}</option>)}
          </select>
        </label>
        <label className="space-y-1 text-xs">{t("filters.severity")}
          <select name="severity" defaultValue={q.severity ?? ""} className={`${sel} block`} data-testid="filter-severity">
            <option value="">{t("filters.any")}</option>
            <option value="LIGHT">{t("severity.LIGHT")}</option>
            <option value="SEVERE">{t("severity.SEVERE")}</option>
          </select>
        </label>
        <label className="space-y-1 text-xs">{t("filters.channel")}
          <select name="channel" defaultValue={q.channel ?? ""} className={`${sel} block`} data-testid="filter-channel">
            <option value="">{t("filters.any")}</option>
            {channels.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </label>
        <label className="space-y-1 text-xs">{t("filters.assignee")}
          <select name="assignee" defaultValue={q.assignee ?? ""} className={`${sel} block`} data-testid="filter-assignee">
            <option value="">{t("filters.any")}</option>
            <option value="me">{t("filters.me")}</option>
            <option value="none">{t("filters.none")}</option>
            {assignees.map((a) => <option key={a.id} value={a.id}>{a.displayName}</option>)}
          </select>
        </label>
        <label className="space-y-1 text-xs">{t("filters.status")}
          <select name="status" defaultValue={q.status} className={`${sel} block`} data-testid="filter-status">
            {(["OPEN_ALL", "OPEN", "CLAIMED", "RESOLVED", "AUTO_CLOSED", "ALL"] as const).map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
          </select>
        </label>
        <label className="space-y-1 text-xs">{t("filters.age")}
          <select name="age" defaultValue={q.minAgeHours ?? ""} className={`${sel} block`} data-testid="filter-age">
            <option value="">{t("filters.ageAny")}</option>
            {AGES.map((h) => <option key={h} value={h}>{t("filters.ageHours", { n: h })}</option>)}
          </select>
        </label>
        <Button type="submit" size="sm" data-testid="filter-apply">{t("filters.apply")}</Button>
      </form>
      <div className="grid gap-4 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card>
          <CardContent className="space-y-3 pt-6">
            {rows.length === 0 ? <p className="text-sm text-muted-foreground">{t("none")}</p> : <ExceptionQueue rows={rows} selectedId={selectedId} canHandle={canHandle} assignees={assignees} />}
            <UrlPager page={list.page} pageCount={pages} totalText={t("total", { total: list.total })} labels={{ page: `${list.page} / ${pages}`, prev: t("prev"), next: t("next") }} />
          </CardContent>
        </Card>
        <div>
          {selectedId ? <ExceptionDetail id={selectedId} actor={actor} locale={locale} assignees={assignees} /> : (
            <Card><CardContent className="pt-6 text-sm text-muted-foreground">{t("detail.pick")}</CardContent></Card>
          )}
        </div>
      </div>
    </div>
  );
}
