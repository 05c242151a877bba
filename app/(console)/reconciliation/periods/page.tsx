import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { createLoader, parseAsString, type SearchParams } from "nuqs/server";
import { SimpleTable } from "@/components/data/simple-table";
import { PeriodPanel } from "@/components/reconciliation/period-panel";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { canWholeBook } from "@/lib/access/whole-book";
import { getDb } from "@/lib/db/client";
import { formatFen } from "@/lib/money/fen";
import { loadPeriodView } from "@/lib/reconciliation/period-view";
import { requireActor } from "@/lib/session";

const loadParams = createLoader({ day: parseAsString.withDefault("") });
const DIMENSIONS = ["receivableFen", "receivedFen", "refundDueFen", "refundedFen", "commissionFen", "taxFen"] as const;

export default async function PeriodsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  if (!canWholeBook(actor, "finance.reconcile")) return null;
  const t = await getTranslations("reconciliation");
  const locale = await getLocale();
  const { day, baseline, closed, recent } = await loadPeriodView(getDb(), actor, (await loadParams(searchParams)).day);
  const money = (v: bigint) => formatFen(Number(v), locale);
  return (
    <div className="space-y-4">
      <form className="flex items-end gap-2" action="/reconciliation/periods">
        <label className="space-y-1 text-sm">
          <span className="block text-xs">{t("period.day")}</span>
          <input type="date" name="day" defaultValue={day} className="h-9 rounded-md border bg-background px-2" data-testid="period-day" />
        </label>
        <button type="submit" className="h-9 rounded-md border px-3 text-sm" data-testid="period-go">{t("period.go")}</button>
      </form>
      <Card>
        <CardHeader>
          <CardTitle className="flex items-center gap-2">
            {t("period.baselineOf", { day })}
            {closed ? <Badge variant="secondary" data-testid="period-closed">{t("period.closed")}</Badge> : <Badge variant="outline">{t("period.open")}</Badge>}
          </CardTitle>
        </CardHeader>
        <CardContent className="space-y-4">
          {baseline ? (
            <dl className="grid grid-cols-2 gap-4 md:grid-cols-6" data-testid="baseline-figures">
              {DIMENSIONS.map((d) => (
                <div key={d}>
                  <dt className="text-xs text-muted-foreground">{t(`baseline.${d}`)}</dt>
                  <dd className="money text-lg font-medium">{money(baseline[d])}</dd>
                </div>
              ))}
            </dl>
          ) : <p className="text-sm text-muted-foreground">{t("period.noBaseline")}</p>}
          <PeriodPanel day={day} closed={closed} canClose={canWholeBook(actor, "finance.close")} />
        </CardContent>
      </Card>
      <div className="rounded-lg border bg-card">
        <SimpleTable
          rows={recent}
          rowKey={(b) => b.bizDay}
          columns={[
            { header: t("period.day"), cell: (b) => <Link className="text-primary hover:underline" href={`/reconciliation/periods?day=${b.bizDay}`}>{b.bizDay}</Link> },
            ...DIMENSIONS.map((d) => ({ header: t(`baseline.${d}`), money: true, cell: (b: (typeof recent)[number]) => money(b[d]) })),
            { header: t("period.state"), cell: (b) => (b.closed ? t("period.closed") : t("period.open")) },
          ]}
        />
      </div>
    </div>
  );
}
