/** Closed business days are locked: nothing of theirs changes; later changes become adjustments. */
import { z } from "zod";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";

export async function closedDays(db: Db, days: string[]): Promise<Set<string>> {
  if (days.length === 0) return new Set();
  const rows = await db.reconPeriod.findMany({ where: { bizDay: { in: [...new Set(days)] } }, select: { bizDay: true } });
  return new Set(rows.map((r) => r.bizDay));
}

export async function assertDaysOpen(db: Db, days: string[]): Promise<void> {
  const closed = await closedDays(db, days);
  if (closed.size) throw new AppError("PERIOD_CLOSED", { days: [...closed].sort() });
}

/** A business day as typed ("2026-11-30"): the one check of every day reconciliation accepts. */
export const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((day) => !Number.isNaN(Date.parse(`${day}T00:00:00+08:00`)));

/** A business day as typed: refused with a code (never a 500) when it is not one. */
export function parseDay(day: string): string {
  if (!Day.safeParse(day).success) throw new AppError("INVALID_INPUT", { field: "day" });
  return day;
}
