import type { Db } from "../db/client";

/** Stale-order timers (SPEC §2); the anomaly workbench reads the alerts they raise. Configurable by env. */
export const STALE_THRESHOLDS = {
  paidNotPushedMinutes: Number(process.env.STALE_PAID_NOT_PUSHED_MINUTES ?? 30),
  paidNotShippedMinutes: Number(process.env.STALE_PAID_NOT_SHIPPED_MINUTES ?? 120),
  shippedNoLogisticsMinutes: Number(process.env.STALE_SHIPPED_NO_LOGISTICS_MINUTES ?? 48 * 60),
};

/** Raises one alert per stale order and kind (set-based; already-raised ones are skipped). */
export async function scanStaleOrders(db: Db, now = new Date(), t = STALE_THRESHOLDS) {
  const ago = (min: number) => new Date(now.getTime() - min * 60_000);
  const notPushed = await db.$executeRaw`
    INSERT INTO order_alerts (id, kind, alert_key, order_id, detail)
    SELECT gen_random_uuid()::text, 'STALE_PAID_NOT_PUSHED', 'STALE_PAID_NOT_PUSHED:' || o.id, o.id, jsonb_build_object('paidAt', o.paid_at)
    FROM orders o WHERE o.status = 'PAID' AND o.is_test = false AND o.paid_at < ${ago(t.paidNotPushedMinutes)}
    ON CONFLICT (alert_key) DO NOTHING`;
  const notShipped = await db.$executeRaw`
    INSERT INTO order_alerts (id, kind, alert_key, order_id, detail)
    SELECT gen_random_uuid()::text, 'STALE_PAID_NOT_SHIPPED', 'STALE_PAID_NOT_SHIPPED:' || o.id, o.id, jsonb_build_object('paidAt', o.paid_at, 'status', o.status)
    FROM orders o WHERE o.status IN ('PAID', 'PUSHED_TO_WMS') AND o.is_test = false AND o.paid_at < ${ago(t.paidNotShippedMinutes)}
    ON CONFLICT (alert_key) DO NOTHING`;
  const noLogistics = await db.$executeRaw`
    INSERT INTO order_alerts (id, kind, alert_key, order_id, detail)
    SELECT gen_random_uuid()::text, 'STALE_NO_LOGISTICS', 'STALE_NO_LOGISTICS:' || s.id, s.order_id, jsonb_build_object('trackingNo', s.tracking_no, 'shippedAt', s.shipped_at)
    FROM shipments s JOIN orders o ON o.id = s.order_id
    WHERE o.status = 'SHIPPED' AND o.is_test = false AND s.last_event_at IS NULL AND s.shipped_at < ${ago(t.shippedNoLogisticsMinutes)}
    ON CONFLICT (alert_key) DO NOTHING`;
  return { notPushed, notShipped, noLogistics };
}
