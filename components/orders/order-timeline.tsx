import { useLocale, useTranslations } from "next-intl";
import { formatBizTime } from "@/lib/time/biz-time";
import { StatusBadge } from "./status-badge";

interface Entry { id: string; fromStatus: string | null; toStatus: string; action: string; actorName: string; source: string; reason: string | null; at: Date }

export function OrderTimeline({ entries }: { entries: Entry[] }) {
  const t = useTranslations();
  const locale = useLocale();
  if (entries.length === 0) return <p className="text-sm text-muted-foreground">{t("detail.none")}</p>;
  return (
    <ol className="relative space-y-4 border-l pl-5" data-testid="timeline">
      {entries.map((e) => (
        <li key={e.id} className="relative" data-testid="timeline-entry">
          <span className="absolute -left-[25px] top-1.5 size-2.5 rounded-full bg-primary" />
          <div className="flex flex-wrap items-center gap-2 text-sm">
            {e.fromStatus ? (
              <>
                <StatusBadge status={e.fromStatus} />
                <span className="text-muted-foreground">→</span>
              </>
            ) : null}
            <StatusBadge status={e.toStatus} />
            <span className="text-xs text-muted-foreground">{t.has(`lifecycle.action.${e.action}`) ? t(`lifecycle.action.${e.action}`) : e.action}</span>
          </div>
          <div className="mt-1 text-xs text-muted-foreground">
            {formatBizTime(e.at, locale)} · {t("detail.by", { actor: e.actorName, source: t(`source.${e.source}`) })}
            {e.reason ? ` · ${e.reason}` : ""}
          </div>
        </li>
      ))}
    </ol>
  );
}
