/**
 * The web side of a statement import: checks and stores the upload (the same bytes twice are the
 * same file: nothing is added), then reads it right away when small, or hands it to the worker
 * (queue `reconciliation-import`; a sweep picks up what could not be handed over).
 */
import { createHash } from "node:crypto";
import type { Actor } from "../access/actor";
import { assertWholeBook } from "../access/whole-book";
import { recordAudit } from "../audit/record-audit";
import type { DbClient } from "../db/client";
import { AppError, ERROR_CODES } from "../errors/app-error";
import type { ImportSender } from "../ingestion/import/start-import";
import { processStatementFile } from "./process-statement";
import { RECON } from "./recon-config";

export const STATEMENT_QUEUE = "reconciliation-import";
const MAX_STATEMENT_BYTES = 50 * 1024 * 1024; // the server action body limit (next.config.ts)

export interface StatementUpload {
  fileName: string;
  bytes: Uint8Array;
  /** The shop a platform settlement file belongs to; payment bills need none. */
  channelId?: string | null;
}

/** Stores the upload once (by its SHA-256) and says whether it was already there. */
export async function storeStatementFile(db: DbClient, createdById: string | null, input: StatementUpload): Promise<{ id: string; duplicate: boolean; status: string }> {
  if (input.bytes.byteLength === 0) throw new AppError("STATEMENT_FILE_INVALID");
  if (input.bytes.byteLength > MAX_STATEMENT_BYTES) throw new AppError("IMPORT_FILE_TOO_LARGE");
  if (input.channelId && !(await db.channel.findUnique({ where: { id: input.channelId }, select: { id: true } }))) throw new AppError("CHANNEL_NOT_FOUND");
  const sha = createHash("sha256").update(input.bytes).digest("hex");
  const existing = await db.statementFile.findUnique({ where: { fileSha256: sha }, select: { id: true, status: true } });
  // A file that could not be read added nothing: the same bytes may be tried again (e.g. now with its shop).
  if (existing?.status === "FAILED") await db.statementFile.delete({ where: { id: existing.id }, select: { id: true } });
  else if (existing) return { id: existing.id, duplicate: true, status: existing.status };
  // `source` is provisional until the worker has read the header row.
  const file = await db.statementFile.create({
    data: { source: "WECHAT", channelId: input.channelId ?? null, fileName: input.fileName.slice(0, 200), fileSha256: sha, content: Buffer.from(input.bytes), createdById },
    select: { id: true, status: true },
  });
  return { id: file.id, duplicate: false, status: file.status };
}

/** A file that could not be read (kept, with its reason) answers with its error code, in the user's language. */
async function refuseFailed<T extends { id: string; status: string }>(db: DbClient, out: T): Promise<T> {
  if (out.status !== "FAILED") return out;
  const f = await db.statementFile.findUnique({ where: { id: out.id }, select: { errorCode: true } });
  const code = ERROR_CODES.find((c) => c === f?.errorCode) ?? "INTERNAL";
  throw new AppError(code);
}

export async function startStatementImport(db: DbClient, actor: Actor, input: StatementUpload, sender: ImportSender | null): Promise<{ id: string; duplicate: boolean; status: string }> {
  assertWholeBook(actor, "finance.reconcile");
  const stored = await storeStatementFile(db, actor.id, input);
  if (stored.duplicate) return refuseFailed(db, stored);
  await recordAudit(db, actor, { action: "reconciliation.import", entityType: "statementFile", entityId: stored.id, detail: { fileName: input.fileName, bytes: input.bytes.byteLength, channelId: input.channelId ?? null } });
  if (input.bytes.byteLength <= RECON.inlineBytes) return refuseFailed(db, { ...stored, status: (await processStatementFile(db, stored.id)).status });
  try {
    await sender?.send(STATEMENT_QUEUE, { fileId: stored.id });
  } catch {
    // The sweep job (every minute) starts files the request could not hand over.
  }
  return stored;
}
