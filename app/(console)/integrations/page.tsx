import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { SimpleTable } from "@/components/data/simple-table";
import { can } from "@/lib/access/actor";
import { getDb } from "@/lib/db/client";
import { getIntegrationOverview } from "@/lib/integrations/integration-overview";
import { requireActor } from "@/lib/session";
import { formatBizTime } from "@/lib/time/biz-time";
import { RerunButton } from "./rerun-button";

/** 集成: peers' heartbeats, dead letters with one-click re-run, alerts and the latest callbacks. */
export default async function IntegrationsPage() {
  const actor = await requireActor();
  if (!can(actor, "integration.manage")) notFound();
  const data = await getIntegrationOverview(getDb(), actor);
  const t = await getTranslations();
  const locale = await getLocale();
  const time = (d: Date) => formatBizTime(d, locale);
  const L = (k: string) => t(`lifecycle.integrations.${k}`);
  const orderLink = (id: string | null) => (id ? <Link className="font-mono text-xs underline" href={`/orders/${id}`}>{id.slice(0, 8)}…</Link> : "—");

  return (
    <div className="space-y-4">
      <div className="flex items-center gap-3">
        <h1 className="text-2xl font-semibold">{L("title")}</h1>
        <Badge variant="secondary" data-testid="outbox-backlog">{L("outbox")}: {data.outboxBacklog}</Badge>
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <Card>
          <CardHeader><CardTitle>{L("heartbeats")}</CardTitle></CardHeader>
          <CardContent>
            {data.peers.length === 0 ? <p className="text-sm text-muted-foreground">{L("noHeartbeats")}</p> : (
            <SimpleTable
              rows={data.peers}
              rowKey={(p) => p.peer}
              rowTestId="peer-row"
              columns={[
                { header: L("peer"), cell: (p) => p.peer, className: "font-mono text-xs" },
                { header: L("lastCheck"), cell: (p) => `${time(p.checkedAt)}${p.latencyMs != null ? ` · ${p.latencyMs} ms` : ""}`, className: "text-xs" },
                { header: "", cell: (p) => (p.ok ? <Badge variant="secondary">{L("up")}</Badge> : <Badge variant="destructive" title={p.detail ?? ""}>{L("down")}</Badge>) },
              ]}
            />
            )}
          </CardContent>
        </Card>
        <Card className="lg:col-span-2">
          <CardHeader><CardTitle>{L("deadLetters")}</CardTitle></CardHeader>
          <CardContent>
            {data.deadLetters.length === 0 ? <p className="text-sm text-muted-foreground">{L("noDeadLetters")}</p> : (
              <SimpleTable
                rows={data.deadLetters}
                rowKey={(d) => d.id}
                rowTestId="dead-letter-row"
                columns={[
                  { header: L("queue"), cell: (d) => d.queue, className: "font-mono text-xs" },
                  { header: L("failedAt"), cell: (d) => time(d.failedAt), className: "text-xs" },
                  { header: L("payload"), cell: (d) => orderLink(d.orderId) },
                  { header: L("lastError"), cell: (d) => <span title={d.lastError ?? ""}>{d.lastError}</span>, className: "max-w-64 truncate text-xs" },
                  { header: "", cell: (d) => <RerunButton id={d.id} /> },
                ]}
              />
            )}
          </CardContent>
        </Card>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader><CardTitle>{L("alerts")}</CardTitle></CardHeader>
          <CardContent>
            {data.alerts.length === 0 ? <p className="text-sm text-muted-foreground">{L("noAlerts")}</p> : (
              <SimpleTable
                rows={data.alerts}
                rowKey={(a) => a.id}
                rowTestId="alert-row"
                columns={[
                  { header: L("kind"), cell: (a) => a.kind, className: "font-mono text-xs" },
                  { header: L("receivedAt"), cell: (a) => time(a.createdAt), className: "text-xs" },
                  { header: "", cell: (a) => orderLink(a.orderId) },
                  { header: "", cell: (a) => <span title={a.detail}>{a.detail}</span>, className: "max-w-72 truncate text-xs" },
                ]}
              />
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader><CardTitle>{L("inbound")}</CardTitle></CardHeader>
          <CardContent>
            <SimpleTable
              rows={data.inbound}
              rowKey={(r) => r.id}
              rowTestId="inbound-row"
              columns={[
                { header: L("source"), cell: (r) => r.source, className: "font-mono text-xs" },
                {
                  header: L("outcome"),
                  cell: (r) => (
                    <>
                      <Badge variant={r.outcome === "REJECTED" || r.outcome === "FAILED" ? "destructive" : "secondary"}>{r.outcome}</Badge>
                      {r.errorCode ? <span className="ml-1 font-mono text-xs">{r.errorCode}</span> : null}
                    </>
                  ),
                },
                { header: L("receivedAt"), cell: (r) => time(r.receivedAt), className: "text-xs" },
                { header: "", cell: (r) => orderLink(r.orderId) },
              ]}
            />
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
