"use client";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { cancelUnmaskAction, decideUnmaskAction } from "@/app/(console)/unmask/actions";
import { useActionErrorText } from "@/components/data/action-error";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { UNMASK_DEFAULT_MINUTES, UNMASK_DURATIONS_MIN } from "@/lib/access/unmask-grants";
import type { UnmaskRequestRow } from "@/lib/access/list-unmask-requests";
import { formatBizTime } from "@/lib/time/biz-time";

const VARIANT = { PENDING: "secondary", APPROVED: "default", EXPIRED: "outline", REFUSED: "destructive", CANCELLED: "outline" } as const;

/** mode "mine": the requester's view (withdraw while pending); "queue": an approver's (approve for a chosen time, or refuse). */
export function UnmaskRequestsTable({ rows, mode }: { rows: UnmaskRequestRow[]; mode: "mine" | "queue" | "decided" }) {
  const t = useTranslations("access.unmask");
  const tf = useTranslations("access.field");
  const locale = useLocale();
  const errorText = useActionErrorText();
  const [busy, startTransition] = useTransition();
  const [minutes, setMinutes] = useState<Record<string, number>>({});
  const [error, setError] = useState<string | null>(null);
  const time = (iso: string | null) => (iso ? formatBizTime(new Date(iso), locale) : "—");
  const run = (p: Promise<{ ok: boolean; code?: string }>) => startTransition(async () => {
    const res = await p;
    setError(res.ok ? null : errorText(res as never));
  });

  if (rows.length === 0) return <p className="text-sm text-muted-foreground">{t("none")}</p>;
  return (
    <div className="space-y-2">
      {error ? <p className="text-sm text-destructive" role="alert">{error}</p> : null}
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>{t("order")}</TableHead>
            <TableHead>{t("field")}</TableHead>
            {mode !== "mine" ? <TableHead>{t("requester")}</TableHead> : null}
            <TableHead>{t("reason")}</TableHead>
            <TableHead>{t("createdAt")}</TableHead>
            <TableHead>{t("status")}</TableHead>
            <TableHead>{mode === "queue" ? t("duration") : t("expiresAt")}</TableHead>
            {mode !== "decided" ? <TableHead /> : <TableHead>{t("decider")}</TableHead>}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.id} data-testid={`unmask-row-${r.entityLabel}`}>
              <TableCell>
                <span className="mr-1 text-xs text-muted-foreground">{t(`entity.${r.entityType === "customer" ? "customer" : "order"}`)}</span>
                {mode === "mine" ? <Link className="font-mono text-primary hover:underline" href={`/${r.entityType === "customer" ? "customers" : "orders"}/${r.entityId}`}>{r.entityLabel}</Link> : <span className="font-mono">{r.entityLabel}</span>}
              </TableCell>
              <TableCell>{tf(r.field as "phone")}</TableCell>
              {mode !== "mine" ? <TableCell>{r.requesterName}</TableCell> : null}
              <TableCell className="max-w-xs text-sm">{r.reason}</TableCell>
              <TableCell className="whitespace-nowrap">{time(r.createdAt)}</TableCell>
              <TableCell><Badge variant={VARIANT[r.status]} data-testid="unmask-status">{t(`statusValue.${r.status}`)}</Badge></TableCell>
              {mode === "queue" ? (
                <TableCell>
                  <Select value={String(minutes[r.id] ?? UNMASK_DEFAULT_MINUTES)} onValueChange={(v) => setMinutes((m) => ({ ...m, [r.id]: Number(v) }))}>
                    <SelectTrigger className="w-28" data-testid="unmask-duration"><SelectValue /></SelectTrigger>
                    <SelectContent>{UNMASK_DURATIONS_MIN.map((m) => <SelectItem key={m} value={String(m)}>{t("minutes", { n: m })}</SelectItem>)}</SelectContent>
                  </Select>
                </TableCell>
              ) : (
                <TableCell className="whitespace-nowrap">{time(r.expiresAt)}</TableCell>
              )}
              {mode === "queue" ? (
                <TableCell className="space-x-1 whitespace-nowrap text-right">
                  <Button size="sm" disabled={busy} data-testid="unmask-approve" onClick={() => run(decideUnmaskAction({ id: r.id, decision: "APPROVED", minutes: minutes[r.id] ?? UNMASK_DEFAULT_MINUTES }))}>{t("approve")}</Button>
                  <Button size="sm" variant="outline" disabled={busy} data-testid="unmask-refuse" onClick={() => run(decideUnmaskAction({ id: r.id, decision: "REFUSED" }))}>{t("refuse")}</Button>
                </TableCell>
              ) : mode === "mine" ? (
                <TableCell className="text-right">
                  {r.status === "PENDING" ? <Button size="sm" variant="ghost" disabled={busy} onClick={() => run(cancelUnmaskAction(r.id))}>{t("cancel")}</Button> : null}
                </TableCell>
              ) : (
                <TableCell>{r.deciderName ?? "—"}</TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
