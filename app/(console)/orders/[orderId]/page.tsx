import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { SimpleTable } from "@/components/data/simple-table";
import { AmountsCard } from "@/components/orders/amounts-card";
import { OrderTimeline } from "@/components/orders/order-timeline";
import { OrderExceptionsCard } from "@/components/anomalies/order-exceptions-card";
import { OrderActions } from "@/components/orders/order-actions";
import { availableActions } from "@/lib/lifecycle/transitions";
import { orderAction } from "./lifecycle-actions";
import { StatusBadge } from "@/components/orders/status-badge";
import { UnmaskRequestDialog } from "@/components/unmask/unmask-request-dialog";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { formatFen } from "@/lib/money/fen";
import { getOrderDetail, type OrderDetail } from "@/lib/orders/get-order-detail";
import { requireActor } from "@/lib/session";
import { formatBizTime } from "@/lib/time/biz-time";

export default async function OrderDetailPage({ params }: { params: Promise<{ orderId: string }> }) {
  const actor = await requireActor();
  const { orderId } = await params;
  let order: OrderDetail;
  try {
    order = await getOrderDetail(getDb(), actor, orderId);
  } catch (err) {
    if (isAppError(err) && err.code === "ORDER_NOT_FOUND") notFound();
    throw err;
  }
  const t = await getTranslations();
  const locale = await getLocale();
  const time = (d: Date | null) => (d ? formatBizTime(d, locale) : "—");
  const money = (fen: number) => formatFen(fen, locale);

  return (
    <div className="space-y-4">
      <Link href="/orders" className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" />
        {t("common.backToList")}
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="font-mono text-2xl font-semibold" data-testid="order-no">{order.orderNo}</h1>
        <StatusBadge status={order.status} />
        {order.isTest ? <Badge variant="outline">{t("common.test")}</Badge> : null}
        {order.tags.map((tag) => (
          <Badge key={tag} variant="secondary">{tag}</Badge>
        ))}
      </div>
      <OrderActions orderId={order.id} orderNo={order.orderNo} actions={availableActions(actor.permissions, order.status)} refundableFen={order.amounts.paidFen - order.amounts.refundedFen} submit={orderAction} />
      <p className="text-sm text-muted-foreground">
        {order.channel.name} · {t(`platform.${order.channel.platform}`)} · <span className="font-mono">{order.platformOrderId}</span> · {t("detail.platformStatus")}{" "}
        <span className="font-mono">{order.platformStatus}</span>
      </p>

      <div className="grid gap-4 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          <Card>
            <CardHeader><CardTitle>{t("detail.items")}</CardTitle></CardHeader>
            <CardContent>
              <SimpleTable
                rows={order.items}
                rowKey={(i) => i.id}
                columns={[
                  { header: t("detail.sku"), cell: (i) => i.skuCode, className: "font-mono text-xs" },
                  { header: t("detail.itemTitle"), cell: (i) => i.title },
                  { header: t("detail.qty"), cell: (i) => i.quantity, align: "right" },
                  { header: t("detail.unitPrice"), cell: (i) => money(i.unitPriceFen), money: true },
                  { header: t("detail.lineDiscount"), cell: (i) => money(i.discountFen), money: true },
                  { header: t("detail.linePaid"), cell: (i) => money(i.paidFen), money: true },
                ]}
              />
            </CardContent>
          </Card>

          <Card>
            <CardHeader><CardTitle>{t("detail.payments")}</CardTitle></CardHeader>
            <CardContent className="space-y-4">
              {order.payments === null ? (
                <p className="text-sm text-muted-foreground">{t("detail.paymentsHidden")}</p>
              ) : order.payments.length === 0 ? (
                <p className="text-sm text-muted-foreground">{t("detail.none")}</p>
              ) : (
                <SimpleTable
                  rows={order.payments}
                  rowKey={(p) => p.id}
                  columns={[
                    { header: t("detail.payNo"), cell: (p) => p.payNo, className: "font-mono text-xs" },
                    { header: t("detail.provider"), cell: (p) => t(`provider.${p.provider}`) },
                    { header: t("detail.txnId"), cell: (p) => p.providerTxnId ?? "—", className: "font-mono text-xs" },
                    { header: t("detail.amount"), cell: (p) => money(p.amountFen), money: true },
                    { header: t("detail.paidAt"), cell: (p) => time(p.paidAt) },
                  ]}
                />
              )}
              {order.refunds && order.refunds.length > 0 ? (
                <div>
                  <h3 className="mb-2 text-sm font-medium">{t("detail.refunds")}</h3>
                  <SimpleTable
                    rows={order.refunds}
                    rowKey={(r) => r.id}
                    columns={[
                      { header: t("detail.refundNo"), cell: (r) => r.refundNo, className: "font-mono text-xs" },
                      { header: t("detail.amount"), cell: (r) => money(r.amountFen), money: true },
                      { header: t("orders.col.status"), cell: (r) => t(`refundStatus.${r.status}`) },
                      { header: t("detail.reason"), cell: (r) => r.reason ?? "—" },
                    ]}
                  />
                </div>
              ) : null}
            </CardContent>
          </Card>

          <Card>
            <CardHeader><CardTitle>{t("detail.shipments")}</CardTitle></CardHeader>
            <CardContent>
              {order.shipments.length === 0 ? (
                <p className="text-sm text-muted-foreground">{t("detail.none")}</p>
              ) : (
                <SimpleTable
                  rows={order.shipments}
                  rowKey={(s) => s.id}
                  columns={[
                    { header: t("detail.carrier"), cell: (s) => s.carrierCode },
                    { header: t("detail.trackingNo"), cell: (s) => s.trackingNo, className: "font-mono text-xs" },
                    { header: t("detail.shippedAt"), cell: (s) => time(s.shippedAt) },
                    {
                      header: t("detail.lastEvent"),
                      className: "text-sm",
                      cell: (s) => (s.lastEvent ? `${time(s.lastEventAt)} ${s.lastEvent}` : <span className="text-muted-foreground">{t("detail.noLogistics")}</span>),
                    },
                  ]}
                />
              )}
            </CardContent>
          </Card>

          <Card>
            <CardHeader><CardTitle>{t("detail.timeline")}</CardTitle></CardHeader>
            <CardContent>
              <OrderTimeline entries={order.timeline} />
            </CardContent>
          </Card>
          <OrderExceptionsCard orderId={order.id} actor={actor} />
        </div>

        <div className="space-y-4">
          <AmountsCard amounts={order.amounts} />
          <Card>
            <CardHeader><CardTitle>{t("detail.receiver")}</CardTitle></CardHeader>
            <CardContent className="space-y-1 text-sm" data-testid="receiver">
              {order.receiver === null ? (
                <p className="text-muted-foreground">{t("detail.receiverHidden")}</p>
              ) : (
                <>
                  <div className="font-medium">{order.receiver.name} <span className="font-mono" data-testid="receiver-phone">{order.receiver.phone ?? "—"}</span></div>
                  <div>{[order.receiver.province, order.receiver.city, order.receiver.district].filter(Boolean).join(" ")}</div>
                  <div>{order.receiver.detail}</div>
                  {order.receiver.incomplete ? <Alert variant="destructive" className="mt-2"><AlertDescription>{t("detail.addressIncomplete")}</AlertDescription></Alert> : null}
                </>
              )}
              <UnmaskRequestDialog entityType="order" entityId={order.id} masked={order.unmask.masked} pending={order.unmask.pending} granted={order.unmask.granted} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader><CardTitle>{t("detail.times")}</CardTitle></CardHeader>
            <CardContent>
              <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                <dt className="text-muted-foreground">{t("detail.placedAt")}</dt><dd>{time(order.times.placedAt)}</dd>
                <dt className="text-muted-foreground">{t("detail.paidAtShort")}</dt><dd>{time(order.times.paidAt)}</dd>
                <dt className="text-muted-foreground">{t("detail.shippedAtShort")}</dt><dd>{time(order.times.shippedAt)}</dd>
                <dt className="text-muted-foreground">{t("detail.deliveredAt")}</dt><dd>{time(order.times.deliveredAt)}</dd>
                <dt className="text-muted-foreground">{t("detail.completedAt")}</dt><dd>{time(order.times.completedAt)}</dd>
              </dl>
            </CardContent>
          </Card>
          <Card>
            <CardHeader><CardTitle>{t("detail.notes")}</CardTitle></CardHeader>
            <CardContent className="space-y-2 text-sm">
              <div><span className="text-muted-foreground">{t("detail.buyer")}：</span>{order.buyerNick ?? "—"}</div>
              <div><span className="text-muted-foreground">{t("detail.buyerNote")}：</span>{order.buyerNote ?? "—"}</div>
              <div><span className="text-muted-foreground">{t("detail.sellerNote")}：</span>{order.sellerNote ?? "—"}</div>
            </CardContent>
          </Card>
        </div>
      </div>
    </div>
  );
}
