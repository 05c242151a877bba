import { assertCan, type Actor } from "../access/actor";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { assertExportFits, exportCap } from "../exports/export-cap";
import { tableFile, type ExportFormat } from "../exports/table-file";
import { formatBizTime, bizDay } from "../time/biz-time";
import { fenToYuanString } from "../money/fen";
import { exceptionWhere, canSeeWorkbench, parseExceptionQuery } from "./list-exceptions";

/** Exports need the export permission and a row cap of their own (SPEC §7), besides seeing the workbench. */
export function exportFileFor(actor: Actor): number {
  assertCan(actor, "order.export");
  if (!canSeeWorkbench(actor)) throw new AppError("FORBIDDEN", { permission: "exception.handle" });
  return exportCap(actor);
}

/** The workbench's current filter (as in the URL; checked here) as XLSX/CSV (labels from the caller's locale); audited. */
export async function exportExceptions(db: Db, actor: Actor, input: Record<string, string | undefined>, format: ExportFormat, names: (key: string) => string) {
  const cap = exportFileFor(actor);
  const q = parseExceptionQuery(input);
  const where = exceptionWhere(actor, q);
  const count = await db.orderException.count({ where, take: cap + 1 });
  assertExportFits(actor, count);
  const rows = await db.orderException.findMany({
    where, orderBy: [{ dueAt: "asc" }], take: cap,
    select: { id: true, ruleCode: true, severity: true, status: true, channelId: true, openedAt: true, dueAt: true, closedAt: true, resolutionCode: true, closeReason: true, neededPerson: true,
      assignee: { select: { displayName: true } }, order: { select: { orderNo: true, status: true, paidFen: true } } },
  });
  const locale = actor.locale === "en" ? "en" : "zh-CN";
  const headers = ["id", "rule", "severity", "status", "orderNo", "paid", "channel", "assignee", "openedAt", "dueAt", "closedAt", "resolution", "neededPerson"].map((k) => names(`export.${k}`));
  const file = await tableFile(format, `exceptions-${bizDay(new Date())}`, headers, rows.map((r) => [
    r.id, names(`rules.${r.ruleCode}.name`), names(`severity.${r.severity}`), names(`status.${r.status}`), r.order?.orderNo ?? null,
    r.order ? fenToYuanString(r.order.paidFen) : null, r.channelId, r.assignee?.displayName ?? null, formatBizTime(r.openedAt, locale), formatBizTime(r.dueAt, locale),
    r.closedAt ? formatBizTime(r.closedAt, locale) : null, r.resolutionCode ?? r.closeReason, r.neededPerson ? "Y" : "N",
  ]));
  const { page: _p, size: _s, ...filter } = q;
  await recordAudit(db, actor, { action: "exception.export", entityType: "order_exception", detail: { format, rowCount: file.rowCount, filter } });
  return file;
}
