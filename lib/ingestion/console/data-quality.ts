/**
 * Data-quality figures per channel and business day (SPEC §1), from ingest_events: sync success
 * rate (stored or recognised / all attempts), ingest latency (platform modified time → stored;
 * median and p95 over new and changed orders), and the null / invalid rate of each canonical field.
 */
import type { Actor } from "../../access/actor";
import { assertWholeBook } from "../../access/whole-book";
import type { Db } from "../../db/client";
import { Prisma } from "../../db/generated/prisma/client";
import { addBizDays, bizDay, bizDayRange, BUSINESS_TIME_ZONE } from "../../time/biz-time";

export interface QualityDay {
  channelId: string;
  day: string;
  attempts: number;
  succeeded: number;
  quarantined: number;
  successRate: number;
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
  /** Events with no empty canonical field, with no invalid one (and not quarantined), stored events, stored within ON_TIME_MS. */
  complete: number;
  consistent: number;
  stored: number;
  onTime: number;
}

/** An order stored within one pull interval (15 minutes) of its platform change counts as timely. */
export const ON_TIME_MS = 15 * 60_000;

export interface FieldRate {
  channelId: string;
  field: string;
  kind: "null" | "invalid";
  count: number;
  rate: number;
}

export async function dataQuality(db: Db, actor: Actor, input: { days: number }) {
  assertWholeBook(actor, "ingestion.manage");
  const days = Math.max(1, Math.min(input.days, 31));
  const today = bizDay(new Date());
  const from = bizDayRange(addBizDays(today, -(days - 1))).gte;
  const rows = await qualityDays(db, from);
  const fields = await db.$queryRaw<{ channel_id: string; field: string; kind: "null" | "invalid"; n: bigint; total: bigint }[]>(Prisma.sql`
    WITH ev AS (SELECT channel_id, null_fields, invalid_fields FROM ingest_events WHERE created_at >= ${from}),
         totals AS (SELECT channel_id, count(*) AS total FROM ev GROUP BY 1),
         hits AS (
           SELECT channel_id, f AS field, 'null' AS kind FROM ev, unnest(null_fields) AS f
           UNION ALL SELECT channel_id, f, 'invalid' FROM ev, unnest(invalid_fields) AS f)
    SELECT h.channel_id, h.field, h.kind, count(*) AS n, t.total
      FROM hits h JOIN totals t USING (channel_id)
     GROUP BY 1, 2, 3, t.total ORDER BY 1, 3, 4 DESC`);
  const channels = await db.channel.findMany({ select: { id: true, name: true, platform: true }, orderBy: { id: "asc" }, take: 200 });
  const fieldRates: FieldRate[] = fields.map((f) => ({ channelId: f.channel_id, field: f.field, kind: f.kind, count: Number(f.n), rate: Number(f.n) / Number(f.total) }));
  const pulls = await db.pullCursor.findMany({ select: { channelId: true, cursorAt: true, lastRunAt: true, lastOkAt: true, lastErrorCode: true, runs: true, failedRuns: true }, orderBy: { channelId: "asc" }, take: 200 });
  return { days, from, channels, rows, fieldRates, pulls };
}

/** The per channel and business day figures of the ingest events since `from` (also the status-health dashboard's, which checks its own permission). */
export async function qualityDays(db: Db, from: Date): Promise<QualityDay[]> {
  const zone = BUSINESS_TIME_ZONE;
  const perDay = await db.$queryRaw<{ channel_id: string; day: string; attempts: bigint; quarantined: bigint; p50: number | null; p95: number | null; complete: bigint; consistent: bigint; stored: bigint; on_time: bigint }[]>(Prisma.sql`
    SELECT channel_id, to_char(created_at AT TIME ZONE ${zone}, 'YYYY-MM-DD') AS day,
           count(*) AS attempts,
           count(*) FILTER (WHERE outcome = 'QUARANTINED') AS quarantined,
           count(*) FILTER (WHERE cardinality(null_fields) = 0) AS complete,
           count(*) FILTER (WHERE cardinality(invalid_fields) = 0 AND outcome <> 'QUARANTINED') AS consistent,
           count(*) FILTER (WHERE outcome IN ('CREATED', 'UPDATED')) AS stored,
           count(*) FILTER (WHERE outcome IN ('CREATED', 'UPDATED') AND latency_ms <= ${ON_TIME_MS}) AS on_time,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms) FILTER (WHERE outcome IN ('CREATED', 'UPDATED')) AS p50,
           percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms) FILTER (WHERE outcome IN ('CREATED', 'UPDATED')) AS p95
      FROM ingest_events WHERE created_at >= ${from}
     GROUP BY 1, 2 ORDER BY 2 DESC, 1`);
  return perDay.map((r) => {
    const attempts = Number(r.attempts);
    const quarantined = Number(r.quarantined);
    return {
      channelId: r.channel_id, day: r.day, attempts, quarantined, succeeded: attempts - quarantined,
      successRate: attempts ? (attempts - quarantined) / attempts : 1,
      latencyP50Ms: r.p50 === null ? null : Math.round(r.p50), latencyP95Ms: r.p95 === null ? null : Math.round(r.p95),
      complete: Number(r.complete), consistent: Number(r.consistent), stored: Number(r.stored), onTime: Number(r.on_time),
    };
  });
}
