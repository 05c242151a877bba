/**
 * The worker side of a file import: reads the stored file, turns its rows into the hub's own order
 * JSON, and sends each order through the one write path (mapper → ingestOrder, or quarantine).
 * Progress is written every CHUNK orders so the page's progress bar moves; per-row results are
 * kept for the error report. Running it again (a retry after a crash) is harmless: every step is
 * idempotent.
 */
import { bytesPool, transactionWithConnection, type DbClient } from "../../db/client";
import { logger } from "../../log/logger";
import { bulkInsert, type Column } from "../bulk-insert";
import type { ImportRowResult } from "./list-imports";
import { ingestNativeBatch } from "../ingest-native";
import { FileReadError, readTable } from "./read-table";
import { isTemplate, templateOrders, templatePayload, type TemplateOrder } from "./template";

// Big chunks: each is one transaction of a dozen set-based statements, so the per-statement and
// per-commit costs vanish; a few in flight, so one chunk's mapping overlaps the others' writing.
const CHUNK = 1_000;
const PARALLEL_CHUNKS = 4;

type ChunkRow = { jobId: string; firstRow: number; rows: ImportRowResult[] };
const CHUNK_COLUMNS: Column<ChunkRow>[] = [["job_id", "text", (c) => c.jobId], ["first_row", "int", (c) => c.firstRow], ["rows", "jsonb", (c) => c.rows]];
// A RUNNING job whose worker died is taken over after this long.
const STALE_RUN_MS = 10 * 60_000;

/**
 * The stored file → its orders in chunks. Nothing else keeps the file, its text or its table: on a
 * large file, live memory then shrinks as chunks finish, instead of every row staying to the end.
 */
async function readChunks(db: DbClient, jobId: string): Promise<{ total: number; chunks: TemplateOrder[][] }> {
  const { rows } = await bytesPool(db).query<{ content: Buffer }>(`SELECT content FROM import_jobs WHERE id = $1`, [jobId]);
  const table = await readTable(rows[0].content);
  if (!isTemplate(table.headers)) throw new FileReadError("unknown layout");
  const orders = templateOrders(table);
  const chunks: TemplateOrder[][] = [];
  for (let start = 0; start < orders.length; start += CHUNK) chunks.push(orders.slice(start, start + CHUNK));
  return { total: orders.length, chunks };
}

export async function processImportJob(db: DbClient, jobId: string): Promise<{ status: string }> {
  const { count } = await db.importJob.updateMany({
    where: { id: jobId, OR: [{ status: "QUEUED" }, { status: "RUNNING", startedAt: { lt: new Date(Date.now() - STALE_RUN_MS) } }] },
    data: { status: "RUNNING", startedAt: new Date() },
  });
  if (count === 0) return { status: "skipped" }; // done, or another worker has it
  const channel = (await db.importJob.findUniqueOrThrow({ where: { id: jobId }, select: { channel: { select: { id: true, platform: true } } } })).channel;
  try {
    const { total, chunks } = await readChunks(db, jobId);
    await db.importJob.update({ where: { id: jobId }, data: { totalRows: total }, select: { id: true } });
    await db.importChunkResult.deleteMany({ where: { jobId } });
    const tally = { processed: 0, created: 0, updated: 0, unchanged: 0, failed: 0 };
    const runChunk = async (chunk: TemplateOrder[]) => {
      // Orders, quarantine rows and the chunk's per-row results commit together.
      const results = await transactionWithConnection(db, async (tx) => {
        const outcomes = await ingestNativeBatch(tx, channel, chunk.map(templatePayload), { source: "FILE_IMPORT", mapAs: "OWN_MALL", importJobId: jobId, rowNos: chunk.map((o) => o.line) });
        const rows: ImportRowResult[] = chunk.map((o, k) => {
          const r = outcomes[k];
          return r.ok
            ? { row: o.line, outcome: r.outcome, platformOrderId: r.platformOrderId, orderNo: r.orderNo, errorCode: null, message: null }
            : { row: o.line, outcome: "QUARANTINED", platformOrderId: o.platformOrderId || null, orderNo: null, errorCode: r.code, message: r.message };
        });
        await bulkInsert(tx, "import_chunk_results", CHUNK_COLUMNS, [{ jobId, firstRow: chunk[0].line, rows }], "ON CONFLICT DO NOTHING");
        return rows;
      }, { maxWait: 60_000, timeout: 300_000 });
      for (const r of results) {
        if (r.outcome === "CREATED") tally.created++;
        else if (r.outcome === "UPDATED") tally.updated++;
        else if (r.outcome === "QUARANTINED") tally.failed++;
        else tally.unchanged++;
      }
      tally.processed += chunk.length;
      await db.importJob.update({
        where: { id: jobId },
        data: { processedRows: tally.processed, createdRows: tally.created, updatedRows: tally.updated, unchangedRows: tally.unchanged, failedRows: tally.failed },
        select: { id: true }, // never send the stored file back
      });
    };
    // A few chunks in flight: an order never spans two chunks (rows are grouped by order number),
    // and the write path serialises anything that might collide.
    // Taken off the list as they start, so a finished chunk's rows and objects are garbage at once.
    await Promise.all(Array.from({ length: Math.min(PARALLEL_CHUNKS, chunks.length) }, async () => {
      for (let chunk = chunks.shift(); chunk; chunk = chunks.shift()) await runChunk(chunk);
    }));
    await db.importJob.update({ where: { id: jobId }, data: { status: "DONE", finishedAt: new Date() }, select: { id: true } });
    return { status: "DONE" };
  } catch (err) {
    const errorCode = err instanceof FileReadError ? "IMPORT_FILE_INVALID" : "INTERNAL";
    if (errorCode === "INTERNAL") logger.error({ err, jobId }, "file import failed");
    await db.importJob.update({ where: { id: jobId }, data: { status: "FAILED", errorCode, finishedAt: new Date() }, select: { id: true } });
    return { status: "FAILED" };
  }
}
