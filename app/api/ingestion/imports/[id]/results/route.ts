import { respondWithExport } from "@/app/api/exports/respond";
import { getDb } from "@/lib/db/client";
import { importReportFile } from "@/lib/ingestion/import/import-report";

export const dynamic = "force-dynamic";

/** Every row's result of an import: outcome, hub order number, and the error of a refused row. */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  return respondWithExport((actor) => importReportFile(getDb(), actor, id, "all"));
}
