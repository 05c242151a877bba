/** A file import's per-row results as a CSV: every row, or only the refused ones (the error report). */
import type { Actor } from "../../access/actor";
import { recordAudit } from "../../audit/record-audit";
import type { Db } from "../../db/client";
import { tableFile, type ExportFile } from "../../exports/table-file";
import { importRowResults } from "./list-imports";

const OUTCOME_LABEL: Record<string, string> = { CREATED: "新建", UPDATED: "已更新", UNCHANGED: "无变化", STALE: "旧版本（未覆盖）", QUARANTINED: "失败（已隔离）" };

export async function importReportFile(db: Db, actor: Actor, jobId: string, which: "all" | "failed"): Promise<ExportFile> {
  const { job, rows } = await importRowResults(db, actor, jobId, which);
  const base = job.fileName.replace(/\.[^.]+$/, "");
  const file = which === "failed"
    ? await tableFile("csv", `${base}-错误报告`, ["行号", "订单号", "错误代码", "说明"], rows.map((r) => [r.row, r.platformOrderId, r.errorCode, r.message]))
    : await tableFile("csv", `${base}-导入结果`, ["行号", "订单号", "结果", "系统单号", "错误代码", "说明"],
      rows.map((r) => [r.row, r.platformOrderId, OUTCOME_LABEL[r.outcome] ?? r.outcome, r.orderNo, r.errorCode, r.message]));
  // Like every other download: the results list hub order numbers for every row of the upload.
  await recordAudit(db, actor, { action: "ingestion.importReport", entityType: "importJob", entityId: jobId, detail: { which, rowCount: file.rowCount } });
  return file;
}
