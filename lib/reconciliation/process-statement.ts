/**
 * Reads a stored statement file and reconciles it: parse → lines (ON CONFLICT on the business key:
 * a line already imported from any file adds nothing) → match → discrepancies. Progress is written per
 * chunk so the page shows it; running it again after a crash is harmless (every step is idempotent).
 */
import type { DbClient } from "../db/client";
import { isAppError } from "../errors/app-error";
import { bulkInsert, type Column } from "../ingestion/bulk-insert";
import { logger } from "../log/logger";
import { classifyDiscrepancies, closeResolved, missingInBill } from "./classify-discrepancies";
import { fileScope, matchLines } from "./match-lines";
import { parseStatement } from "./parse-statement";
import type { LineError, ParsedLine, StatementSourceKey } from "./statement-types";

const CHUNK = 5000;
// A RUNNING file whose worker died is taken over after this long.
const STALE_RUN_MS = 10 * 60_000;

/**
 * Inserts a chunk of lines and matches the payments on their transaction id in the same statement
 * (refund lines get their original payment): no second pass rewriting 130,000 rows and their indexes.
 * A line already imported from any file (same business key) adds nothing.
 */
async function insertLines(db: DbClient, fileId: string, source: StatementSourceKey, lines: ParsedLine[]): Promise<number> {
  const col = <T>(f: (l: ParsedLine) => T) => lines.map(f);
  return db.$executeRawUnsafe(`
    INSERT INTO "statement_lines" ("file_id", "line_no", "source", "line_key", "kind", "biz_day", "occurred_at", "provider_txn_id", "merchant_order_no", "merchant_refund_no",
                                   "amount_fen", "gross_fen", "fee_milli", "match", "match_method", "payment_id", "order_id", "matched_at")
    SELECT $1, t.line_no, $2::text::"StatementSource", t.line_key, t.kind::"StatementLineKind", t.biz_day, t.occurred_at, t.txn, t.order_no, t.refund_no,
           t.amount, t.gross, t.fee,
           CASE WHEN p."id" IS NOT NULL AND t.kind = 'PAYMENT' THEN 'MATCHED' ELSE 'UNMATCHED' END::"StatementMatch",
           CASE WHEN p."id" IS NOT NULL AND t.kind = 'PAYMENT' THEN 'TXN' END, p."id", p."order_id",
           CASE WHEN p."id" IS NOT NULL AND t.kind = 'PAYMENT' THEN now() END
    FROM unnest($3::int[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::text[], $9::text[], $10::text[], $11::int[], $12::int[], $13::int[])
         AS t(line_no, line_key, kind, biz_day, occurred_at, txn, order_no, refund_no, amount, gross, fee)
    LEFT JOIN "payments" p ON $2 IN ('WECHAT', 'ALIPAY') AND p."provider"::text = $2 AND p."provider_txn_id" = t.txn
    ON CONFLICT ("line_key") DO NOTHING`,
    fileId, source, col((l) => l.lineNo), col((l) => l.lineKey), col((l) => l.kind), col((l) => l.bizDay), col((l) => l.occurredAt.toISOString()),
    col((l) => l.providerTxnId), col((l) => l.merchantOrderNo), col((l) => l.merchantRefundNo), col((l) => l.amountFen), col((l) => l.grossFen), col((l) => l.feeMilli));
}

const ERROR_COLUMNS: Column<LineError & { fileId: string }>[] = [
  ["file_id", "text", (r) => r.fileId], ["line_no", "int", (r) => r.lineNo], ["code", "text", (r) => r.code], ["message", "text", (r) => r.message], ["raw", "text", (r) => r.raw.slice(0, 2000)],
];

export async function processStatementFile(db: DbClient, fileId: string): Promise<{ status: string }> {
  const { count } = await db.statementFile.updateMany({
    where: { id: fileId, OR: [{ status: "QUEUED" }, { status: "RUNNING", finishedAt: null, createdAt: { lt: new Date(Date.now() - STALE_RUN_MS) } }] },
    data: { status: "RUNNING", errorCode: null },
  });
  if (count === 0) return { status: "skipped" };
  const file = await db.statementFile.findUniqueOrThrow({ where: { id: fileId }, select: { content: true, channelId: true } });
  try {
    const parsed = parseStatement(Buffer.from(file.content), file.channelId);
    const days = parsed.lines.map((l) => l.bizDay).sort();
    await db.statementFile.update({
      where: { id: fileId },
      data: { source: parsed.source, totalLines: parsed.lines.length + parsed.errors.length, failedLines: parsed.errors.length, dayFrom: days[0] ?? null, dayTo: days.at(-1) ?? null, summary: parsed.summary ?? undefined, checksumOk: parsed.checksumOk },
      select: { id: true },
    });
    await bulkInsert(db, "statement_file_errors", ERROR_COLUMNS, parsed.errors.map((e) => ({ ...e, fileId })), "ON CONFLICT DO NOTHING");
    let added = 0;
    for (let start = 0; start < parsed.lines.length; start += CHUNK) {
      const chunk = parsed.lines.slice(start, start + CHUNK);
      added += await insertLines(db, fileId, parsed.source, chunk);
      await db.statementFile.update({ where: { id: fileId }, data: { newLines: added, duplicateLines: start + chunk.length - added }, select: { id: true } });
    }
    const scope = fileScope(fileId);
    await matchLines(db, scope);
    await classifyDiscrepancies(db, scope);
    await missingInBill(db, fileId);
    await closeResolved(db);
    await refreshFileCounts(db, fileId);
    await db.statementFile.update({ where: { id: fileId }, data: { status: "DONE", finishedAt: new Date() }, select: { id: true } });
    return { status: "DONE" };
  } catch (err) {
    if (!isAppError(err)) logger.error({ err, fileId }, "statement import failed");
    await db.statementFile.update({ where: { id: fileId }, data: { status: "FAILED", errorCode: isAppError(err) ? err.code : "INTERNAL", finishedAt: new Date() }, select: { id: true } });
    if (isAppError(err)) return { status: "FAILED" };
    throw err;
  }
}

export async function refreshFileCounts(db: DbClient, fileId: string) {
  await db.$executeRawUnsafe(`
    UPDATE "statement_files" f SET
      "matched_lines" = (SELECT count(*) FROM "statement_lines" l WHERE l."file_id" = f."id" AND l."match" = 'MATCHED'),
      "candidate_lines" = (SELECT count(*) FROM "statement_lines" l WHERE l."file_id" = f."id" AND l."match" = 'CANDIDATE'),
      "unmatched_lines" = (SELECT count(*) FROM "statement_lines" l WHERE l."file_id" = f."id" AND l."match" = 'UNMATCHED')
    WHERE f."id" = $1`, fileId);
}

