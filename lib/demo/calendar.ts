/**
 * When demo orders are placed: an hourly volume curve over the window (evening peak, quiet
 * nights, busier weekends, a mid-month promotion day, slow growth), sampled by inverse CDF.
 * Order k of n gets the (k + jitter)/n quantile, so placement time rises with the order index and
 * the same index always lands at the same instant.
 */
import { addBizDays, bizDayRange } from "../time/biz-time";
import { chinaParts } from "./numbers";
import { hash3 } from "./random";
import type { EpochMs } from "./types";

const H = 3_600_000;

// Relative order volume by China-time hour, 00:00 … 23:00 (peak 20:00–22:00).
const HOURLY = [0.35, 0.2, 0.12, 0.08, 0.06, 0.08, 0.15, 0.35, 0.6, 0.85, 1.0, 1.05, 1.1, 0.95, 0.95, 1.0, 1.0, 0.95, 1.0, 1.25, 1.55, 1.75, 1.6, 0.9];

export interface OrderCalendar {
  start: EpochMs;
  end: EpochMs;
  /** Placement instant for quantile u in [0, 1). */
  at(u: number): EpochMs;
}

export function buildCalendar(seed: number, endDay: string, days: number, asOf: EpochMs): OrderCalendar {
  const start = bizDayRange(addBizDays(endDay, -(days - 1))).gte.getTime();
  // Leave 15 minutes before "now" so even the newest order has already reached the hub.
  const end = Math.min(bizDayRange(endDay).lt.getTime(), asOf) - 15 * 60_000;
  if (end <= start) throw new RangeError(`demo window is empty: ${endDay} as of ${new Date(asOf).toISOString()}`);

  const starts: number[] = [];
  const lengths: number[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (let t = start; t < end; t += H) {
    const len = Math.min(H, end - t);
    const parts = chinaParts(t);
    const dayIndex = Math.floor((t - start) / (24 * H));
    let day = 0.92 + (0.16 * dayIndex) / Math.max(1, days - 1);
    if (parts.weekday === 0 || parts.weekday === 6) day *= 1.12;
    if (parts.day === 11) day *= 1.6;
    day *= 0.92 + (hash3(seed, dayIndex, 0x44415953) / 4294967296) * 0.16;
    total += HOURLY[parts.hour] * day * (len / H);
    starts.push(t);
    lengths.push(len);
    cumulative.push(total);
  }

  return {
    start,
    end,
    at(u: number): EpochMs {
      const target = u * total;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (cumulative[mid] > target) hi = mid;
        else lo = mid + 1;
      }
      const before = lo === 0 ? 0 : cumulative[lo - 1];
      const frac = (target - before) / (cumulative[lo] - before);
      // Whole seconds, as every platform reports them.
      return starts[lo] + Math.min(lengths[lo] - 1000, Math.floor((frac * lengths[lo]) / 1000) * 1000);
    },
  };
}
