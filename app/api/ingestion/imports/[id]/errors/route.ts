import { respondWithExport } from "@/app/api/exports/respond";
import { getDb } from "@/lib/db/client";
import { importReportFile } from "@/lib/ingestion/import/import-report";

export const dynamic = "force-dynamic";

/** The error report of an import: one CSV line per refused row. */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  return respondWithExport((actor) => importReportFile(getDb(), actor, id, "failed"));
}
