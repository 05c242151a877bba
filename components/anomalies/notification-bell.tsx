"use client";
import { Bell } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { markNotificationsReadAction } from "@/app/(console)/exceptions/actions";
import { useAction } from "@/components/data/use-action";

export interface BellItem { id: string; ruleCode: string; severity: "LIGHT" | "SEVERE"; orderNo: string | null; openedAt: string }

/** In-app alerts (light and severe): new exceptions since the user last marked them read. */
export function NotificationBell({ unread, items }: { unread: number; items: BellItem[] }) {
  const t = useTranslations("anomalies");
  const { run, busy } = useAction();
  return (
    <Popover>
      <PopoverTrigger asChild>
        <Button variant="ghost" size="sm" className="relative" aria-label={t("bell.title")} data-testid="bell">
          <Bell className="size-4" />
          {unread > 0 ? <span className="absolute -right-1 -top-1 rounded-full bg-destructive px-1.5 text-[10px] font-medium text-white" data-testid="bell-count">{unread > 99 ? "99+" : unread}</span> : null}
        </Button>
      </PopoverTrigger>
      <PopoverContent align="end" className="w-80 space-y-2">
        <div className="text-sm font-medium">{unread > 0 ? t("bell.unread", { count: unread }) : t("bell.none")}</div>
        <ul className="space-y-1">
          {items.map((i) => (
            <li key={i.id}>
              <Link href={`/exceptions?id=${i.id}`} className="flex items-center gap-2 text-xs hover:underline">
                <Badge variant={i.severity === "SEVERE" ? "destructive" : "secondary"}>{t(`severity.${i.severity}`)}</Badge>
                <span className="truncate">{t(`rules.${i.ruleCode}.name`)}</span>
                <span className="ml-auto font-mono text-muted-foreground">{i.orderNo ?? ""}</span>
              </Link>
            </li>
          ))}
        </ul>
        <div className="flex justify-between gap-2 pt-1">
          <Button asChild size="sm" variant="outline"><Link href="/exceptions">{t("bell.openWorkbench")}</Link></Button>
          {unread > 0 ? <Button size="sm" variant="secondary" disabled={busy} onClick={() => run(() => markNotificationsReadAction())} data-testid="bell-read">{t("bell.markRead")}</Button> : null}
        </div>
      </PopoverContent>
    </Popover>
  );
}
