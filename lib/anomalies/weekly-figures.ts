import { z } from "zod";
import type { Actor } from "../access/actor";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { exportFileFor } from "./export-exceptions";
import { canSeeWorkbench, visibleExceptionsSql } from "./list-exceptions";
import { addBizDays, bizDay, bizDayRange } from "../time/biz-time";
import { tableFile, type ExportFormat } from "../exports/table-file";

/** Week starting on a business-zone Monday (a real YYYY-MM-DD day); default: the current week. */
export const WeekInput = z.object({ week: z.iso.date().optional() });

export function weekRange(week: string | undefined, now = new Date()): { start: string; gte: Date; lt: Date } {
  const day = week ?? bizDay(now);
  const weekday = (new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
  const start = addBizDays(day, -weekday);
  return { start, gte: bizDayRange(start).gte, lt: bizDayRange(addBizDays(start, 7)).gte };
}

/**
 * 周复盘 (seed 000): exceptions opened in the week by rule, how they were closed, the median time to
 * close and the share that needed a person. Within the viewer's row scope.
 */
export async function weeklyFigures(db: Db, actor: Actor, input: z.infer<typeof WeekInput>) {
  if (!canSeeWorkbench(actor)) throw new AppError("FORBIDDEN", { permission: "exception.handle" });
  const parsed = WeekInput.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT", { field: "week" });
  const range = weekRange(parsed.data.week);
  const scope = visibleExceptionsSql(actor);
  const byRule = await db.$queryRaw<{ ruleCode: string; opened: number; open: number; resolved: number; autoClosed: number; neededPerson: number; medianMinutes: number | null }[]>`
    SELECT x.rule_code AS "ruleCode", count(*)::int AS opened,
           count(*) FILTER (WHERE x.status IN ('OPEN', 'CLAIMED'))::int AS open,
           count(*) FILTER (WHERE x.status = 'RESOLVED')::int AS resolved,
           count(*) FILTER (WHERE x.status = 'AUTO_CLOSED')::int AS "autoClosed",
           count(*) FILTER (WHERE x.needed_person)::int AS "neededPerson",
           (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM x.closed_at - x.opened_at) / 60) FILTER (WHERE x.closed_at IS NOT NULL))::float8 AS "medianMinutes"
    FROM order_exceptions x LEFT JOIN orders o ON o.id = x.order_id
    WHERE x.opened_at >= ${range.gte} AND x.opened_at < ${range.lt} AND ${scope}
    GROUP BY x.rule_code ORDER BY opened DESC`;
  const byResolution = await db.$queryRaw<{ resolution: string; count: number }[]>`
    SELECT COALESCE(x.resolution_code, x.close_reason, 'OPEN') AS resolution, count(*)::int AS count
    FROM order_exceptions x LEFT JOIN orders o ON o.id = x.order_id
    WHERE x.opened_at >= ${range.gte} AND x.opened_at < ${range.lt} AND ${scope}
    GROUP BY 1 ORDER BY 2 DESC`;
  const [total] = await db.$queryRaw<{ opened: number; closed: number; neededPerson: number; medianMinutes: number | null }[]>`
    SELECT count(*)::int AS opened, count(x.closed_at)::int AS closed, count(*) FILTER (WHERE x.needed_person)::int AS "neededPerson",
           (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM x.closed_at - x.opened_at) / 60) FILTER (WHERE x.closed_at IS NOT NULL))::float8 AS "medianMinutes"
    FROM order_exceptions x LEFT JOIN orders o ON o.id = x.order_id
    WHERE x.opened_at >= ${range.gte} AND x.opened_at < ${range.lt} AND ${scope}`;
  return { week: range.start, byRule, byResolution, total: { ...total, neededPersonShare: total.opened ? total.neededPerson / total.opened : 0 } };
}

/** The weekly figures as a two-sheet-in-one table file (by rule, then by resolution). Export permission; audited. */
export async function exportWeeklyFigures(db: Db, actor: Actor, input: z.infer<typeof WeekInput>, format: ExportFormat, names: (key: string) => string) {
  exportFileFor(actor);
  const f = await weeklyFigures(db, actor, input);
  const rows: (string | number | null)[][] = [
    ...f.byRule.map((r) => [names(`rules.${r.ruleCode}.name`), r.opened, r.resolved, r.autoClosed, r.open, r.neededPerson, r.medianMinutes == null ? null : Math.round(r.medianMinutes)]),
    [names("weekly.total"), f.total.opened, null, null, null, f.total.neededPerson, f.total.medianMinutes == null ? null : Math.round(f.total.medianMinutes)],
    [],
    ...f.byResolution.map((r) => [names("weekly.resolution"), r.resolution, r.count]),
  ];
  const headers = ["rule", "opened", "resolved", "autoClosed", "open", "neededPerson", "medianMinutes"].map((k) => names(`weekly.col.${k}`));
  const file = await tableFile(format, `exceptions-week-${f.week}`, headers, rows);
  await recordAudit(db, actor, { action: "exception.exportWeekly", entityType: "order_exception", detail: { week: f.week, format, rowCount: file.rowCount } });
  return file;
}
