// Reconciliation benchmark (issue 8): import and match a 130,000-line WeChat trade bill built from the
// database's own WeChat payments (plus offline and mistyped lines for the fuzzy pool), then the diff
// locator over 300 open items, worst case (no combination exists: the whole search space is walked)
// and a findable case. Everything it adds is deleted again. Targets: import + match < 30 s, locator < 1 s.
// Alone: `tsx scripts/bench/reconciliation.ts [lines]`.
import os from "node:os";
import pg from "pg";
import { createDb } from "../../lib/db/client";
import { locateDiff } from "../../lib/reconciliation/locate-diff";
import { processStatementFile } from "../../lib/reconciliation/process-statement";
import { storeStatementFile } from "../../lib/reconciliation/start-statement-import";
import { writeWechatBill, type BillEntry } from "../../lib/reconciliation/write-wechat-bill";
import { runAlone } from "./run-alone";

const seconds = (t: number) => Number(((performance.now() - t) / 1000).toFixed(2));

export async function benchReconciliation(databaseUrl: string, opts: { lines?: number } = {}) {
  const lines = opts.lines ?? 130_000;
  const db = createDb(databaseUrl, 4);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const started = new Date();
  let fileId: string | null = null;
  try {
    const noise = 50;
    const { rows } = await client.query<{ txn: string; order_no: string; fen: number; paid_at: Date }>(
      `SELECT p.provider_txn_id AS txn, o.order_no, p.amount_fen AS fen, p.paid_at FROM payments p JOIN orders o ON o.id = p.order_id
        WHERE p.provider = 'WECHAT' AND p.provider_txn_id IS NOT NULL ORDER BY p.paid_at DESC LIMIT $1`, [lines - noise]);
    const entries: BillEntry[] = rows.map((r) => ({ at: r.paid_at, txnId: r.txn, outTradeNo: r.order_no, amountFen: r.fen }));
    // Noise: lines whose transaction id is unknown, half with a mistyped order number (fuzzy pool), half offline.
    for (let i = 0; i < noise && i < rows.length; i++) {
      const r = rows[i * 7];
      if (!r) break;
      const mistyped = i % 2 === 0;
      entries[i * 7] = { at: new Date(r.paid_at.getTime() + 60_000), txnId: `4200BENCH${String(i).padStart(19, "0")}`, outTradeNo: mistyped ? `XX${r.order_no.slice(2)}` : r.order_no, amountFen: r.fen };
      if (!mistyped) entries.push({ at: r.paid_at, txnId: `4200OFFLN${String(i).padStart(19, "0")}`, outTradeNo: `XD${i}`, amountFen: 1000 + i });
    }
    // The refunds of those payments, then (the database holds fewer WeChat payments than asked for) lines
    // the hub has no order for: each becomes a discrepancy, the costly case for classification.
    const refunds = await client.query<{ txn: string; order_no: string; refund_no: string; fen: number; at: Date }>(
      `SELECT p.provider_txn_id AS txn, o.order_no, r.refund_no, r.amount_fen AS fen, r.completed_at AS at FROM refunds r JOIN orders o ON o.id = r.order_id
        JOIN payments p ON p.order_id = o.id AND p.provider = 'WECHAT' WHERE r.status = 'COMPLETED' LIMIT $1`, [Math.max(0, lines - entries.length)]);
    for (const r of refunds.rows) entries.push({ at: r.at, txnId: r.txn, outTradeNo: r.order_no, amountFen: r.fen, refund: { refundId: `5030${r.refund_no}`, refundNo: r.refund_no } });
    const last = rows[0]?.paid_at ?? new Date();
    for (let i = 0; entries.length < lines; i++) entries.push({ at: new Date(last.getTime() - i * 10_000), txnId: `4200PAD${String(i).padStart(21, "0")}`, outTradeNo: `XDPAD${i}`, amountFen: 100 + (i % 50_000) });
    const bill = Buffer.from(writeWechatBill(entries), "utf8");

    let t = performance.now();
    const stored = await storeStatementFile(db, null, { fileName: `bench-${Date.now()}.csv`, bytes: bill });
    fileId = stored.id;
    await processStatementFile(db, stored.id);
    const importSeconds = seconds(t);
    const file = await db.statementFile.findUniqueOrThrow({ where: { id: stored.id }, select: { status: true, totalLines: true, newLines: true, matchedLines: true, candidateLines: true, unmatchedLines: true, failedLines: true } });

    const items = (await client.query<{ fen: number }>(`SELECT amount_fen AS fen FROM discrepancies WHERE status = 'OPEN' ORDER BY created_at DESC LIMIT 300`)).rows.map((r) => r.fen);
    while (items.length < 300) items.push(((items.length * 7919) % 200_000) - 50_000); // fewer open items in the database: filled up
    t = performance.now();
    const worst = locateDiff(items, 2_000_000_001);
    const worstMs = Number((performance.now() - t).toFixed(1));
    const target = items[17] + items[123] + items[290];
    t = performance.now();
    const found = locateDiff(items, target);
    const foundMs = Number((performance.now() - t).toFixed(1));

    return {
      statement: { lines: entries.length, megabytes: Number((bill.length / 1e6).toFixed(1)), ...file, importAndMatchSeconds: importSeconds },
      locator300: { worstCaseMs: worstMs, searchedUpTo: worst.searchedUpTo, findableMs: foundMs, combinations: found.combinations.length, smallest: found.combinations[0]?.length ?? null },
      loadAverage1m: Number(os.loadavg()[0].toFixed(1)),
      targets: { importAndMatchSeconds: 30, locatorMs: 1000 },
    };
  } finally {
    // Leave the shared database as it was: the file (its lines, errors, candidates cascade) and what it filed.
    if (fileId) {
      await client.query(`DELETE FROM discrepancies WHERE created_at >= $1 AND (line_id IN (SELECT id FROM statement_lines WHERE file_id = $2) OR dedupe_key LIKE 'missing:%' OR dedupe_key LIKE 'fee:%' OR dedupe_key LIKE 'aftersale:%')`, [started, fileId]);
      await client.query(`DELETE FROM statement_files WHERE id = $1`, [fileId]);
    }
    await client.end();
    await db.$disconnect();
  }
}

await runAlone(import.meta.url, (url, [lines]) => benchReconciliation(url, { lines: lines || undefined }));
