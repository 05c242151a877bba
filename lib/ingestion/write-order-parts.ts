/**
 * Items, payments, refunds and shipments of an ingested order, written idempotently:
 * items are the platform's current lines (replaced as a whole), payments are keyed by
 * (provider, transaction id), refunds by (order, platform refund id), shipments by
 * (carrier, tracking number). Hub PayNo / RefundNo are assigned on first sight only.
 */
import type { Prisma } from "../db/client";
import type { CanonicalOrder } from "./canonical-order";
import { nextPayNos, nextRefundNos } from "./hub-numbers";

type Tx = Prisma.TransactionClient;

export async function replaceItems(tx: Tx, orderId: string, o: CanonicalOrder, isNew: boolean): Promise<void> {
  if (!isNew) await tx.orderItem.deleteMany({ where: { orderId } });
  await tx.orderItem.createMany({
    data: o.items.map((it) => ({
      orderId,
      skuCode: it.skuCode,
      title: it.variant ? `${it.title}（${it.variant}）` : it.title,
      quantity: it.quantity,
      unitPriceFen: it.unitPriceFen,
      discountFen: it.discountFen,
      paidFen: it.paidFen,
    })),
  });
}

export async function upsertPayments(tx: Tx, orderId: string, o: CanonicalOrder): Promise<void> {
  if (o.payments.length === 0) return;
  const existing = await tx.payment.findMany({ where: { orderId }, select: { provider: true, providerTxnId: true, amountFen: true } });
  const fresh = o.payments.filter((p) => !existing.some((e) => e.provider === p.provider && (p.providerTxnId ? e.providerTxnId === p.providerTxnId : e.amountFen === p.amountFen)));
  if (fresh.length === 0) return;
  const nos = await nextPayNos(tx, fresh.length);
  for (const [i, p] of fresh.entries()) {
    if (p.providerTxnId) {
      // A payment notify may have arrived first and parked the payment unlinked: link it.
      const parked = await tx.payment.findUnique({ where: { provider_providerTxnId: { provider: p.provider, providerTxnId: p.providerTxnId } }, select: { id: true, orderId: true } });
      if (parked) {
        if (parked.orderId === null) await tx.payment.update({ where: { id: parked.id }, data: { orderId } });
        continue;
      }
    }
    await tx.payment.create({ data: { payNo: nos[i], orderId, provider: p.provider, providerTxnId: p.providerTxnId ?? null, amountFen: p.amountFen, paidAt: p.paidAt } });
  }
}

export async function upsertRefunds(tx: Tx, orderId: string, o: CanonicalOrder): Promise<void> {
  if (o.refunds.length === 0) return;
  const existing = await tx.refund.findMany({ where: { orderId, platformRefundId: { in: o.refunds.map((r) => r.platformRefundId) } }, select: { id: true, platformRefundId: true } });
  const byKey = new Map(existing.map((e) => [e.platformRefundId, e.id]));
  const fresh = o.refunds.filter((r) => !byKey.has(r.platformRefundId));
  const nos = await nextRefundNos(tx, fresh.length);
  for (const r of o.refunds) {
    const data = {
      amountFen: r.amountFen,
      reason: r.reason ?? null,
      status: r.status,
      requestedAt: r.requestedAt,
      completedAt: r.status === "COMPLETED" ? (o.platformModifiedAt ?? r.requestedAt) : null,
    };
    const id = byKey.get(r.platformRefundId);
    if (id) await tx.refund.update({ where: { id }, data });
    else await tx.refund.create({ data: { ...data, orderId, refundNo: nos[fresh.indexOf(r)], platformRefundId: r.platformRefundId } });
  }
}

export async function upsertShipments(tx: Tx, orderId: string, o: CanonicalOrder): Promise<void> {
  for (const s of o.shipments) {
    const found = await tx.shipment.findUnique({ where: { carrierCode_trackingNo: { carrierCode: s.carrierCode, trackingNo: s.trackingNo } }, select: { orderId: true } });
    // A tracking number already on another order is left there; the anomaly workbench owns that case.
    if (!found) await tx.shipment.create({ data: { orderId, carrierCode: s.carrierCode, trackingNo: s.trackingNo, shippedAt: s.shippedAt } });
  }
}

/** Sum of completed refunds, for orders.refunded_fen. */
export async function refundedTotal(tx: Tx, orderId: string): Promise<number> {
  const agg = await tx.refund.aggregate({ where: { orderId, status: "COMPLETED" }, _sum: { amountFen: true } });
  return agg._sum.amountFen ?? 0;
}
