/**
 * The four headline KPIs (SPEC §4, seed 003) with targets and a daily trend, from the rollups:
 * processing cycle (paid → shipped, target < 2 h), first-pass accuracy (never held, sent to review or
 * rolled back; target ≥ 99 %), orders handled per person per day (console actions by people), and the
 * customer inquiry rate (orders named by a customer contact note ÷ orders; target < 5 %).
 */
import { assertCan, type Actor } from "../access/actor";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/prisma/client";
import { parseDashboardFilter, rollupWhere } from "./dashboard-filter";
import { fillDays, ratio } from "./dashboard-days";
import { CYCLE_TARGET_MINUTES } from "./rollup-sql";

export const KPI_TARGETS = { cycleMinutes: CYCLE_TARGET_MINUTES, firstPass: 0.99, inquiryRate: 0.05 } as const;

interface DayRow { day: string; orders: number; shipped: number; cycleSum: bigint; late: number; reworked: number; inquired: number }
interface PeopleRow { day: string; handled: number; people: number }

export async function loadKpis(db: Db, actor: Actor, raw: unknown) {
  assertCan(actor, "dashboard.view");
  const f = parseDashboardFilter(raw);
  const where = rollupWhere(actor, f, "d");
  const [orders, people] = await Promise.all([
    db.$queryRaw<DayRow[]>(Prisma.sql`
      SELECT to_char(d.biz_day, 'YYYY-MM-DD') AS day, sum(d.orders)::int AS orders, sum(d.shipped)::int AS shipped,
             sum(d.cycle_minutes_sum)::bigint AS "cycleSum", sum(d.cycle_late)::int AS late,
             sum(d.reworked)::int AS reworked, sum(d.inquired)::int AS inquired
        FROM dash_order_daily d WHERE ${where} GROUP BY 1`),
    db.$queryRaw<PeopleRow[]>(Prisma.sql`
      SELECT to_char(d.biz_day, 'YYYY-MM-DD') AS day, sum(d.transitions)::int AS handled, count(DISTINCT d.actor_name)::int AS people
        FROM dash_transition_daily d WHERE ${where} AND d.source = 'CONSOLE' AND d.kind <> 'REFUSED' GROUP BY 1`),
  ]);
  const days = fillDays(f, orders, (day) => ({ day, orders: 0, shipped: 0, cycleSum: BigInt(0), late: 0, reworked: 0, inquired: 0 }));
  const perDayPeople = fillDays(f, people, (day) => ({ day, handled: 0, people: 0 }));
  const sum = <T>(rows: T[], pick: (r: T) => number) => rows.reduce((s, r) => s + pick(r), 0);
  const shipped = sum(days, (d) => d.shipped);
  const total = sum(days, (d) => d.orders);
  const personDays = sum(perDayPeople, (d) => d.people);
  return {
    filter: f,
    targets: KPI_TARGETS,
    totals: {
      orders: total,
      shipped,
      late: sum(days, (d) => d.late),
      cycleMinutes: shipped ? sum(days, (d) => Number(d.cycleSum)) / shipped : null,
      reworked: sum(days, (d) => d.reworked),
      firstPass: total ? 1 - sum(days, (d) => d.reworked) / total : null,
      handled: sum(perDayPeople, (d) => d.handled),
      personDays,
      perPersonPerDay: ratio(sum(perDayPeople, (d) => d.handled), personDays),
      inquired: sum(days, (d) => d.inquired),
      inquiryRate: ratio(sum(days, (d) => d.inquired), total),
    },
    trend: days.map((d, i) => ({
      day: d.day,
      cycleMinutes: d.shipped ? Number(d.cycleSum) / d.shipped : null,
      firstPass: d.orders ? 1 - d.reworked / d.orders : null,
      perPersonPerDay: ratio(perDayPeople[i].handled, perDayPeople[i].people),
      inquiryRate: ratio(d.inquired, d.orders),
    })),
  };
}
