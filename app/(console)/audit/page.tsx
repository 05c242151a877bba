import { getTranslations } from "next-intl/server";
import type { SearchParams } from "nuqs/server";
import { Suspense } from "react";
import { ForbiddenNotice } from "@/components/layout/forbidden-notice";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { ChainStatus } from "@/components/audit/chain-status";
import { UrlPager } from "@/components/data/url-pager";
import { ExportButton } from "@/components/exports/export-button";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { can } from "@/lib/access/actor";
import { searchAuditLog, type AuditSearchResult } from "@/lib/audit/search-audit-log";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { getDb } from "@/lib/db/client";
import { isAppError, type ErrorCode } from "@/lib/errors/app-error";
import { requireActor } from "@/lib/session";
import { loadAuditSearchParams, toAuditQuery } from "./search-params";

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  if (!can(actor, "audit.view")) return <ForbiddenNotice />;
  const t = await getTranslations();
  const db = getDb();
  let result: AuditSearchResult | null = null;
  let errorCode: ErrorCode | null = null;
  try {
    result = await searchAuditLog(db, actor, toAuditQuery(await loadAuditSearchParams(searchParams)));
  } catch (err) {
    if (!isAppError(err)) throw err;
    errorCode = err.code;
  }
  return (
    <div className="space-y-4">
      <div className="flex items-start justify-between gap-4">
        <div className="space-y-1">
          <h1 className="text-2xl font-semibold">{t("access.audit.title")}</h1>
          <p className="text-sm text-muted-foreground">{t("access.audit.description")}</p>
          <Suspense fallback={<p className="text-sm text-muted-foreground">{t("common.loading")}</p>}>
            <ChainStatus report={verifyAuditChain(db)} />
          </Suspense>
        </div>
        <ExportButton endpoint="/api/exports/audit" />
      </div>
      <AuditFilters />
      {errorCode ? (
        <Alert variant="destructive"><AlertDescription>{t(`errors.${errorCode}`)}</AlertDescription></Alert>
      ) : result ? (
        <div className="space-y-3">
          <div className="rounded-lg border bg-card"><AuditTable rows={result.rows} /></div>
          <UrlPager
            page={result.page}
            pageCount={result.pageCount}
            totalText={result.totalCapped ? t("access.audit.totalCapped", { total: result.total }) : t("access.audit.total", { total: result.total })}
            labels={{ page: t("access.audit.page", { page: result.page, pageCount: result.pageCount }), prev: t("access.audit.prev"), next: t("access.audit.next") }}
          />
        </div>
      ) : null}
    </div>
  );
}
