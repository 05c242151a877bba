import { isAppError } from "@/lib/errors/app-error";
import { getDb } from "@/lib/db/client";
import { importErrorRows } from "@/lib/ingestion/import/list-imports";
import { requireActorOrThrow } from "@/lib/session";

export const dynamic = "force-dynamic";

const esc = (v: string | number | null) => {
  const s = v === null ? "" : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The error report of an import: one CSV line per refused row (BOM so Excel reads it as UTF-8). */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  try {
    const actor = await requireActorOrThrow();
    const { job, rows } = await importErrorRows(getDb(), actor, id);
    const lines = ["行号,订单号,错误代码,说明", ...rows.map((r) => [r.rowNo, r.platformOrderId, r.errorCode, r.message].map(esc).join(","))];
    const name = encodeURIComponent(`${job.fileName.replace(/\.[^.]+$/, "")}-错误报告.csv`);
    return new Response(`\uFEFF${lines.join("\n")}\n`, {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename*=UTF-8''${name}` },
    });
  } catch (err) {
    if (isAppError(err)) return Response.json({ code: err.code }, { status: err.code === "IMPORT_NOT_FOUND" ? 404 : err.code === "FORBIDDEN" ? 403 : 401 });
    throw err;
  }
}
