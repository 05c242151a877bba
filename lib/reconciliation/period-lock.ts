/** Closed business days are locked: nothing of theirs changes; later changes become adjustments. */
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { isBizDay } from "../time/biz-time";

export async function closedDays(db: Db, days: string[]): Promise<Set<string>> {
  if (days.length === 0) return new Set();
  const rows = await db.reconPeriod.findMany({ where: { bizDay: { in: [...new Set(days)] } }, select: { bizDay: true } });
  return new Set(rows.map((r) => r.bizDay));
}

export async function assertDaysOpen(db: Db, days: string[]): Promise<void> {
  const closed = await closedDays(db, days);
  if (closed.size) throw new AppError("PERIOD_CLOSED", { days: [...closed].sort() });
}

/** A business day as typed: refused with a code (never a 500) when it is not one. */
export function parseDay(day: string): string {
  if (!isBizDay(day)) throw new AppError("INVALID_INPUT", { field: "day" });
  return day;
}
