"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/utils";
import { claimExceptionsAction } from "@/app/(console)/exceptions/actions";
import { HandOffDialog } from "./hand-off-dialog";
import { SlaCountdown } from "./sla-countdown";
import { useAction } from "@/components/data/use-action";

export interface QueueRow {
  id: string;
  ruleCode: string;
  severity: "LIGHT" | "SEVERE";
  status: string;
  orderNo: string | null;
  subject: string | null;
  channel: string | null;
  assignee: string | null;
  openedAt: string;
  dueAt: string;
  closed: boolean;
  href: string;
}

/** The queue with selection for bulk claim / transfer / resolve (exception.handle only). */
export function ExceptionQueue({ rows, selectedId, canHandle, assignees }: { rows: QueueRow[]; selectedId: string | null; canHandle: boolean; assignees: { id: string; displayName: string }[] }) {
  const t = useTranslations("anomalies");
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const { run, error, busy } = useAction();
  const ids = [...picked];
  const toggle = (id: string, on: boolean) => setPicked((s) => { const n = new Set(s); if (on) n.add(id); else n.delete(id); return n; });
  const clear = () => setPicked(new Set());

  return (
    <div className="space-y-2">
      {canHandle ? (
        <div className="flex flex-wrap items-center gap-2" data-testid="bulk-bar">
          <span className="text-sm text-muted-foreground">{t("selected", { count: ids.length })}</span>
          <Button size="sm" disabled={!ids.length || busy} onClick={() => run(() => claimExceptionsAction({ ids }), clear)} data-testid="bulk-claim">{t("claim")}</Button>
          <HandOffDialog mode="transfer" ids={ids} assignees={assignees} onDone={clear} trigger={<Button size="sm" variant="outline" disabled={!ids.length} data-testid="bulk-transfer">{t("transfer")}</Button>} />
          <HandOffDialog mode="resolve" ids={ids} assignees={assignees} onDone={clear} trigger={<Button size="sm" variant="outline" disabled={!ids.length} data-testid="bulk-resolve">{t("resolve")}</Button>} />
        </div>
      ) : null}
      {error ? <Alert variant="destructive" role="alert"><AlertDescription>{error}</AlertDescription></Alert> : null}
      <Table>
        <TableHeader>
          <TableRow>
            {canHandle ? <TableHead className="w-8" /> : null}
            <TableHead>{t("col.rule")}</TableHead>
            <TableHead>{t("col.order")}</TableHead>
            <TableHead>{t("col.status")}</TableHead>
            <TableHead>{t("col.assignee")}</TableHead>
            <TableHead>{t("col.sla")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.id} data-testid="exception-row" data-rule={r.ruleCode} className={cn(r.id === selectedId && "bg-muted")}>
              {canHandle ? (
                <TableCell><Checkbox checked={picked.has(r.id)} onCheckedChange={(v) => toggle(r.id, v === true)} aria-label={r.id} data-testid="row-select" /></TableCell>
              ) : null}
              <TableCell>
                <Link href={r.href} className="flex items-center gap-2 hover:underline" data-testid="open-exception">
                  <Badge variant={r.severity === "SEVERE" ? "destructive" : "secondary"}>{t(`severity.${r.severity}`)}</Badge>
                  <span className="text-sm">{t(`rules.${r.ruleCode}.name`)}</span>
                </Link>
              </TableCell>
              <TableCell className="font-mono text-xs">{r.orderNo ?? r.subject ?? "—"}<div className="font-sans text-muted-foreground">{r.channel}</div></TableCell>
              <TableCell className="text-xs">{t(`status.${r.status}`)}</TableCell>
              <TableCell className="text-xs">{r.assignee ?? "—"}</TableCell>
              <TableCell><SlaCountdown dueAt={r.dueAt} closed={r.closed} /></TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
