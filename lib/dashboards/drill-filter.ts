/**
 * The order-list filters a dashboard number drills into: the orders behind the figure. They read the
 * same facts and classes the rollups are built from (dash_order_facts, transition-kinds.ts).
 */
import { z } from "zod";
import type { Prisma } from "../db/generated/prisma/client";
import { StatusSource } from "../db/generated/prisma/enums";
import { bizDayRange } from "../time/biz-time";
import { CYCLE_TARGET_MINUTES } from "./rollup-sql";
import { kindLogFilter } from "./transition-kinds";

/** paid; shipped (paid → shipped known); late (over the cycle target); reworked; inquired. */
export const ORDER_FLAGS = ["paid", "shipped", "late", "reworked", "inquired"] as const;
export const DRILL_KINDS = ["ROLLBACK", "OVERRIDE", "MANUAL", "REFUSED"] as const;
/** The `warehouse` value for paid orders no warehouse was assigned to. */
export const UNROUTED = "-";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const DrillQuery = z.object({
  warehouse: z.string().max(64).optional(),
  flag: z.array(z.enum(ORDER_FLAGS)).max(ORDER_FLAGS.length).optional(),
  /** Status changes (or refused attempts) of this class, action, person and source, between evFrom and evTo. */
  kind: z.enum(DRILL_KINDS).optional(),
  act: z.string().max(64).optional(),
  actor: z.string().max(64).optional(),
  src: z.enum(StatusSource).optional(),
  /** Exceptions raised by this rule between evFrom and evTo. */
  rule: z.string().max(64).optional(),
  evFrom: day.optional(),
  evTo: day.optional(),
});
export type DrillQuery = z.infer<typeof DrillQuery>;

const FLAG_WHERE: Record<(typeof ORDER_FLAGS)[number], Prisma.DashOrderFactWhereInput> = {
  paid: { paid: true },
  shipped: { cycleMinutes: { not: null } },
  late: { cycleMinutes: { gt: CYCLE_TARGET_MINUTES } },
  reworked: { reworked: true },
  inquired: { inquired: true },
};

export function drillWhere(q: DrillQuery): Prisma.OrderWhereInput[] {
  const and: Prisma.OrderWhereInput[] = [];
  const facts: Prisma.DashOrderFactWhereInput[] = (q.flag ?? []).map((f) => FLAG_WHERE[f]);
  if (q.warehouse) facts.push({ warehouseId: q.warehouse === UNROUTED ? "" : q.warehouse });
  if (facts.length) and.push({ dashFact: { is: { AND: facts } } });
  const at: Prisma.DateTimeFilter = {};
  if (q.evFrom) at.gte = bizDayRange(q.evFrom).gte;
  if (q.evTo) at.lt = bizDayRange(q.evTo).lt;
  const when = q.evFrom || q.evTo ? { createdAt: at } : {};
  if (q.kind === "REFUSED") {
    and.push({ refusals: { some: { ...when, ...(q.act ? { action: q.act } : {}), ...(q.actor ? { actorName: q.actor } : {}) } } });
  } else if (q.kind || q.act || q.actor || q.src) {
    const log: Prisma.OrderStatusLogWhereInput[] = [when];
    if (q.kind) log.push(kindLogFilter(q.kind));
    if (q.act) log.push({ action: q.act });
    if (q.actor) log.push({ actorName: q.actor });
    if (q.src) log.push({ source: q.src });
    and.push({ statusLog: { some: { AND: log } } });
  }
  if (q.rule) and.push({ exceptions: { some: { ruleCode: q.rule, ...(q.evFrom || q.evTo ? { openedAt: at } : {}) } } });
  return and;
}
