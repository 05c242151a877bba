/**
 * Native payloads for demo orders: what each channel would have sent for the order as the hub
 * last saw it, with the platform's own field names, units, time formats and masking
 * (shared/FORMATS.md). The own mall and POS use the hub's own JSON (lib/ingestion/mappers/
 * own-mall.ts, pos.ts): yuan strings, ISO times with +08:00, the hub's status words.
 */
import { chinaIso } from "./numbers";
import { CARRIERS, fulfilmentOf, stringify, yuan, type NativePayload, type PayloadContext } from "./payload-kit";
import { douyinPayload, jdPayload, pddPayload, tmallPayload } from "./payloads-platforms";
import type { EpochMs } from "./types";

export type { NativePayload, PayloadContext } from "./payload-kit";

export function buildPayload(ctx: PayloadContext): NativePayload {
  switch (ctx.platform) {
    case "TMALL":
      return tmallPayload(ctx);
    case "JD":
      return jdPayload(ctx);
    case "PDD":
      return pddPayload(ctx);
    case "DOUYIN":
      return douyinPayload(ctx);
    case "OWN_MALL":
      return ownMallPayload(ctx);
    case "POS":
      return posPayload(ctx);
  }
}

/** The hub-format status a sender uses: holds, reviews and WMS pushes are the hub's own business. */
function hubStatus(ctx: PayloadContext): string {
  if (ctx.status === "PENDING_PAYMENT" || ctx.status === "CANCELLED" || ctx.status === "AFTER_SALE" || ctx.status === "REFUNDED") return ctx.status;
  const f = fulfilmentOf(ctx.life);
  return f === "unshipped" ? "PAID" : f.toUpperCase();
}

// JSON.stringify drops undefined: the hub schema has optional fields, never nulls.
const iso = (ms: EpochMs | null) => (ms === null ? undefined : chinaIso(ms));

function hubItems(ctx: PayloadContext) {
  return ctx.pricing.lines.map((l, i) => ({
    lineNo: String(i + 1),
    skuCode: l.sku.code,
    title: l.sku.title,
    variant: l.sku.variant || undefined,
    quantity: l.quantity,
    unitPrice: yuan(l.unitPriceFen),
    discount: l.discountFen ? yuan(l.discountFen) : undefined,
  }));
}

function hubRefunds(ctx: PayloadContext, refundNo: string) {
  const r = ctx.life.refund;
  return r ? [{ refundNo, amount: yuan(r.amountFen), status: r.status, reason: r.reason, requestedAt: chinaIso(r.requestedAt) }] : [];
}

function hubPayments(ctx: PayloadContext) {
  const { life, payment } = ctx;
  if (!payment || life.paidAt === null) return [];
  return [{ provider: payment.method, transactionId: payment.txnId ?? undefined, amount: yuan(ctx.pricing.paidFen), paidAt: chinaIso(life.paidAt) }];
}

function ownMallPayload(ctx: PayloadContext): NativePayload {
  const { pricing: pr, life, address: a } = ctx;
  const status = hubStatus(ctx);
  const body = {
    orderNo: ctx.platformOrderId,
    status,
    createdAt: chinaIso(ctx.placedAt),
    paidAt: iso(life.paidAt),
    shippedAt: iso(life.shippedAt),
    deliveredAt: iso(life.deliveredAt),
    completedAt: iso(life.completedAt),
    updatedAt: chinaIso(life.platformModifiedAt),
    buyer: { memberId: ctx.memberNo ?? undefined, nick: ctx.buyerNick ?? undefined },
    receiver: {
      name: ctx.receiverName, phone: ctx.receiverPhone ?? "", province: a.province, city: a.city,
      district: a.district ?? undefined, detail: a.detail,
    },
    items: hubItems(ctx),
    amounts: {
      freight: yuan(pr.freightFen),
      discount: pr.orderMerchantFen ? yuan(pr.orderMerchantFen) : undefined,
      coupon: pr.couponFen ? yuan(pr.couponFen) : undefined,
      paid: yuan(pr.paidFen),
    },
    payments: hubPayments(ctx),
    refunds: hubRefunds(ctx, `MR${ctx.platformOrderId.slice(1)}`),
    shipments: ctx.shipment && life.shippedAt !== null
      ? [{ carrierCode: CARRIERS[ctx.shipment.carrier].k100, trackingNo: ctx.shipment.trackingNo, shippedAt: chinaIso(life.shippedAt) }]
      : [],
    buyerNote: ctx.buyerNote ?? undefined,
    sellerNote: ctx.sellerNote ?? undefined,
  };
  return { json: stringify(body), platformStatus: status };
}

function posPayload(ctx: PayloadContext): NativePayload {
  const { pricing: pr, life, store } = ctx;
  const status = ctx.status === "REFUNDED" || ctx.status === "AFTER_SALE" ? ctx.status : "COMPLETED";
  const receiptNo = ctx.platformOrderId.slice(ctx.platformOrderId.indexOf("-") + 1);
  const body = {
    storeCode: store?.code ?? "POS",
    receiptNo,
    status,
    soldAt: chinaIso(ctx.placedAt),
    updatedAt: chinaIso(life.platformModifiedAt),
    cashier: ctx.cashier,
    member: ctx.memberNo ? { memberId: ctx.memberNo, name: ctx.receiverName, phone: ctx.receiverPhone ?? undefined } : undefined,
    items: hubItems(ctx),
    amounts: { discount: pr.orderMerchantFen ? yuan(pr.orderMerchantFen) : undefined, paid: yuan(pr.paidFen) },
    payments: hubPayments(ctx),
    refunds: hubRefunds(ctx, `R${receiptNo}`),
    note: ctx.sellerNote ?? undefined,
  };
  return { json: stringify(body), platformStatus: status };
}
