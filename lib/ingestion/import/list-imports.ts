/** Recent imports with their progress, and a job's per-row results (all, or the error report's). */
import type { Actor } from "../../access/actor";
import { assertWholeBook } from "../../access/whole-book";
import type { Db } from "../../db/client";
import type { IngestOutcome } from "../../db/generated/prisma/enums";
import { AppError } from "../../errors/app-error";
import { maskRawText } from "../console/mask-raw";

const JOB_FIELDS = {
  id: true, channelId: true, fileName: true, status: true, totalRows: true, processedRows: true, createdRows: true,
  updatedRows: true, unchangedRows: true, failedRows: true, errorCode: true, createdAt: true, finishedAt: true,
} as const;

export async function listImports(db: Db, actor: Actor, input: { ids?: string[] } = {}) {
  assertWholeBook(actor, "ingestion.manage");
  const rows = await db.importJob.findMany({
    where: input.ids ? { id: { in: input.ids.slice(0, 50) } } : {},
    select: JOB_FIELDS,
    orderBy: { createdAt: "desc" },
    take: 20,
  });
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), finishedAt: r.finishedAt?.toISOString() ?? null }));
}
export type ImportJobView = Awaited<ReturnType<typeof listImports>>[number];

/** One file row's result, as the worker stores it per chunk (import_chunk_results.rows). */
export interface ImportRowResult {
  /** File line of the order's first row (the header is line 1). */
  row: number;
  outcome: IngestOutcome;
  platformOrderId: string | null;
  orderNo: string | null;
  errorCode: string | null;
  message: string | null;
}

/**
 * A job's per-row results in file order: every row, or only the refused ones (the error report).
 * A chunk holds at most a few thousand rows, and a job at most the upload limit's.
 */
export async function importRowResults(db: Db, actor: Actor, jobId: string, which: "all" | "failed") {
  assertWholeBook(actor, "ingestion.manage");
  const job = await db.importJob.findUnique({ where: { id: jobId }, select: { id: true, fileName: true } });
  if (!job) throw new AppError("IMPORT_NOT_FOUND");
  const chunks = await db.importChunkResult.findMany({ where: { jobId }, orderBy: { firstRow: "asc" }, select: { rows: true } });
  const rows = chunks.flatMap((c) => c.rows as unknown as ImportRowResult[]).filter((r) => which === "all" || r.outcome === "QUARANTINED");
  // A refusal may quote the bad value (a phone, an address): masked as in the quarantine list.
  return { job, rows: rows.map((r) => (r.message ? { ...r, message: maskRawText(actor, r.message) } : r)) };
}
