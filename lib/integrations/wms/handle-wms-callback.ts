import type { Db } from "../../db/client";
import { isAppError, type ErrorCode } from "../../errors/app-error";
import { addPackages, confirmShipment } from "../../lifecycle/fulfilment-actions";
import { systemActor } from "../../lifecycle/order-actor";
import { parseChinaTime } from "../../time/biz-time";
import { raiseAlert } from "../alerts";
import { jsonReply, receiveInbound, type InboundOutcome, type InboundRequestData } from "../inbound";
import { verifyWms, type WmsConfig } from "./wms-config";
import { WmsShipmentCallback } from "./wms-messages";

const reply = (status: number, flag: "success" | "failure", code: string, message: string) => jsonReply(status, { flag, code, message });

/**
 * POST /api/wms/shipments: the WMS says an order left the warehouse → confirmShipment. Signed with
 * X-Signature; de-duplicated on deliveryOrderCode + outBizCode (the idempotency key); an unknown order
 * is parked (answered with success, as QiMen peers expect) and re-matched by the inbound-rematch job.
 */
export function handleWmsCallback(db: Db, cfg: Pick<WmsConfig, "secret">, req: InboundRequestData, opts: { inboundId?: string } = {}) {
  return receiveInbound(db, "WMS_CALLBACK", req, () => processWmsCallback(db, cfg, req), { ...opts, failureBody: JSON.stringify({ flag: "failure", code: "INTERNAL" }) });
}

async function processWmsCallback(db: Db, cfg: Pick<WmsConfig, "secret">, req: InboundRequestData): Promise<InboundOutcome> {
  if (!verifyWms(cfg.secret, req.rawBody, req.headers["x-signature"] ?? null)) {
    return { outcome: "REJECTED", errorCode: "BAD_SIGNATURE", http: reply(401, "failure", "BAD_SIGNATURE", "signature does not verify") };
  }
  let json: unknown;
  try {
    json = JSON.parse(req.rawBody);
  } catch {
    json = undefined;
  }
  const parsed = WmsShipmentCallback.safeParse(json);
  if (!parsed.success) return { outcome: "REJECTED", errorCode: "MALFORMED_CALLBACK", http: reply(400, "failure", "MALFORMED_CALLBACK", "body does not match the shipment callback schema") };
  const cb = parsed.data;
  const dedupeKey = `${cb.deliveryOrderCode}:${cb.outBizCode}`;

  const order = await db.order.findUnique({ where: { orderNo: cb.deliveryOrderCode }, select: { id: true } });
  if (!order) {
    await raiseAlert(db, "ORPHAN_CALLBACK", `WMS:${dedupeKey}`, { detail: { source: "WMS_CALLBACK", deliveryOrderCode: cb.deliveryOrderCode } });
    return { outcome: "PARKED", dedupeKey, http: reply(200, "success", "PARKED", "order unknown; kept and will be re-matched") };
  }
  if (cb.status !== "DELIVERED" && cb.status !== "PARTDELIVERED") {
    return { outcome: "ACCEPTED", dedupeKey, orderId: order.id, http: reply(200, "success", "0", `status ${cb.status} noted`) };
  }
  const packages = cb.packages.map((p) => ({ carrierCode: p.logisticsCode, trackingNo: p.expressCode, items: p.items?.map((i) => ({ skuCode: i.itemCode, quantity: i.quantity })) }));
  if (!packages.length) return { outcome: "REJECTED", errorCode: "TRACKING_REQUIRED", dedupeKey, orderId: order.id, http: reply(400, "failure", "TRACKING_REQUIRED", "a shipment needs a package with a tracking number") };
  const shippedAt = parseChinaTime(cb.orderConfirmTime) ?? undefined;
  try {
    const r = await confirmShipment(
      db, order.id,
      { by: systemActor("WMS"), source: "WMS_CALLBACK", idempotencyKey: `wms:${dedupeKey}` },
      { ...packages[0], morePackages: packages.slice(1), shippedAt },
    );
    return { outcome: r.replayed ? "DUPLICATE" : "ACCEPTED", dedupeKey, orderId: order.id, http: reply(200, "success", "0", r.replayed ? "already received" : "received") };
  } catch (err) {
    if (!isAppError(err)) throw err;
    const refused = (code: ErrorCode): InboundOutcome => ({ outcome: "REJECTED", errorCode: code, dedupeKey, orderId: order.id, http: reply(409, "failure", code, "not applied") });
    if (err.code !== "ILLEGAL_TRANSITION") return refused(err.code);
    // Shipped already: a later dispatch of the same order, or the same parcels under a new message id.
    try {
      const added = await addPackages(db, order.id, packages, shippedAt);
      if (!added) return refused(err.code);
      return added.length
        ? { outcome: "ACCEPTED", dedupeKey, orderId: order.id, http: reply(200, "success", "0", `${added.length} more package(s) received`) }
        : { outcome: "DUPLICATE", dedupeKey, orderId: order.id, http: reply(200, "success", "0", "already received") };
    } catch (e) {
      if (!isAppError(e)) throw e;
      return refused(e.code);
    }
  }
}
