import "server-only";
import { isAppError, type ErrorCode } from "@/lib/errors/app-error";
import type { Actor } from "@/lib/access/actor";
import type { ExportFile } from "@/lib/exports/table-file";
import { logger } from "@/lib/log/logger";
import { requireActorOrThrow } from "@/lib/session";

const STATUS: Partial<Record<ErrorCode, number>> = { UNAUTHENTICATED: 401, USER_DEACTIVATED: 401, FORBIDDEN: 403, EXPORT_TOO_LARGE: 413, IMPORT_NOT_FOUND: 404 };

/** RFC 6266: an ASCII fallback name, and the real (possibly Chinese) one encoded. */
const disposition = (filename: string) =>
  `attachment; filename="${filename.replace(/[^\x20-\x7e]|["\\]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(filename)}`;

/**
 * Runs an export for the signed-in actor: the file as a download, or `{ code }` with a status (the
 * browser shows t(`errors.${code}`); never an exception's text).
 */
export async function respondWithExport(build: (actor: Actor) => Promise<ExportFile>): Promise<Response> {
  try {
    const actor = await requireActorOrThrow();
    const file = await build(actor);
    return new Response(file.body as BodyInit, {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": disposition(file.filename),
        "Cache-Control": "no-store",
        "X-Row-Count": String(file.rowCount),
      },
    });
  } catch (err) {
    if (isAppError(err)) return Response.json({ code: err.code, context: err.context ?? null }, { status: STATUS[err.code] ?? 400 });
    logger.error({ err }, "export failed");
    return Response.json({ code: "INTERNAL" }, { status: 500 });
  }
}

export function formatParam(url: URL): "csv" | "xlsx" {
  return url.searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
}
