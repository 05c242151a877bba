import { awaitingApproval } from "../../anomalies/approvals";
import type { DbClient } from "../../db/client";
import { isAppError } from "../../errors/app-error";
import { pushToWms } from "../../lifecycle/fulfilment-actions";
import { systemActor } from "../../lifecycle/order-actor";
import { formatChinaTime } from "../../time/biz-time";
import { PermanentError } from "../with-retries";
import { signWms, type WmsConfig } from "./wms-config";
import { WmsPushReply, type WmsOutboundOrder } from "./wms-messages";

/**
 * Consumer of ORDER_PAID: pushes the order (SKU, quantity, address) to the WMS and, when it accepts,
 * moves the order to PUSHED_TO_WMS. Idempotent: an order no longer PAID is skipped, and the WMS
 * de-duplicates on deliveryOrderCode; a repeated event changes nothing.
 */
export async function pushOrderToWms(db: DbClient, cfg: WmsConfig, data: unknown) {
  const orderId = (data as { orderId?: unknown })?.orderId;
  if (typeof orderId !== "string") throw new PermanentError("event without orderId");
  const o = await db.order.findUnique({ where: { id: orderId }, include: { items: { orderBy: { skuCode: "asc" } } } });
  if (!o) throw new PermanentError(`order ${orderId} not found`);
  if (o.status !== "PAID") return { skipped: o.status };
  if (await awaitingApproval(db, o.id)) return { skipped: "awaiting approval" }; // issue 6: held, approval raised

  const body: WmsOutboundOrder = {
    deliveryOrderCode: o.orderNo, orderId: o.id, orderType: "JYCK",
    placeOrderTime: formatChinaTime(o.placedAt), payTime: o.paidAt ? formatChinaTime(o.paidAt) : null,
    receiverInfo: { name: o.receiverName, mobile: o.receiverPhone, province: o.receiverProvince, city: o.receiverCity, area: o.receiverDistrict, detailAddress: o.receiverDetail },
    orderLines: o.items.map((i, n) => ({ orderLineNo: String(n + 1), itemCode: i.skuCode, itemName: i.title, planQty: i.quantity })),
    callbackUrl: cfg.callbackUrl,
  };
  const raw = JSON.stringify(body);
  const res = await fetch(cfg.url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-signature": signWms(cfg.secret, raw) },
    body: raw,
    signal: AbortSignal.timeout(cfg.timeoutMs),
  });
  if (!res.ok) throw new Error(`WMS answered HTTP ${res.status}`);
  const reply = WmsPushReply.safeParse(await res.json().catch(() => null));
  if (!reply.success) throw new Error("WMS reply is not understood");
  if (reply.data.flag !== "success") throw new Error(`WMS refused: ${reply.data.code ?? ""} ${reply.data.message ?? ""}`.trim());
  try {
    return await pushToWms(db, o.id, { by: systemActor("WMS 推送"), source: "SCHEDULER", idempotencyKey: `wms-push:${o.id}` }, { wmsOrderId: reply.data.deliveryOrderId });
  } catch (err) {
    // Held or cancelled while the push was on its way: the WMS has it, a person sees the timeline.
    if (isAppError(err) && err.code === "ILLEGAL_TRANSITION") return { skipped: "status changed during push" };
    throw err;
  }
}
