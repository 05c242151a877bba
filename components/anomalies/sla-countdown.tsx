"use client";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { formatDuration } from "@/lib/time/biz-time";
import { cn } from "@/lib/utils";

/** Time left to the SLA deadline, ticking every 30 s; red once overdue. */
export function SlaCountdown({ dueAt, closed }: { dueAt: string; closed: boolean }) {
  const t = useTranslations("anomalies.sla");
  const locale = useLocale();
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  if (closed) return <span className="text-xs text-muted-foreground">{t("closed")}</span>;
  if (now === null) return <span className="text-xs">…</span>; // the server's clock is not the viewer's: render after mount
  const left = new Date(dueAt).getTime() - now;
  return (
    <span data-testid="sla" className={cn("text-xs tabular-nums", left < 0 ? "font-medium text-destructive" : left < 30 * 60_000 ? "text-amber-600" : "text-muted-foreground")}>
      {left < 0 ? t("overdue", { time: formatDuration(-left, locale) }) : t("left", { time: formatDuration(left, locale) })}
    </span>
  );
}
