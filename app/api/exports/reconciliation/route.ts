import { loadTrackerParams, toDiscrepancyQuery } from "@/app/(console)/reconciliation/search-params";
import { getDb } from "@/lib/db/client";
import { exportDiscrepancies } from "@/lib/reconciliation/export-discrepancies";
import { formatParam, respondWithExport } from "../respond";

/** GET /api/exports/reconciliation?<the tracker's URL filter>&format=csv|xlsx */
export async function GET(req: Request) {
  const url = new URL(req.url);
  return respondWithExport(async (actor) => exportDiscrepancies(getDb(), actor, toDiscrepancyQuery(loadTrackerParams(url.searchParams)), formatParam(url)));
}
