import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/orders/status-badge";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { can, type Actor } from "@/lib/access/actor";
import { getExceptionDetail } from "@/lib/anomalies/list-exceptions";
import { isApprovalRule } from "@/lib/anomalies/rules";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { TRANSITIONS } from "@/lib/lifecycle/transitions";
import { formatFen } from "@/lib/money/fen";
import { formatBizTime } from "@/lib/time/biz-time";
import { ExceptionActions, type FixKind } from "./exception-actions";
import { historyText } from "./history-text";
import { SlaCountdown } from "./sla-countdown";

/** The selected exception: facts, history (备注留痕), the order and the customer's other orders, and what can be done. */
export async function ExceptionDetail({ id, actor, locale, assignees }: { id: string; actor: Actor; locale: string; assignees: { id: string; displayName: string }[] }) {
  const t = await getTranslations();
  const a = (k: string, v?: Record<string, string | number>) => t(`anomalies.${k}`, v);
  let ex: Awaited<ReturnType<typeof getExceptionDetail>>;
  try {
    ex = await getExceptionDetail(getDb(), actor, id);
  } catch (err) {
    if (isAppError(err)) return <Card><CardContent className="pt-6 text-sm text-destructive" role="alert">{t(`errors.${err.code}`)}</CardContent></Card>;
    throw err;
  }
  const time = (d: Date) => formatBizTime(d, locale);
  const open = ex.status === "OPEN" || ex.status === "CLAIMED";
  const order = ex.order;
  const approval = isApprovalRule(ex.ruleCode);
  const fixes: FixKind[] = [];
  if (order) {
    const s = order.status;
    if (s === "PAID" && can(actor, "order.ship")) fixes.push("repush");
    if (TRANSITIONS.hold.from.includes(s) && can(actor, "order.hold")) fixes.push("hold");
    if (!approval && TRANSITIONS.release.from.includes(s) && can(actor, "order.hold")) fixes.push("release");
    if (TRANSITIONS.cancel.from.includes(s) && can(actor, "order.manage")) fixes.push("cancel");
    if ((ex.ruleCode === "ADDRESS_KEYWORD" || ex.ruleCode === "HIGH_VALUE_BAD_ADDRESS") && can(actor, "exception.handle")) fixes.push("addressCorrected");
  }
  const pendingApproval = approval && can(actor, "exception.approve") && !!order?.approvals.some((p) => p.status === "PENDING");

  return (
    <div className="space-y-4" data-testid="exception-detail">
      <Card>
        <CardHeader className="space-y-2">
          <CardTitle className="flex flex-wrap items-center gap-2 text-base">
            <Badge variant={ex.severity === "SEVERE" ? "destructive" : "secondary"}>{a(`severity.${ex.severity}`)}</Badge>
            {a(`rules.${ex.ruleCode}.name`)}
            <Badge variant="outline" data-testid="exception-status">{a(`status.${ex.status}`)}</Badge>
          </CardTitle>
          <div className="flex flex-wrap gap-x-4 text-xs text-muted-foreground">
            <span>{a("detail.opened", { time: time(ex.openedAt) })}</span>
            <span>{a("detail.due", { time: time(ex.dueAt) })}</span>
            <SlaCountdown dueAt={ex.dueAt.toISOString()} closed={!open} />
            {ex.assignee ? <span data-testid="exception-assignee">{t("anomalies.col.assignee")}: {ex.assignee.displayName}</span> : null}
          </div>
          {ex.closeReason ? <p className="text-sm">{a("detail.closedBecause", { reason: a(`closeReasons.${ex.closeReason}`) })}</p> : null}
          {ex.resolutionCode ? <p className="text-sm">{a("resolutionCode")}: {a(`resolution.${ex.resolutionCode}`)}</p> : null}
        </CardHeader>
        <CardContent className="space-y-3">
          <div className="text-xs text-muted-foreground">{a("detail.facts")}: <span className="font-mono">{JSON.stringify(ex.detail)}</span></div>
          <ExceptionActions id={ex.id} open={open} canHandle={can(actor, "exception.handle")} canClaim={ex.assignee?.id !== actor.id} fixes={fixes} approval={pendingApproval} assignees={assignees} />
        </CardContent>
      </Card>
      {order ? (
        <Card>
          <CardHeader><CardTitle className="text-base">{a("detail.orderSummary")}</CardTitle></CardHeader>
          <CardContent className="space-y-2 text-sm">
            <div className="flex flex-wrap items-center gap-2">
              <Link href={`/orders/${order.id}`} className="font-mono underline" data-testid="exception-order-link">{order.orderNo}</Link>
              <StatusBadge status={order.status} />
              <span className="money">{formatFen(order.paidFen, locale)}</span>
              <span className="text-muted-foreground">{order.channel.name} · {order.receiverRegion ?? ""} {order.receiverProvince ?? ""}{order.receiverCity ?? ""}</span>
            </div>
            <div className="text-xs text-muted-foreground">{order.items.map((i) => `${i.title} ×${i.quantity}`).join("，")}</div>
            {order.approvals.length ? (
              <div className="text-xs">{a("detail.approvals")}: {order.approvals.map((p) => `${a(`approval.${p.kind}`)} · ${a(`approval.status.${p.status}`)}`).join("；")}</div>
            ) : null}
            <div className="pt-2 text-xs font-medium">{a("detail.otherOrders")}</div>
            {ex.otherOrders.length === 0 ? <p className="text-xs text-muted-foreground">{a("detail.noOtherOrders")}</p> : (
              <ul className="space-y-1 text-xs" data-testid="other-orders">
                {ex.otherOrders.map((o) => (
                  <li key={o.id} className="flex gap-2"><Link className="font-mono underline" href={`/orders/${o.id}`}>{o.orderNo}</Link><StatusBadge status={o.status} /><span>{formatFen(o.paidFen, locale)}</span><span className="text-muted-foreground">{time(o.placedAt)}</span></li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
      ) : null}
      <Card>
        <CardHeader><CardTitle className="text-base">{a("detail.history")}</CardTitle></CardHeader>
        <CardContent>
          {ex.events.length === 0 ? <p className="text-sm text-muted-foreground">{a("detail.noHistory")}</p> : (
            <ol className="space-y-2 text-sm" data-testid="exception-history">
              {ex.events.map((e) => (
                <li key={e.id} className="border-l-2 pl-3" data-testid="history-entry">
                  <div className="text-xs text-muted-foreground">{time(e.createdAt)} · {e.actorName} · {a(`events.${e.kind}`)}{e.targetName ? ` → ${e.targetName}` : ""}</div>
                  {e.body ? <div className="whitespace-pre-wrap">{historyText((k) => a(k), e.kind, e.body)}</div> : null}
                </li>
              ))}
            </ol>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
