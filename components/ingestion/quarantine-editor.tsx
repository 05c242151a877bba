"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState, useTransition } from "react";
import { discardQuarantinedAction, replayQuarantinedAction } from "@/app/(console)/ingestion/actions";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";

type Result = { kind: "ok"; text: string; orderIds?: string[] } | { kind: "error"; text: string } | null;

export function QuarantineEditor({ id, rawBody, open, status }: { id: string; rawBody: string; open: boolean; status: string }) {
  const t = useTranslations();
  const [body, setBody] = useState(rawBody);
  const [reason, setReason] = useState("");
  const [result, setResult] = useState<Result>(null);
  const [pending, start] = useTransition();
  const [closed, setClosed] = useState(!open);

  const replay = () =>
    start(async () => {
      const res = await replayQuarantinedAction({ id, body });
      if (res.ok) {
        setClosed(true);
        setResult({ kind: "ok", text: t("ingestion.quarantine.replayed", { orders: res.data.orderNos.join("、") }), orderIds: res.data.orderIds });
      } else {
        const detail = typeof res.context?.message === "string" ? `：${res.context.message}` : "";
        setResult({ kind: "error", text: `${t(`errors.${res.code}`)}${detail}` });
      }
    });
  const discard = () =>
    start(async () => {
      const res = await discardQuarantinedAction({ id, reason });
      if (res.ok) {
        setClosed(true);
        setResult({ kind: "ok", text: t("ingestion.quarantine.discarded") });
      } else setResult({ kind: "error", text: t(`errors.${res.code}`) });
    });

  return (
    <div className="space-y-3">
      <h2 className="text-sm font-medium">{t("ingestion.quarantine.rawTitle")}</h2>
      {closed && !result && <Alert><AlertDescription>{t("ingestion.quarantine.closed")} ({t(`ingestion.quarantine.status.${status as "OPEN"}`)})</AlertDescription></Alert>}
      <Textarea data-testid="q-body" value={body} onChange={(e) => setBody(e.target.value)} readOnly={closed}
        className="min-h-[420px] font-mono text-xs" spellCheck={false} />
      {result && (
        <Alert variant={result.kind === "error" ? "destructive" : "default"} data-testid="q-result">
          <AlertDescription>
            <span>
              {result.text}
              {result.kind === "ok" && result.orderIds?.[0] && <Link className="ml-2 text-primary underline" href={`/orders/${result.orderIds[0]}`}>{t("ingestion.quarantine.viewOrder")}</Link>}
            </span>
          </AlertDescription>
        </Alert>
      )}
      {!closed && (
        <div className="flex flex-wrap items-center gap-2">
          <Button onClick={replay} disabled={pending} data-testid="q-replay">{pending ? t("ingestion.quarantine.replaying") : t("ingestion.quarantine.replay")}</Button>
          <div className="ml-auto flex items-center gap-2">
            <Input className="w-64" placeholder={t("ingestion.quarantine.discardReason")} value={reason} onChange={(e) => setReason(e.target.value)} />
            <Button variant="outline" onClick={discard} disabled={pending || reason.trim().length < 2}>{t("ingestion.quarantine.discard")}</Button>
          </div>
        </div>
      )}
    </div>
  );
}
