import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/prisma/client";

/**
 * Alert kinds (order_alerts.kind): integration trouble for the 集成 page. Stale orders (paid not
 * pushed / not shipped, no logistics) are anomaly rules (lib/anomalies/rules.ts) with their own
 * exceptions, SLA and self-closing; older databases may still hold STALE_* alerts from before.
 */
export type AlertKind = "INTEGRATION_GAVE_UP" | "PEER_DOWN" | "RECONCILE_PAYMENT" | "UNLINKED_PAYMENT" | "ORPHAN_CALLBACK";

/** Raises an alert once per kind and subject (a repeat while it exists is a no-op); returns whether it is new. */
export async function raiseAlert(db: Db, kind: AlertKind, subject: string, opts: { orderId?: string | null; detail?: Record<string, unknown> } = {}): Promise<boolean> {
  const { count } = await db.orderAlert.createMany({
    data: [{ kind, alertKey: `${kind}:${subject}`, orderId: opts.orderId ?? null, detail: (opts.detail ?? {}) as Prisma.InputJsonValue }],
    skipDuplicates: true,
  });
  return count === 1;
}
