import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { Actor } from "@/lib/access/actor";
import { listOrderExceptions } from "@/lib/anomalies/list-exceptions";
import { getDb } from "@/lib/db/client";
import { formatBizTime } from "@/lib/time/biz-time";
import { historyText } from "./history-text";

/** The order's exceptions and their history (claims, transfers, notes, fixes), beside its status timeline. */
export async function OrderExceptionsCard({ orderId, actor }: { orderId: string; actor: Actor }) {
  const list = await listOrderExceptions(getDb(), actor, orderId);
  if (list.length === 0) return null;
  const t = await getTranslations("anomalies");
  const locale = await getLocale();
  return (
    <Card data-testid="order-exceptions">
      <CardHeader><CardTitle>{t("title")}</CardTitle></CardHeader>
      <CardContent className="space-y-4">
        {list.map((x) => (
          <div key={x.id} className="space-y-1">
            <Link href={`/exceptions?id=${x.id}&status=ALL`} className="flex flex-wrap items-center gap-2 text-sm hover:underline">
              <Badge variant={x.severity === "SEVERE" ? "destructive" : "secondary"}>{t(`severity.${x.severity}`)}</Badge>
              {t(`rules.${x.ruleCode}.name`)}
              <Badge variant="outline">{t(`status.${x.status}`)}</Badge>
              <span className="text-xs text-muted-foreground">{formatBizTime(x.openedAt, locale)}</span>
            </Link>
            <ol className="ml-2 space-y-1 border-l pl-3 text-xs" data-testid="order-exception-history">
              {x.events.map((e) => (
                <li key={e.id}>
                  <span className="text-muted-foreground">{formatBizTime(e.createdAt, locale)} · {e.actorName} · {t(`events.${e.kind}`)}</span>
                  {e.body ? <span> — {historyText((k) => t(k as never), e.kind, e.body)}</span> : null}
                </li>
              ))}
            </ol>
          </div>
        ))}
      </CardContent>
    </Card>
  );
}
