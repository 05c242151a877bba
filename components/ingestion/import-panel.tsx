"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { startImportAction } from "@/app/(console)/ingestion/imports/actions";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { ImportJobView } from "@/lib/ingestion/import/list-imports";
import { formatBizTime } from "@/lib/time/biz-time";

export function ImportPanel({ initialJobs, channels }: { initialJobs: ImportJobView[]; channels: { id: string; name: string }[] }) {
  const t = useTranslations();
  const locale = useLocale();
  const qc = useQueryClient();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const { data: jobs = initialJobs } = useQuery({
    queryKey: ["ingestion-imports"],
    queryFn: async (): Promise<ImportJobView[]> => (await (await fetch("/api/ingestion/imports")).json()).jobs,
    initialData: initialJobs,
    // Poll while something is queued or running.
    refetchInterval: (q) => ((q.state.data ?? []).some((j) => j.status === "QUEUED" || j.status === "RUNNING") ? 1000 : false),
  });

  const submit = (form: FormData) =>
    start(async () => {
      const res = await startImportAction(form);
      setMessage(res.ok ? { ok: true, text: t("ingestion.imports.queued") } : { ok: false, text: t(`errors.${res.code}`) });
      if (res.ok) await qc.invalidateQueries({ queryKey: ["ingestion-imports"] });
    });

  return (
    <div className="space-y-4">
      <Card>
        <CardHeader>
          <CardTitle>{t("ingestion.imports.upload")}</CardTitle>
          <CardDescription>{t("ingestion.imports.hint")}</CardDescription>
        </CardHeader>
        <CardContent>
          <form action={submit} className="flex flex-wrap items-end gap-3">
            <div className="space-y-1">
              <Label htmlFor="import-channel">{t("ingestion.imports.channel")}</Label>
              <select id="import-channel" name="channelId" defaultValue="ch_own_mall" className="h-9 rounded-md border bg-background px-2 text-sm">
                {channels.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
              </select>
            </div>
            <div className="space-y-1">
              <Label htmlFor="import-file">{t("ingestion.imports.file")}</Label>
              <Input id="import-file" name="file" type="file" accept=".csv,.xlsx,text/csv" required className="w-72" />
            </div>
            <Button type="submit" disabled={pending} data-testid="import-submit">{pending ? t("ingestion.imports.submitting") : t("ingestion.imports.submit")}</Button>
            <a href="/api/ingestion/template" className="text-sm text-primary hover:underline">{t("ingestion.imports.template")}</a>
          </form>
          {message && <Alert variant={message.ok ? "default" : "destructive"} className="mt-3"><AlertDescription>{message.text}</AlertDescription></Alert>}
        </CardContent>
      </Card>
      <h2 className="text-lg font-medium">{t("ingestion.imports.recent")}</h2>
      {jobs.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("ingestion.imports.none")}</p>
      ) : (
        <ul className="space-y-2" data-testid="import-jobs">
          {jobs.map((j) => {
            const pct = j.totalRows ? Math.round((j.processedRows / j.totalRows) * 100) : j.status === "DONE" ? 100 : 0;
            return (
              <li key={j.id} className="rounded-md border p-3" data-testid="import-job" data-status={j.status}>
                <div className="flex flex-wrap items-center gap-2 text-sm">
                  <span className="font-medium">{j.fileName}</span>
                  <Badge variant={j.status === "FAILED" ? "destructive" : j.status === "DONE" ? "success" : "secondary"}>{t(`ingestion.imports.status.${j.status}`)}</Badge>
                  <span className="text-muted-foreground">{channels.find((c) => c.id === j.channelId)?.name} · {formatBizTime(new Date(j.createdAt), locale)}</span>
                  <span className="ml-auto tabular-nums text-muted-foreground">{t("ingestion.imports.rows", { done: j.processedRows, total: j.totalRows })}</span>
                </div>
                <div className="mt-2 h-2 overflow-hidden rounded bg-muted" role="progressbar" aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100}>
                  <div className="h-full bg-primary transition-all" style={{ width: `${pct}%` }} />
                </div>
                <div className="mt-2 flex flex-wrap gap-4 text-xs text-muted-foreground" data-testid="import-counts">
                  <span>{t("ingestion.imports.created")} {j.createdRows}</span>
                  <span>{t("ingestion.imports.updated")} {j.updatedRows}</span>
                  <span>{t("ingestion.imports.unchanged")} {j.unchangedRows}</span>
                  <span className={j.failedRows ? "text-destructive" : ""}>{t("ingestion.imports.failed")} {j.failedRows}</span>
                  {j.errorCode && <span className="text-destructive">{t(`errors.${j.errorCode as "INTERNAL"}`)}</span>}
                  {j.processedRows > 0 && <a className="text-primary hover:underline" href={`/api/ingestion/imports/${j.id}/results`}>{t("ingestion.imports.results")}</a>}
                  {j.failedRows > 0 && <a className="text-primary hover:underline" href={`/api/ingestion/imports/${j.id}/errors`}>{t("ingestion.imports.errorReport")}</a>}
                  {j.failedRows > 0 && <a className="text-primary hover:underline" href="/ingestion/quarantine">{t("ingestion.tabs.quarantine")}</a>}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
