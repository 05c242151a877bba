/** Recent imports with their progress, and a job's failed rows for the error report. */
import type { Actor } from "../../access/actor";
import { assertCan } from "../../access/actor";
import type { Db } from "../../db/client";
import { AppError } from "../../errors/app-error";

const JOB_FIELDS = {
  id: true, channelId: true, fileName: true, status: true, totalRows: true, processedRows: true, createdRows: true,
  updatedRows: true, unchangedRows: true, failedRows: true, errorCode: true, createdAt: true, finishedAt: true,
} as const;

export async function listImports(db: Db, actor: Actor, input: { ids?: string[] } = {}) {
  assertCan(actor, "ingestion.manage");
  const rows = await db.importJob.findMany({
    where: input.ids ? { id: { in: input.ids.slice(0, 50) } } : {},
    select: JOB_FIELDS,
    orderBy: { createdAt: "desc" },
    take: 20,
  });
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), finishedAt: r.finishedAt?.toISOString() ?? null }));
}
export type ImportJobView = Awaited<ReturnType<typeof listImports>>[number];

export async function importErrorRows(db: Db, actor: Actor, jobId: string) {
  assertCan(actor, "ingestion.manage");
  const job = await db.importJob.findUnique({ where: { id: jobId }, select: { id: true, fileName: true } });
  if (!job) throw new AppError("IMPORT_NOT_FOUND");
  const rows = await db.importRowResult.findMany({
    where: { jobId, outcome: "QUARANTINED" },
    orderBy: { rowNo: "asc" },
    take: 100_000,
    select: { rowNo: true, platformOrderId: true, errorCode: true, message: true },
  });
  return { job, rows };
}
