import { addBizDays } from "../time/biz-time";
import type { DashboardFilter } from "./dashboard-filter";

/** Every business day of the range, so a chart has a point (zero) for days without orders. */
export function rangeDays(f: Pick<DashboardFilter, "from" | "to">): string[] {
  const days: string[] = [];
  for (let d = f.from; d <= f.to; d = addBizDays(d, 1)) days.push(d);
  return days;
}

/** Rows keyed by day, with `empty` for the missing days. */
export function fillDays<T extends { day: string }>(f: Pick<DashboardFilter, "from" | "to">, rows: T[], empty: (day: string) => T): T[] {
  const byDay = new Map(rows.map((r) => [r.day, r]));
  return rangeDays(f).map((d) => byDay.get(d) ?? empty(d));
}

export const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
