import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { MergesTable } from "@/components/customers/merges-table";
import { NoteForm } from "@/components/customers/note-form";
import { ProposalsTable } from "@/components/customers/proposals-table";
import { StatusBadge } from "@/components/orders/status-badge";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { UnmaskRequestDialog } from "@/components/unmask/unmask-request-dialog";
import { SimpleTable } from "@/components/data/simple-table";
import { can } from "@/lib/access/actor";
import { getCustomerView, type CustomerView } from "@/lib/customers/get-customer-view";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { formatFen } from "@/lib/money/fen";
import { formatBizTime } from "@/lib/time/biz-time";
import { requireActor } from "@/lib/session";

export default async function CustomerPage({ params }: { params: Promise<{ customerId: string }> }) {
  const actor = await requireActor();
  if (!can(actor, "customer.view")) return null; // the layout shows the refusal
  const { customerId } = await params;
  const t = await getTranslations("customers");
  const locale = await getLocale();
  let c: CustomerView;
  try {
    c = await getCustomerView(getDb(), actor, customerId);
  } catch (err) {
    if (isAppError(err) && err.code === "CUSTOMER_NOT_FOUND") notFound();
    throw err;
  }
  const merger = can(actor, "customer.merge");
  return (
    <div className="space-y-4">
      <Link className="text-sm text-primary hover:underline" href="/customers">← {t("back")}</Link>
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-2xl font-semibold" data-testid="customer-name">{c.displayName}</h1>
        {c.phone ? <span className="font-mono text-muted-foreground" data-testid="customer-phone">{c.phone}</span> : null}
        {c.unmask.masked.length || c.unmask.pending.length || c.unmask.granted.length ? (
          <UnmaskRequestDialog entityType="customer" entityId={c.id} masked={c.unmask.masked} pending={c.unmask.pending} granted={c.unmask.granted} />
        ) : null}
        <span className="text-sm text-muted-foreground">{t("since", { time: formatBizTime(c.createdAt, locale) })}</span>
        <div className="flex flex-wrap items-center gap-1" data-testid="customer-tags">
          {c.tags?.tags.length ? c.tags.tags.map((tag) => <Badge key={tag} variant={tag === "VIP" ? "default" : "secondary"}>{t.has(`tag.${tag}`) ? t(`tag.${tag as "VIP"}`) : tag}</Badge>) : <span className="text-sm text-muted-foreground">{t("noTags")}</span>}
          <span className="text-xs text-muted-foreground" data-testid="customer-tags-as-of">
            {c.tags ? t("tagsAsOf", { time: formatBizTime(c.tags.computedAt, locale) }) : t("tagsPending")}
          </span>
        </div>
      </div>
      {c.tags?.figures ? (
        <p className="text-sm text-muted-foreground" data-testid="customer-tag-figures">
          {t("tagFigures", {
            orders: c.tags.figures.paidOrders, recent: c.tags.figures.recentOrders, paid: formatFen(c.tags.figures.paidFen, locale),
            avg: formatFen(c.tags.figures.avgOrderFen, locale), returned: c.tags.figures.returnedOrders,
          })}
        </p>
      ) : null}
      {c.mergedIntoId ? (
        <Alert><AlertDescription>{t("mergedInto")} <Link className="text-primary hover:underline" href={`/customers/${c.mergedIntoId}`}>{t("viewSurvivor")}</Link></AlertDescription></Alert>
      ) : null}
      {c.openExceptions.length ? (
        <Card data-testid="customer-exceptions">
          <CardHeader><CardTitle>{t("exceptions")}</CardTitle></CardHeader>
          <CardContent className="flex flex-wrap gap-2">
            {c.openExceptions.map((e) => (
              <Link key={e.key} href={`/orders/${e.orderId}`} className="rounded-md border px-2 py-1 text-sm hover:bg-muted">
                <span className="font-mono">{e.orderNo}</span> · {t.has(`exceptionKind.${e.kind}`) ? t(`exceptionKind.${e.kind as "ON_HOLD"}`) : e.kind}
                <span className="ml-1 text-xs text-muted-foreground">{formatBizTime(e.since, locale)}</span>
              </Link>
            ))}
          </CardContent>
        </Card>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2" data-testid="customer-orders">
          <CardHeader><CardTitle>{t("ordersTitle")}</CardTitle></CardHeader>
          <CardContent>
            {c.orders.length === 0 ? <p className="text-sm text-muted-foreground">{t("noOrders")}</p> : (
              <SimpleTable
                rows={c.orders}
                rowKey={(o) => o.id}
                columns={[
                  { header: t("orderNo"), cell: (o) => <Link className="font-mono text-primary hover:underline" href={`/orders/${o.id}`}>{o.orderNo}</Link> },
                  { header: t("channel"), cell: (o) => o.channelName },
                  { header: t("status"), cell: (o) => <StatusBadge status={o.status} /> },
                  {
                    header: t("paid"),
                    align: "right",
                    className: "font-mono",
                    cell: (o) => (
                      <>
                        {formatFen(o.paidFen, locale)}
                        {o.refundedFen ? <div className="text-xs text-muted-foreground">{t("refunded")} {formatFen(o.refundedFen, locale)}</div> : null}
                      </>
                    ),
                  },
                  { header: t("receiver"), className: "text-sm", cell: (o) => <>{o.receiverName ?? "—"} <span className="font-mono text-xs text-muted-foreground">{o.receiverPhone ?? ""}</span></> },
                  { header: t("placedAt"), className: "whitespace-nowrap", cell: (o) => formatBizTime(o.placedAt, locale) },
                ]}
              />
            )}
          </CardContent>
        </Card>
        <div className="space-y-4">
          <Card data-testid="customer-notes">
            <CardHeader><CardTitle>{t("notes")}</CardTitle></CardHeader>
            <CardContent className="space-y-3">
              <NoteForm customerId={c.id} orders={c.orders.slice(0, 20).map((o) => ({ id: o.id, label: `${o.orderNo} · ${o.channelName}` }))} />
              {c.notes.length === 0 ? <p className="text-sm text-muted-foreground">{t("noNotes")}</p> : (
                <ul className="space-y-2">
                  {c.notes.map((n) => (
                    <li key={n.id} className="rounded-md border p-2 text-sm" data-testid="customer-note">
                      <div className="text-xs text-muted-foreground">
                        {formatBizTime(n.createdAt, locale)} · {t(`noteChannelValue.${n.channel as "PHONE"}`)} · {n.authorName}
                        {n.orderNo ? <> · {t("noteAbout")} <Link className="font-mono text-primary hover:underline" href={`/orders/${n.orderId}`}>{n.orderNo}</Link></> : null}
                      </div>
                      <p className="whitespace-pre-wrap">{n.body}</p>
                    </li>
                  ))}
                </ul>
              )}
            </CardContent>
          </Card>
          <Card data-testid="customer-identities">
            <CardHeader><CardTitle>{t("identities")}</CardTitle></CardHeader>
            <CardContent>
              {c.identities.length === 0 ? <p className="text-sm text-muted-foreground" data-testid="customer-identities-empty">{t("noIdentities")}</p> : (
              <SimpleTable
                rows={c.identities}
                rowKey={(i) => `${i.kind}-${i.display}`}
                columns={[
                  { header: t("kind"), className: "whitespace-nowrap", cell: (i) => t(`identityKind.${i.kind as "phone"}`) },
                  { header: t("value"), className: "font-mono text-xs whitespace-normal break-all", cell: (i) => i.display },
                  { header: t("fromOrders"), align: "right", cell: (i) => i.orders },
                ]}
              />
              )}
            </CardContent>
          </Card>
        </div>
      </div>
      {c.proposals.length ? (
        <Card data-testid="customer-proposals">
          <CardHeader><CardTitle>{t("proposals")}</CardTitle></CardHeader>
          <CardContent><ProposalsTable rows={c.proposals} canMerge={merger} /></CardContent>
        </Card>
      ) : null}
      {c.merges.length ? (
        <Card data-testid="customer-merges">
          <CardHeader><CardTitle>{t("merges")}</CardTitle></CardHeader>
          <CardContent>
            <MergesTable
              canUnmerge={merger}
              rows={c.merges.map((m) => ({ ...m, mergedAt: m.mergedAt.toISOString(), unmergedAt: m.unmergedAt?.toISOString() ?? null }))}
            />
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
