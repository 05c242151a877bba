import { z } from "zod";
import type { Actor } from "../access/actor";
import { rowScopeSql } from "../access/scope";
import { Prisma } from "../db/generated/prisma/client";
import { AppError } from "../errors/app-error";
import { addBizDays, bizDay } from "../time/biz-time";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** Longest range a dashboard reads at once. */
export const MAX_RANGE_DAYS = 366;
export const DEFAULT_RANGE_DAYS = 30;

/** Every dashboard's filter: business-day range (placed day for order figures) and test orders. */
export const DashboardFilterInput = z.object({
  from: day.optional(),
  to: day.optional(),
  includeTest: z.boolean().default(false),
});
export type DashboardFilterInput = z.input<typeof DashboardFilterInput>;
export interface DashboardFilter {
  from: string;
  to: string;
  includeTest: boolean;
}

/** Fills the default range (the last 30 business days) and refuses a reversed or too long one. */
export function parseDashboardFilter(raw: unknown, today = bizDay(new Date())): DashboardFilter {
  const parsed = DashboardFilterInput.safeParse(raw ?? {});
  if (!parsed.success) throw new AppError("INVALID_INPUT", { issues: parsed.error.issues.map((i) => i.path.join(".")) });
  const to = parsed.data.to ?? today;
  const from = parsed.data.from ?? addBizDays(to, -(DEFAULT_RANGE_DAYS - 1));
  if (from > to || addBizDays(from, MAX_RANGE_DAYS) < to) throw new AppError("DASHBOARD_RANGE_INVALID", { from, to });
  return { from, to, includeTest: parsed.data.includeTest };
}

/**
 * The actor's row scope on a rollup (columns channel_id and region), lib/access/scope.ts's row scope
 * on the rollup's columns: a regional manager's figures come from their region's rows only.
 */
export function rollupScope(actor: Actor, alias: string): Prisma.Sql {
  return rowScopeSql(actor, { channel: `${alias}.channel_id`, region: `${alias}.region` });
}

/** Range, test orders and scope on a rollup with biz_day, is_test, channel_id and region. */
export function rollupWhere(actor: Actor, f: DashboardFilter, alias: string): Prisma.Sql {
  const a = (c: string) => Prisma.raw(`${alias}.${c}`);
  return Prisma.sql`${a("biz_day")} BETWEEN ${f.from}::date AND ${f.to}::date
    AND (${f.includeTest} OR NOT ${a("is_test")}) AND ${rollupScope(actor, alias)}`;
}
