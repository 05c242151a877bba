import type { Db } from "../db/client";
import { handleWmsCallback } from "./wms/handle-wms-callback";
import { wmsConfig } from "./wms/wms-config";
import { handleWechatNotify } from "./payments/handle-wechat-notify";
import { handleAlipayNotify } from "./payments/handle-alipay-notify";
import { paymentConfig, type PaymentConfig } from "./payments/payment-config";
import { handleKuaidi100Push, kuaidi100Salt } from "./logistics/handle-kuaidi100-push";

/** Parked callbacks are re-matched for this long; after that the alert stays for a person. */
const REMATCH_WINDOW_MS = 3 * 86_400_000;

/**
 * Re-processes callbacks that were parked because their order or shipment was not known yet (the
 * peer raced ahead of us). Each is run again from its kept raw request; the same row records the new outcome.
 */
export async function rematchParkedCallbacks(db: Db, opts: { webBaseUrl?: string; take?: number; payments?: PaymentConfig } = {}) {
  const payments = opts.payments ?? paymentConfig();
  const parked = await db.inboundRequest.findMany({
    where: { outcome: "PARKED", receivedAt: { gte: new Date(Date.now() - REMATCH_WINDOW_MS) } },
    orderBy: { receivedAt: "asc" },
    take: opts.take ?? 200,
    select: { id: true, source: true, headers: true, body: true },
  });
  const outcomes: Record<string, number> = {};
  for (const p of parked) {
    const req = { headers: p.headers as Record<string, string>, rawBody: p.body };
    const run = {
      WMS_CALLBACK: () => handleWmsCallback(db, wmsConfig(opts.webBaseUrl), req, { inboundId: p.id }),
      WECHAT_PAY: () => handleWechatNotify(db, payments.wechat, req, { inboundId: p.id }),
      ALIPAY: () => handleAlipayNotify(db, payments.alipay, req, { inboundId: p.id }),
      KUAIDI100: () => handleKuaidi100Push(db, kuaidi100Salt(), req, { inboundId: p.id }),
    }[p.source];
    if (!run) continue;
    const out = await run();
    outcomes[out.outcome] = (outcomes[out.outcome] ?? 0) + 1;
  }
  return { checked: parked.length, outcomes };
}
