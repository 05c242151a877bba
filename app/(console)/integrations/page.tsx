import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
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
            <Table>
              <TableHeader><TableRow><TableHead>{L("peer")}</TableHead><TableHead>{L("lastCheck")}</TableHead><TableHead /></TableRow></TableHeader>
              <TableBody>
                {data.peers.map((p) => (
                  <TableRow key={p.peer} data-testid="peer-row">
                    <TableCell className="font-mono text-xs">{p.peer}</TableCell>
                    <TableCell className="text-xs">{time(p.checkedAt)}{p.latencyMs != null ? ` · ${p.latencyMs} ms` : ""}</TableCell>
                    <TableCell>{p.ok ? <Badge variant="secondary">{L("up")}</Badge> : <Badge variant="destructive" title={p.detail ?? ""}>{L("down")}</Badge>}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            )}
          </CardContent>
        </Card>
        <Card className="lg:col-span-2">
          <CardHeader><CardTitle>{L("deadLetters")}</CardTitle></CardHeader>
          <CardContent>
            {data.deadLetters.length === 0 ? <p className="text-sm text-muted-foreground">{L("noDeadLetters")}</p> : (
              <Table>
                <TableHeader><TableRow><TableHead>{L("queue")}</TableHead><TableHead>{L("failedAt")}</TableHead><TableHead>{L("payload")}</TableHead><TableHead>{L("lastError")}</TableHead><TableHead /></TableRow></TableHeader>
                <TableBody>
                  {data.deadLetters.map((d) => (
                    <TableRow key={d.id} data-testid="dead-letter-row">
                      <TableCell className="font-mono text-xs">{d.queue}</TableCell>
                      <TableCell className="text-xs">{time(d.failedAt)}</TableCell>
                      <TableCell>{orderLink(d.orderId)}</TableCell>
                      <TableCell className="max-w-64 truncate text-xs" title={d.lastError ?? ""}>{d.lastError}</TableCell>
                      <TableCell><RerunButton id={d.id} /></TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </CardContent>
        </Card>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader><CardTitle>{L("alerts")}</CardTitle></CardHeader>
          <CardContent>
            {data.alerts.length === 0 ? <p className="text-sm text-muted-foreground">{L("noAlerts")}</p> : (
              <Table>
                <TableHeader><TableRow><TableHead>{L("kind")}</TableHead><TableHead>{L("receivedAt")}</TableHead><TableHead /><TableHead /></TableRow></TableHeader>
                <TableBody>
                  {data.alerts.map((a) => (
                    <TableRow key={a.id} data-testid="alert-row">
                      <TableCell className="font-mono text-xs">{a.kind}</TableCell>
                      <TableCell className="text-xs">{time(a.createdAt)}</TableCell>
                      <TableCell>{orderLink(a.orderId)}</TableCell>
                      <TableCell className="max-w-72 truncate text-xs" title={a.detail}>{a.detail}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader><CardTitle>{L("inbound")}</CardTitle></CardHeader>
          <CardContent>
            <Table>
              <TableHeader><TableRow><TableHead>{L("source")}</TableHead><TableHead>{L("outcome")}</TableHead><TableHead>{L("receivedAt")}</TableHead><TableHead /></TableRow></TableHeader>
              <TableBody>
                {data.inbound.map((r) => (
                  <TableRow key={r.id} data-testid="inbound-row">
                    <TableCell className="font-mono text-xs">{r.source}</TableCell>
                    <TableCell><Badge variant={r.outcome === "REJECTED" || r.outcome === "FAILED" ? "destructive" : "secondary"}>{r.outcome}</Badge>{r.errorCode ? <span className="ml-1 font-mono text-xs">{r.errorCode}</span> : null}</TableCell>
                    <TableCell className="text-xs">{time(r.receivedAt)}</TableCell>
                    <TableCell>{orderLink(r.orderId)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
