/**
 * The web side of a file import: checks and stores the upload, then asks the worker to process it
 * (pg-boss queue `ingestion-import`; a sweep job picks up anything the request could not enqueue).
 */
import { createHash } from "node:crypto";
import type { Actor } from "../../access/actor";
import { assertWholeBook } from "../../access/whole-book";
import { recordAudit } from "../../audit/record-audit";
import { bytesPool, type DbClient } from "../../db/client";
import { newRowId } from "../../db/row-id";
import { AppError } from "../../errors/app-error";

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
export const IMPORT_QUEUE = "ingestion-import";

export interface ImportSender {
  send(queue: string, data: object): Promise<unknown>;
}

export async function startImport(db: DbClient, actor: Actor, input: { channelId: string; fileName: string; bytes: Uint8Array }, sender: ImportSender | null) {
  assertWholeBook(actor, "ingestion.manage");
  if (input.bytes.byteLength > MAX_IMPORT_BYTES) throw new AppError("IMPORT_FILE_TOO_LARGE");
  if (input.bytes.byteLength === 0) throw new AppError("IMPORT_FILE_INVALID");
  const channel = await db.channel.findUnique({ where: { id: input.channelId }, select: { id: true, active: true } });
  if (!channel?.active) throw new AppError("CHANNEL_NOT_FOUND");
  // The file goes in as bytes straight to pg (see bytesPool); every other column keeps its default.
  const job = { id: newRowId() };
  await bytesPool(db).query(`INSERT INTO import_jobs (id, channel_id, file_name, file_sha256, content, created_by_id) VALUES ($1, $2, $3, $4, $5, $6)`, [
    job.id, channel.id, input.fileName.slice(0, 200), createHash("sha256").update(input.bytes).digest("hex"),
    Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength), actor.id,
  ]);
  await recordAudit(db, actor, { action: "ingestion.import", entityType: "importJob", entityId: job.id, detail: { channelId: channel.id, fileName: input.fileName, bytes: input.bytes.byteLength } });
  try {
    await sender?.send(IMPORT_QUEUE, { jobId: job.id });
  } catch {
    // The sweep job (every minute) starts queued imports the request could not hand over.
  }
  return { id: job.id };
}

/** Queued imports the worker has not started yet (the sweep's list). */
export async function queuedImportIds(db: DbClient): Promise<string[]> {
  const rows = await db.importJob.findMany({ where: { status: "QUEUED" }, select: { id: true }, orderBy: { createdAt: "asc" }, take: 20 });
  return rows.map((r) => r.id);
}
