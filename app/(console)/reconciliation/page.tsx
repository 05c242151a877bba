import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { SearchParams } from "nuqs/server";
import { UrlPager } from "@/components/data/url-pager";
import { SimpleTable } from "@/components/data/simple-table";
import { ExportButton } from "@/components/exports/export-button";
import { ExplainDialog } from "@/components/reconciliation/explain-dialog";
import { LocatorPanel } from "@/components/reconciliation/locator-panel";
import { TrackerFilters } from "@/components/reconciliation/tracker-filters";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { canWholeBook } from "@/lib/access/whole-book";
import { getDb } from "@/lib/db/client";
import { DiscrepancyStatus, DiscrepancyType } from "@/lib/db/generated/prisma/enums";
import { isAppError, type ErrorCode } from "@/lib/errors/app-error";
import { formatFen } from "@/lib/money/fen";
import { DOC_TYPES, listDiscrepancies, type DiscrepancyRow } from "@/lib/reconciliation/list-discrepancies";
import { requireActor } from "@/lib/session";
import { loadTrackerParams, toDiscrepancyQuery } from "./search-params";

export default async function TrackerPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  if (!canWholeBook(actor, "finance.reconcile")) return null; // the layout shows the refusal
  const t = await getTranslations("reconciliation");
  const te = await getTranslations("errors");
  const locale = await getLocale();
  const params = await loadTrackerParams(searchParams);
  let result: Awaited<ReturnType<typeof listDiscrepancies>> | null = null;
  let errorCode: ErrorCode | null = null;
  try {
    result = await listDiscrepancies(getDb(), actor, toDiscrepancyQuery(params));
  } catch (err) {
    if (!isAppError(err)) throw err;
    errorCode = err.code;
  }
  const options = {
    doc: DOC_TYPES.map((v) => ({ value: v, label: t(`doc.${v}`) })),
    type: Object.values(DiscrepancyType).map((v) => ({ value: v, label: t(`type.${v}`) })),
    status: Object.values(DiscrepancyStatus).map((v) => ({ value: v, label: t(`status.${v}`) })),
  };
  const docs = (r: DiscrepancyRow) => [
    !r.orderId && r.merchantOrderNo && `${t("docs.merchant")} ${r.merchantOrderNo}`, r.payNo && `${t("docs.pay")} ${r.payNo}`, r.providerTxnId && `${t("docs.txn")} ${r.providerTxnId}`,
    r.refundNo && `${t("docs.refund")} ${r.refundNo}`, r.invoiceNo && `${t("docs.invoice")} ${r.invoiceNo}`,
    r.fileName && `${r.fileName}#${r.lineNo}`,
  ].filter(Boolean);
  return (
    <div className="space-y-4">
      <div className="flex items-start justify-between gap-4">
        <TrackerFilters options={options} />
        {canWholeBook(actor, "order.export") && actor.exportRowCap > 0 ? <ExportButton endpoint="/api/exports/reconciliation" cap={actor.exportRowCap} /> : null}
      </div>
      <LocatorPanel dayFrom={params.from || undefined} dayTo={params.to || undefined} />
      {errorCode ? (
        <Alert variant="destructive"><AlertDescription>{te(errorCode)}</AlertDescription></Alert>
      ) : result ? (
        <div className="space-y-3">
          <div className="flex flex-wrap gap-2 text-sm" data-testid="recon-status-totals">
            {result.byStatus.map((s) => <Badge key={s.status} variant="outline">{t(`status.${s.status}`)} {s.count} · {formatFen(s.amountFen, locale)}</Badge>)}
          </div>
          <div className="rounded-lg border bg-card">
            <SimpleTable<DiscrepancyRow>
              rows={result.rows}
              rowKey={(r) => r.id}
              rowTestId="discrepancy-row"
              columns={[
                { header: t("col.day"), cell: (r) => r.bizDay },
                { header: t("col.type"), cell: (r) => t(`type.${r.type}`) },
                { header: t("col.amount"), money: true, cell: (r) => formatFen(r.amountFen, locale) },
                { header: t("col.status"), cell: (r) => <Badge variant={r.status === "OPEN" ? "destructive" : "secondary"}>{t(`status.${r.status}`)}</Badge> },
                { header: t("col.order"), cell: (r) => (r.orderId ? <Link className="text-primary hover:underline" href={`/orders/${r.orderId}`}>{r.orderNo}</Link> : <span className="text-muted-foreground">{t("noOrder")}</span>) },
                { header: t("col.documents"), cell: (r) => <span className="text-xs text-muted-foreground">{docs(r).join(" · ")}</span> },
                { header: t("col.explanation"), cell: (r) => r.explanation ?? "" },
                { header: "", cell: (r) => (r.status === "OPEN" || r.status === "EXPLAINED" ? <ExplainDialog ids={[r.id]} label={t("explain.button")} /> : null) },
              ]}
            />
          </div>
          <UrlPager page={result.page} pageCount={result.pageCount} totalText={result.totalCapped ? t("totalCapped") : t("total", { total: result.total })}
            labels={{ page: t("page", { page: result.page, pageCount: result.pageCount }), prev: t("prev"), next: t("next") }} />
        </div>
      ) : null}
    </div>
  );
}
