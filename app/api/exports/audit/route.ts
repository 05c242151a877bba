import { loadAuditSearchParams, toAuditQuery } from "@/app/(console)/audit/search-params";
import { getDb } from "@/lib/db/client";
import { exportAuditLog } from "@/lib/exports/export-audit-log";
import { formatParam, respondWithExport } from "../respond";

/** GET /api/exports/audit?<the 审计 page's URL filter>&format=csv|xlsx */
export async function GET(req: Request) {
  const url = new URL(req.url);
  return respondWithExport(async (actor) => exportAuditLog(getDb(), actor, toAuditQuery(loadAuditSearchParams(url.searchParams)), formatParam(url)));
}
