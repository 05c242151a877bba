import { ratio } from "./dashboard-days";

/**
 * Data-quality score of one channel and day (0–100): the mean of completeness (intake with no empty
 * canonical field), consistency (no invalid field, not quarantined) and timeliness (stored within 15
 * minutes of the platform's change; lib/ingestion/console/data-quality.ts ON_TIME_MS).
 */
export function qualityScore(r: { attempts: number; complete: number; consistent: number; stored: number; onTime: number }) {
  const completeness = ratio(r.complete, r.attempts);
  const consistency = ratio(r.consistent, r.attempts);
  const timeliness = ratio(r.onTime, r.stored);
  const parts = [completeness, consistency, timeliness].filter((v): v is number => v !== null);
  return { completeness, consistency, timeliness, score: parts.length ? Math.round((parts.reduce((a, b) => a + b, 0) / parts.length) * 1000) / 10 : null };
}
