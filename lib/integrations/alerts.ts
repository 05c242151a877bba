import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/prisma/client";

/** Alert kinds (order_alerts.kind); the anomaly workbench reads the stale-order ones. */
export type AlertKind =
  | "INTEGRATION_GAVE_UP" | "PEER_DOWN" | "RECONCILE_PAYMENT" | "UNLINKED_PAYMENT" | "ORPHAN_CALLBACK"
  | "STALE_PAID_NOT_PUSHED" | "STALE_PAID_NOT_SHIPPED" | "STALE_NO_LOGISTICS";

/** Raises an alert once per kind and subject (a repeat while it exists is a no-op); returns whether it is new. */
export async function raiseAlert(db: Db, kind: AlertKind, subject: string, opts: { orderId?: string | null; detail?: Record<string, unknown> } = {}): Promise<boolean> {
  const { count } = await db.orderAlert.createMany({
    data: [{ kind, alertKey: `${kind}:${subject}`, orderId: opts.orderId ?? null, detail: (opts.detail ?? {}) as Prisma.InputJsonValue }],
    skipDuplicates: true,
  });
  return count === 1;
}
