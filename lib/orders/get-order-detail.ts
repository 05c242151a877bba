import { assertCan, can, type Actor } from "../access/actor";
import { loadUnmaskState, maskedFieldsOf, maskFieldWithGrants } from "../access/unmask-grants";
import { orderScope } from "../access/scope";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";

/** Everything the order page shows, already masked for the actor. */
export async function getOrderDetail(db: Db, actor: Actor, orderId: string) {
  assertCan(actor, "order.view");
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(orderId)) throw new AppError("ORDER_NOT_FOUND");
  const o = await db.order.findFirst({
    where: { AND: [{ id: orderId }, orderScope(actor)] },
    include: {
      channel: { select: { id: true, name: true, platform: true } },
      items: { orderBy: { skuCode: "asc" } },
      payments: { orderBy: { paidAt: "asc" } },
      refunds: { orderBy: { requestedAt: "asc" } },
      shipments: { orderBy: { shippedAt: "asc" } },
      statusLog: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    },
  });
  if (!o) throw new AppError("ORDER_NOT_FOUND");
  await recordAudit(db, { id: actor.id, displayName: actor.displayName }, { action: "order.view", entityType: "order", entityId: o.id, detail: { orderNo: o.orderNo } });

  const seesAddress = can(actor, "order.viewAddress");
  // 临时权限: fields under an active grant are shown in full, and each such view is audited.
  const unmask = await loadUnmaskState(db, actor, "order", o.id);
  const maskField = maskFieldWithGrants.bind(null, actor, unmask);
  const sensitive = { buyerNick: o.buyerNick, ...(seesAddress ? { phone: o.receiverPhone, addressDetail: o.receiverDetail } : {}) };
  const unmaskedNow = Object.keys(sensitive).filter((f) => unmask.granted.has(f as keyof typeof sensitive));
  if (unmaskedNow.length) await recordAudit(db, actor, { action: "unmask.view", entityType: "order", entityId: o.id, detail: { orderNo: o.orderNo, fields: unmaskedNow } });
  const seesPayments = can(actor, "order.viewPayments");
  return {
    id: o.id,
    orderNo: o.orderNo,
    unmask: {
      masked: maskedFieldsOf(actor, unmask, sensitive),
      pending: [...unmask.pending],
      granted: [...unmask.granted].map(([field, expiresAt]) => ({ field, expiresAt })),
    },
    platformOrderId: o.platformOrderId,
    channel: o.channel,
    status: o.status,
    platformStatus: o.platformStatus,
    isTest: o.isTest,
    tags: o.tags,
    priority: o.priority,
    buyerNick: maskField("buyerNick", o.buyerNick),
    buyerNote: o.buyerNote,
    sellerNote: o.sellerNote,
    receiver: seesAddress
      ? {
          name: o.receiverName,
          phone: maskField("phone", o.receiverPhone),
          province: o.receiverProvince,
          city: o.receiverCity,
          district: o.receiverDistrict,
          detail: maskField("addressDetail", o.receiverDetail),
          region: o.receiverRegion,
          incomplete: o.addressIncomplete,
        }
      : null,
    amounts: {
      goodsFen: o.goodsFen,
      freightFen: o.freightFen,
      merchantDiscountFen: o.merchantDiscountFen,
      platformSubsidyFen: o.platformSubsidyFen,
      couponFen: o.couponFen,
      paidFen: o.paidFen,
      refundedFen: o.refundedFen,
    },
    times: { placedAt: o.placedAt, paidAt: o.paidAt, shippedAt: o.shippedAt, deliveredAt: o.deliveredAt, completedAt: o.completedAt },
    items: o.items.map((i) => ({ id: i.id, skuCode: i.skuCode, title: i.title, quantity: i.quantity, unitPriceFen: i.unitPriceFen, discountFen: i.discountFen, paidFen: i.paidFen })),
    payments: seesPayments
      ? o.payments.map((p) => ({ id: p.id, payNo: p.payNo, provider: p.provider, providerTxnId: p.providerTxnId, amountFen: p.amountFen, paidAt: p.paidAt }))
      : null,
    refunds: seesPayments
      ? o.refunds.map((r) => ({ id: r.id, refundNo: r.refundNo, amountFen: r.amountFen, status: r.status, reason: r.reason, requestedAt: r.requestedAt, completedAt: r.completedAt }))
      : null,
    shipments: o.shipments.map((s) => ({ id: s.id, carrierCode: s.carrierCode, trackingNo: s.trackingNo, shippedAt: s.shippedAt, lastEventAt: s.lastEventAt, lastEvent: s.lastEvent })),
    timeline: o.statusLog.map((l) => ({ id: String(l.id), fromStatus: l.fromStatus, toStatus: l.toStatus, action: l.action, actorName: l.actorName, source: l.source, reason: l.reason, at: l.createdAt })),
  };
}
export type OrderDetail = Awaited<ReturnType<typeof getOrderDetail>>;
