import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { SimpleTable } from "@/components/data/simple-table";
import { CandidateButtons } from "@/components/reconciliation/candidate-buttons";
import { Badge } from "@/components/ui/badge";
import { canWholeBook } from "@/lib/access/whole-book";
import { getDb } from "@/lib/db/client";
import { formatFen } from "@/lib/money/fen";
import { listCandidates, type CandidateRow } from "@/lib/reconciliation/list-statements";
import { requireActor } from "@/lib/session";
import { formatBizTime } from "@/lib/time/biz-time";

export default async function CandidatesPage() {
  const actor = await requireActor();
  if (!canWholeBook(actor, "finance.reconcile")) return null;
  const t = await getTranslations("reconciliation");
  const locale = await getLocale();
  const rows = await listCandidates(getDb(), actor);
  return (
    <div className="space-y-3">
      <p className="text-sm text-muted-foreground">{t("candidates.hint")}</p>
      <div className="rounded-lg border bg-card">
        <SimpleTable<CandidateRow>
          rows={rows}
          rowKey={(r) => r.id}
          rowTestId="candidate-row"
          columns={[
            { header: t("candidates.line"), cell: (r) => <span>{formatBizTime(r.occurredAt, locale)} · {r.merchantOrderNo ?? "—"}<br /><span className="text-xs text-muted-foreground">{r.providerTxnId}</span></span> },
            { header: t("candidates.lineAmount"), money: true, cell: (r) => formatFen(r.lineAmountFen, locale) },
            { header: t("candidates.payment"), cell: (r) => <span>{formatBizTime(r.paidAt, locale)} · {r.payNo}<br />{r.orderId ? <Link className="text-primary hover:underline" href={`/orders/${r.orderId}`}>{r.orderNo}</Link> : null}</span> },
            { header: t("candidates.paymentAmount"), money: true, cell: (r) => formatFen(r.paymentFen, locale) },
            { header: "", cell: (r) => (r.ambiguous ? <Badge variant="destructive">{t("candidates.ambiguous")}</Badge> : null) },
            { header: "", cell: (r) => <CandidateButtons id={r.id} /> },
          ]}
        />
      </div>
      {rows.length === 0 ? <p className="text-sm text-muted-foreground" data-testid="candidates-empty">{t("candidates.empty")}</p> : null}
    </div>
  );
}
