import type { Actor } from "../access/actor";
import type { Db } from "../db/client";
import { canSeeWorkbench, visibleExceptions } from "./list-exceptions";

// Someone who never opened the bell sees the last day's exceptions as new, not the whole history.
const FIRST_LOOK_MS = 24 * 3_600_000;

/**
 * The bell: exceptions in the viewer's scope opened since they last looked (one cursor per user,
 * so raising an exception writes nothing per user). Light and severe alike; severe ones first.
 */
export async function getNotifications(db: Db, actor: Actor, now = new Date()) {
  if (!canSeeWorkbench(actor)) return { unread: 0, items: [] };
  const cursor = await db.notificationCursor.findUnique({ where: { userId: actor.id } });
  const since = cursor?.seenAt ?? new Date(now.getTime() - FIRST_LOOK_MS);
  const where = { AND: [visibleExceptions(actor), { openedAt: { gt: since } }, { status: { in: ["OPEN" as const, "CLAIMED" as const] } }] };
  const [unread, items] = await Promise.all([
    db.orderException.count({ where }),
    db.orderException.findMany({
      where, orderBy: [{ severity: "desc" }, { openedAt: "desc" }], take: 8,
      select: { id: true, ruleCode: true, severity: true, openedAt: true, order: { select: { orderNo: true } } },
    }),
  ]);
  return { unread, items };
}

export async function markNotificationsRead(db: Db, actor: Actor, now = new Date()) {
  await db.notificationCursor.upsert({ where: { userId: actor.id }, create: { userId: actor.id, seenAt: now }, update: { seenAt: now } });
  return { seenAt: now };
}
