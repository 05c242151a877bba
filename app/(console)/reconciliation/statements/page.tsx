import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { createLoader, parseAsString, type SearchParams } from "nuqs/server";
import { SimpleTable } from "@/components/data/simple-table";
import { StatementUpload } from "@/components/reconciliation/statement-upload";
import { Badge } from "@/components/ui/badge";
import { canWholeBook } from "@/lib/access/whole-book";
import { getDb } from "@/lib/db/client";
import { listStatements, statementChannels, statementErrors, type StatementListRow } from "@/lib/reconciliation/list-statements";
import { requireActor } from "@/lib/session";
import { formatBizTime } from "@/lib/time/biz-time";

const loadParams = createLoader({ file: parseAsString.withDefault("") });

export default async function StatementsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  if (!canWholeBook(actor, "finance.reconcile")) return null;
  const t = await getTranslations("reconciliation");
  const db = getDb();
  const { file } = await loadParams(searchParams);
  const [files, channels, errors] = await Promise.all([
    listStatements(db, actor),
    statementChannels(db, actor),
    file ? statementErrors(db, actor, file) : Promise.resolve([]),
  ]);
  return (
    <div className="space-y-4">
      <StatementUpload channels={channels} />
      <div className="rounded-lg border bg-card">
        <SimpleTable<StatementListRow>
          rows={files}
          rowKey={(f) => f.id}
          rowTestId="statement-row"
          columns={[
            { header: t("files.name"), cell: (f) => <span className="font-medium">{f.fileName}</span> },
            { header: t("files.source"), cell: (f) => t(`source.${f.source}`) },
            { header: t("files.days"), cell: (f) => (f.dayFrom ? (f.dayFrom === f.dayTo ? f.dayFrom : `${f.dayFrom} – ${f.dayTo}`) : "—") },
            { header: t("files.status"), cell: (f) => <Badge variant={f.status === "FAILED" ? "destructive" : "secondary"} data-testid="statement-status">{t(`fileStatus.${f.status}`)}</Badge> },
            { header: t("files.counts"), cell: (f) => <span data-testid="statement-counts">{t("files.countsText", { total: f.totalLines, added: f.newLines, duplicate: f.duplicateLines, matched: f.matchedLines, candidates: f.candidateLines, unmatched: f.unmatchedLines })}</span> },
            { header: t("files.checksum"), cell: (f) => (f.checksumOk === null ? "—" : f.checksumOk ? t("files.checksumOk") : <span className="text-destructive">{t("files.checksumBad")}</span>) },
            { header: t("files.failed"), cell: (f) => (f.failedLines > 0 ? <Link className="text-destructive hover:underline" href={`/reconciliation/statements?file=${f.id}`}>{t("files.failedLink", { count: f.failedLines })}</Link> : f.errorCode ? t(`files.error`) : "0") },
            { header: t("files.at"), cell: (f) => formatBizTime(f.createdAt) },
          ]}
        />
      </div>
      {file ? (
        <div className="space-y-2">
          <h2 className="text-lg font-medium">{t("files.errorsTitle")}</h2>
          <div className="rounded-lg border bg-card">
            <SimpleTable
              rows={errors}
              rowKey={(e) => String(e.lineNo)}
              rowTestId="statement-error-row"
              columns={[
                { header: t("files.line"), cell: (e) => e.lineNo },
                { header: t("files.reason"), cell: (e) => t(`lineErrors.${e.code}` as "lineErrors.BAD_AMOUNT") },
                { header: t("files.detail"), cell: (e) => e.message },
                { header: t("files.raw"), cell: (e) => <code className="block max-w-xl truncate text-xs">{e.raw}</code> },
              ]}
            />
          </div>
        </div>
      ) : null}
    </div>
  );
}
