/**
 * 状态健康度: per status the count and the longest dwellers, abnormal transitions per day, manual
 * interventions per action and person (all from the rollups), per-channel sync and data quality
 * (ingest_events) and integration heartbeats.
 */
import { assertCan, type Actor } from "../access/actor";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/prisma/client";
import type { OrderStatus } from "../db/generated/prisma/enums";
import { qualityDays } from "../ingestion/console/data-quality";
import { latestHeartbeats } from "../integrations/integration-overview";
import { listOrderChannels } from "../orders/list-order-channels";
import { addBizDays, bizDay, bizDayRange } from "../time/biz-time";
import { parseDashboardFilter, rollupScope, rollupWhere } from "./dashboard-filter";
import { fillDays } from "./dashboard-days";
import { qualityScore } from "./quality-score";

/** Statuses an order waits in for someone (terminal and buyer-side states are left out). */
export const WAITING_STATUSES: readonly OrderStatus[] = ["PENDING_PAYMENT", "PAID", "PUSHED_TO_WMS", "SHIPPED", "AFTER_SALE", "NEEDS_REVIEW", "ON_HOLD"];
export const DWELLERS_PER_STATUS = 10;

export async function loadHealth(db: Db, actor: Actor, raw: unknown) {
  assertCan(actor, "dashboard.view");
  const f = parseDashboardFilter(raw);
  const where = rollupWhere(actor, f, "d");
  const [statusRows, dwellers, abnormal, manual] = await Promise.all([
    db.$queryRaw<{ status: OrderStatus; orders: number }[]>(Prisma.sql`
      SELECT d.status::text AS status, sum(d.orders)::int AS orders FROM dash_order_daily d WHERE ${where} GROUP BY 1 HAVING sum(d.orders) <> 0`),
    // Dwell is about now, so it ignores the range; (status, status_since) finds the oldest without a scan.
    db.$queryRaw<{ status: OrderStatus; orderId: string; orderNo: string; channelId: string; since: Date }[]>(Prisma.sql`
      SELECT s.status::text AS status, x.order_id AS "orderId", x.order_no AS "orderNo", x.channel_id AS "channelId", x.status_since AS since
        FROM unnest(${[...WAITING_STATUSES]}::text[]::"OrderStatus"[]) AS s(status)
        CROSS JOIN LATERAL (
          SELECT f.order_id, o.order_no, f.channel_id, f.status_since
            FROM dash_order_facts f JOIN orders o ON o.id = f.order_id
           WHERE f.status = s.status AND (${f.includeTest} OR NOT f.is_test) AND ${rollupScope(actor, "f")}
           ORDER BY f.status_since LIMIT ${DWELLERS_PER_STATUS}) x`),
    db.$queryRaw<{ day: string; kind: string; n: number }[]>(Prisma.sql`
      SELECT to_char(d.biz_day, 'YYYY-MM-DD') AS day, d.kind, sum(d.transitions)::int AS n
        FROM dash_transition_daily d WHERE ${where} AND d.kind IN ('REFUSED', 'ROLLBACK', 'OVERRIDE') GROUP BY 1, 2`),
    db.$queryRaw<{ action: string; actorName: string; n: number; handledMs: number | null }[]>(Prisma.sql`
      SELECT d.action, d.actor_name AS "actorName", sum(d.transitions)::int AS n,
             (sum(d.handled_ms_sum) / nullif(sum(d.handled_count), 0))::float8 AS "handledMs"
        FROM dash_transition_daily d WHERE ${where} AND d.source = 'CONSOLE' AND d.kind <> 'REFUSED'
       GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT 50`),
  ]);

  const byDay = new Map<string, { day: string; REFUSED: number; ROLLBACK: number; OVERRIDE: number }>();
  for (const r of abnormal) {
    const row = byDay.get(r.day) ?? { day: r.day, REFUSED: 0, ROLLBACK: 0, OVERRIDE: 0 };
    row[r.kind as "REFUSED"] = r.n;
    byDay.set(r.day, row);
  }

  // Ingest figures are per channel (not per region): scoped to the actor's shops where it has any.
  // They reach back to the range's start, but no further than the ingestion console's 31 days (today and 30 before).
  const oldest = addBizDays(bizDay(new Date()), -30);
  const quality = await qualityDays(db, bizDayRange(f.from > oldest ? f.from : oldest).gte);
  const channels = await listOrderChannels(db, actor); // the shops this person may see
  const visible = new Set(channels.map((c) => c.id));
  const qualityRows = quality.filter((r) => r.day >= f.from && r.day <= f.to && visible.has(r.channelId));

  return {
    filter: f,
    statusCounts: statusRows,
    dwellers,
    abnormalByDay: fillDays(f, [...byDay.values()], (day) => ({ day, REFUSED: 0, ROLLBACK: 0, OVERRIDE: 0 })),
    manual,
    channels,
    sync: channels.map((c) => syncOf(c.id, qualityRows.filter((r) => r.channelId === c.id))),
    quality: qualityRows.map((r) => ({ channelId: r.channelId, day: r.day, ...qualityScore(r) })),
    heartbeats: await latestHeartbeats(db),
  };
}

function syncOf(channelId: string, rows: { attempts: number; succeeded: number; latencyP50Ms: number | null; latencyP95Ms: number | null }[]) {
  const attempts = rows.reduce((s, r) => s + r.attempts, 0);
  const succeeded = rows.reduce((s, r) => s + r.succeeded, 0);
  const p50s = rows.map((r) => r.latencyP50Ms).filter((v): v is number => v !== null).sort((a, b) => a - b);
  const p95s = rows.map((r) => r.latencyP95Ms).filter((v): v is number => v !== null);
  return {
    channelId, attempts, succeeded, successRate: attempts ? succeeded / attempts : null,
    // Percentiles do not add up across days: the median day's median and the worst day's p95.
    latencyP50Ms: p50s.length ? p50s[Math.floor(p50s.length / 2)] : null,
    latencyP95Ms: p95s.length ? Math.max(...p95s) : null,
  };
}
