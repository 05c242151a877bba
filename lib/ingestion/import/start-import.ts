/**
 * The web side of a file import: checks and stores the upload, then asks the worker to process it
 * (pg-boss queue `ingestion-import`; a sweep job picks up anything the request could not enqueue).
 */
import { createHash } from "node:crypto";
import type { Actor } from "../../access/actor";
import { assertWholeBook } from "../../access/whole-book";
import { recordAudit } from "../../audit/record-audit";
import type { DbClient } from "../../db/client";
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
  const job = await db.importJob.create({
    data: {
      channelId: channel.id,
      fileName: input.fileName.slice(0, 200),
      fileSha256: createHash("sha256").update(input.bytes).digest("hex"),
      content: Buffer.from(input.bytes),
      createdById: actor.id,
    },
    select: { id: true },
  });
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
