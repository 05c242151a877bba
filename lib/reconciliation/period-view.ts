/** The 日基线 page: one day's baseline and lock, and the latest baselines with theirs. */
import type { Actor } from "../access/actor";
import { assertWholeBook } from "../access/whole-book";
import type { Db } from "../db/client";
import { isAppError } from "../errors/app-error";
import { addBizDays, bizDay } from "../time/biz-time";
import { closedDays, parseDay } from "./period-lock";

const RECENT_DAYS = 14;

/** The requested day, or yesterday when none (or no valid one) was asked for. */
function dayOrYesterday(requested: string): string {
  try {
    return parseDay(requested);
  } catch (err) {
    if (!isAppError(err)) throw err;
    return addBizDays(bizDay(new Date()), -1);
  }
}

export async function loadPeriodView(db: Db, actor: Actor, requested: string) {
  assertWholeBook(actor, "finance.reconcile");
  const day = dayOrYesterday(requested);
  const [baseline, recent] = await Promise.all([
    db.reconBaseline.findUnique({ where: { bizDay: day } }),
    db.reconBaseline.findMany({ orderBy: { bizDay: "desc" }, take: RECENT_DAYS }),
  ]);
  const closed = await closedDays(db, [day, ...recent.map((b) => b.bizDay)]);
  return { day, baseline, closed: closed.has(day), recent: recent.map((b) => ({ ...b, closed: closed.has(b.bizDay) })) };
}
