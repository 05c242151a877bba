import { assertCan, type Actor } from "../access/actor";
import { recordAudit } from "../audit/record-audit";
import { AuditQuery, auditWhere, type AuditQueryInput } from "../audit/search-audit-log";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { bizDay, formatBizTime } from "../time/biz-time";
import { tableFile, type ExportFile, type ExportFormat } from "./table-file";

/** Auditors take the log with them; more than this and the time range must be narrowed. */
export const AUDIT_EXPORT_CAP = 50_000;

/** The audit log's current search as a file; the export itself is audited too. */
export async function exportAuditLog(db: Db, actor: Actor, input: AuditQueryInput, format: ExportFormat): Promise<ExportFile> {
  assertCan(actor, "audit.view");
  const parsed = AuditQuery.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT");
  const q = parsed.data;
  const where = await auditWhere(db, q);
  const count = await db.auditLog.count({ where, take: AUDIT_EXPORT_CAP + 1 });
  if (count > AUDIT_EXPORT_CAP) throw new AppError("EXPORT_TOO_LARGE", { cap: AUDIT_EXPORT_CAP });
  const rows = await db.auditLog.findMany({ where, orderBy: { id: "desc" }, take: AUDIT_EXPORT_CAP });
  const en = actor.locale === "en";
  const headers = en ? ["#", "Time", "Actor", "Action", "Entity", "Entity id", "Detail", "Hash"] : ["#", "时间", "操作人", "动作", "对象", "对象编号", "详情", "哈希"];
  const file = await tableFile(
    format,
    `audit-log-${bizDay(new Date())}`,
    headers,
    rows.map((r) => [String(r.id), formatBizTime(r.createdAt, en ? "en" : "zh-CN"), r.actorName, r.action, r.entityType, r.entityId, r.detail == null ? null : JSON.stringify(r.detail), r.hash]),
  );
  const { page: _p, size: _s, ...filter } = q;
  await recordAudit(db, actor, { action: "audit.export", entityType: "audit_log", detail: { format, rowCount: file.rowCount, filter } });
  return file;
}
