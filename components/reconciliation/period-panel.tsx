"use client";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { checkPeriodAction, closePeriodAction, rebuildBaselineAction } from "@/app/(console)/reconciliation/actions";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formatFen } from "@/lib/money/fen";
import type { CloseIssue } from "@/lib/reconciliation/close-period";

/** Rebuild the day's baseline, run the three-way match, close the day; shows what disagrees. */
export function PeriodPanel({ day, closed, canClose }: { day: string; closed: boolean; canClose: boolean }) {
  const t = useTranslations();
  const locale = useLocale();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [issues, setIssues] = useState<CloseIssue[] | null>(null);
  const refuse = (code: string, context?: Record<string, unknown>) => {
    setIssues((context?.issues as CloseIssue[] | undefined) ?? null);
    setMessage({ ok: false, text: t(`errors.${code}` as "errors.INTERNAL") });
  };
  const check = () =>
    start(async () => {
      const res = await checkPeriodAction({ day });
      if (!res.ok) return refuse(res.code, res.context);
      setIssues(res.data.issues);
      setMessage({ ok: res.data.issues.length === 0, text: res.data.issues.length === 0 ? t("reconciliation.period.agrees") : t("reconciliation.period.disagrees", { count: res.data.issues.length }) });
    });
  const act = (what: "baseline" | "close") =>
    start(async () => {
      setMessage(null);
      const res = what === "baseline" ? await rebuildBaselineAction({ day }) : await closePeriodAction({ day });
      if (!res.ok) return refuse(res.code, res.context);
      setIssues(null);
      setMessage({ ok: true, text: t(what === "close" ? "reconciliation.period.closedNow" : "reconciliation.period.built") });
      router.refresh();
    });
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        <Button variant="outline" disabled={pending || closed} onClick={() => act("baseline")} data-testid="baseline-build">{t("reconciliation.period.build")}</Button>
        <Button variant="outline" disabled={pending || closed} onClick={check} data-testid="period-check">{t("reconciliation.period.check")}</Button>
        {canClose ? <Button disabled={pending || closed} onClick={() => act("close")} data-testid="period-close">{t("reconciliation.period.close")}</Button> : null}
      </div>
      {message ? <Alert variant={message.ok ? "default" : "destructive"} data-testid="period-message"><AlertDescription>{message.text}</AlertDescription></Alert> : null}
      {issues && issues.length > 0 ? (
        <ul className="space-y-1 rounded-md border p-3 text-sm" data-testid="period-issues">
          {issues.map((i, k) => (
            <li key={k} className="flex gap-3">
              <span className="w-48">{t(`reconciliation.issue.${i.kind}`)}</span>
              {i.orderId ? <Link className="text-primary hover:underline" href={`/orders/${i.orderId}`}>{i.orderNo ?? t("reconciliation.period.order")}</Link> : null}
              {i.kind === "POSTING_MISMATCH" ? <span className="text-muted-foreground">{t("reconciliation.period.mismatch", { posted: formatFen(i.postedFen ?? 0, locale), expected: formatFen(i.expectedFen ?? 0, locale) })}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
