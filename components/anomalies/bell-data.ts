import "server-only";
import type { Actor } from "@/lib/access/actor";
import { canSeeWorkbench } from "@/lib/anomalies/list-exceptions";
import { getNotifications } from "@/lib/anomalies/notifications";
import { getDb } from "@/lib/db/client";
import type { BellItem } from "./notification-bell";

/** The bell's data for the console header; null for people who do not see the workbench. */
export async function bellFor(actor: Actor): Promise<{ unread: number; items: BellItem[] } | null> {
  if (!canSeeWorkbench(actor)) return null;
  const n = await getNotifications(getDb(), actor);
  return { unread: n.unread, items: n.items.map((i) => ({ id: i.id, ruleCode: i.ruleCode, severity: i.severity, orderNo: i.order?.orderNo ?? null, openedAt: i.openedAt.toISOString() })) };
}
