import type { Db } from "../db/client";
import { auditRowHash } from "./record-audit";

export type ChainReport = { ok: true; rows: number } | { ok: false; rows: number; brokenAtId: bigint; reason: string };

/** Walks the audit log in id order and reports the first row whose hash or link does not hold. */
export async function verifyAuditChain(db: Db, batchSize = 5000): Promise<ChainReport> {
  let prevHash: string | null = null;
  let afterId = 0n;
  let rows = 0;
  for (;;) {
    const batch = await db.auditLog.findMany({ where: { id: { gt: afterId } }, orderBy: { id: "asc" }, take: batchSize });
    if (batch.length === 0) return { ok: true, rows };
    for (const row of batch) {
      if (row.prevHash !== prevHash) return { ok: false, rows, brokenAtId: row.id, reason: "prev_hash does not match the previous row" };
      const expected = auditRowHash({ ...row, detail: row.detail });
      if (expected !== row.hash) return { ok: false, rows, brokenAtId: row.id, reason: "row content does not match its hash" };
      prevHash = row.hash;
      afterId = row.id;
      rows++;
    }
  }
}
