/**
 * Canonical order + cleansing → the columns of `orders`. PII rule (FORMATS rule 4): a plain value
 * is stored when the platform sent one; otherwise the masked copy; and a stored plain value is never
 * overwritten by a masked one on a later update.
 */
import type { Order } from "../db/generated/prisma/client";
import type { CanonicalOrder } from "./canonical-order";
import type { CleanOrder } from "./cleanse-order";

/** The `orders` columns a canonical order sets (the rest are keys, numbers and bookkeeping). */
export type OrderColumns = Pick<
  Order,
  | "platformStatus" | "buyerNick" | "receiverName" | "receiverPhone" | "receiverProvince" | "receiverCity"
  | "receiverDistrict" | "receiverDetail" | "receiverRegion" | "addressIncomplete" | "goodsFen" | "freightFen"
  | "merchantDiscountFen" | "platformSubsidyFen" | "couponFen" | "paidFen" | "buyerNote" | "sellerNote" | "tags"
  | "isTest" | "priority" | "placedAt" | "paidAt" | "shippedAt" | "deliveredAt" | "completedAt" | "platformModifiedAt"
>;

export function orderColumns(o: CanonicalOrder, c: CleanOrder): OrderColumns {
  const r = o.receiver;
  const a = o.amounts;
  return {
    platformStatus: o.platformStatus,
    buyerNick: o.buyerNick,
    receiverName: r.name ?? r.nameMasked ?? "",
    receiverPhone: r.phone ?? r.phoneMasked,
    receiverProvince: c.address.province,
    receiverCity: c.address.city,
    receiverDistrict: c.address.district,
    receiverDetail: c.address.detail,
    receiverRegion: c.address.region,
    addressIncomplete: c.address.incomplete,
    goodsFen: a.goodsFen,
    freightFen: a.freightFen,
    // orders has no adjustment column: a price cut (改价, negative) folds into the merchant discount
    // so the stored figures still add up to paid; a surcharge (JD tax) is left in the raw payload.
    merchantDiscountFen: Math.max(0, a.merchantDiscountFen - a.adjustmentFen),
    platformSubsidyFen: a.platformSubsidyFen,
    couponFen: a.couponFen,
    paidFen: a.paidFen,
    buyerNote: o.buyerNote,
    sellerNote: o.sellerNote,
    tags: c.tags,
    isTest: c.isTest,
    priority: c.priority,
    placedAt: o.placedAt,
    paidAt: o.paidAt,
    shippedAt: o.shippedAt,
    deliveredAt: o.deliveredAt,
    completedAt: o.completedAt,
    platformModifiedAt: o.platformModifiedAt,
  };
}

const isMasked = (v: string | null) => v !== null && v.includes("*");

/** Keeps stored plain PII when the update only carries masked copies. */
export function keepPlainPii(
  next: OrderColumns,
  stored: { receiverName: string; receiverPhone: string | null; receiverDetail: string; buyerNick: string | null },
): OrderColumns {
  const keep = (incoming: string | null, old: string | null) => (old !== null && !isMasked(old) && old !== "" && (incoming === null || incoming === "" || isMasked(incoming)) ? old : incoming);
  return {
    ...next,
    receiverName: keep(next.receiverName, stored.receiverName) ?? "",
    receiverPhone: keep(next.receiverPhone, stored.receiverPhone),
    receiverDetail: keep(next.receiverDetail, stored.receiverDetail) ?? "",
    buyerNick: keep(next.buyerNick, stored.buyerNick),
  };
}
