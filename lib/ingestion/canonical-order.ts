/**
 * The canonical order every channel's native payload is mapped into (SPEC §1). Pure data: no DB,
 * no Next. The write path stores it into Order / OrderItem / Payment / Refund / Shipment.
 *
 * Conventions
 * - Money is integer fen. Ids are strings, always (Taobao tid/oid and Douyin ids pass 2^53).
 * - Times are UTC instants (Date); null means "the platform did not set it".
 * - PII is never invented: `name`/`phone`/`detail` hold plain values only when the platform sent
 *   them in plain; masked and encrypted copies are kept as given beside them (FORMATS rule 4).
 * - Amounts satisfy (the mappers add a warning when the platform's own figures do not):
 *     paidFen = goodsFen + freightFen + adjustmentFen − merchantDiscountFen − platformSubsidyFen − couponFen
 *   Partial refunds never change these figures: refunds are separate records (FORMATS rule 7).
 */
import { z } from "zod";
import { OrderStatus, PaymentProvider, RefundStatus } from "../db/generated/prisma/enums";

const fen = z.int();
const nonNegativeFen = z.int().nonnegative();
const text = z.string().nullable();
const instant = z.date();

export const orderStatusSchema = z.enum(OrderStatus);
export const refundStatusSchema = z.enum(RefundStatus);
export const paymentProviderSchema = z.enum(PaymentProvider);

export const canonicalReceiverSchema = z.object({
  /** Plain values only; null when the platform sent only masked / encrypted copies. */
  name: text,
  nameMasked: text,
  nameCipher: text,
  phone: text,
  phoneMasked: text,
  phoneCipher: text,
  /** A platform's searchable phone index (JD desen_mobile); lets customers match without plain text. */
  phoneIndex: text,
  province: text,
  city: text,
  /** 区/县; null for prefecture-level cities without districts (东莞, 中山, 儋州, 嘉峪关). */
  district: text,
  /** 街道/乡镇, where the platform sends it. */
  town: text,
  detail: text,
  detailMasked: text,
  detailCipher: text,
  /** Handle for the platform's decrypt API (Taobao oaid). */
  decryptRef: text,
});

export const canonicalAmountsSchema = z.object({
  /** Σ unit list price × quantity, before any discount. */
  goodsFen: nonNegativeFen,
  freightFen: nonNegativeFen,
  /** Reductions the merchant funds: line discounts, shop promotions and shop coupons. */
  merchantDiscountFen: nonNegativeFen,
  /** Reductions the platform funds and settles to the merchant (subsidies, platform coupons). */
  platformSubsidyFen: nonNegativeFen,
  /**
   * Other buyer-side reductions the payload lists apart from the two above: payment-channel
   * discounts (Douyin promotion_pay_amount), and coupons the merchant's own channels redeem
   * (own mall, POS). 0 where a platform does not separate them.
   */
  couponFen: nonNegativeFen,
  /** Signed: seller re-pricing (改价) and other charges (JD tax and service fee). */
  adjustmentFen: fen,
  /** What the buyer paid, freight included, as the platform reports it. */
  paidFen: nonNegativeFen,
});

export const canonicalItemSchema = z.object({
  /** The platform's line id (Taobao oid, Douyin SKU order id); a stable key where none exists. */
  platformLineId: z.string().min(1),
  /** The product on the platform (num_iid, wareId, goods_id, product_id). */
  platformItemId: text,
  platformSkuId: text,
  /** Merchant SKU code (outer_sku_id …); falls back to the platform SKU id when empty. */
  skuCode: z.string().min(1),
  title: z.string(),
  variant: text,
  quantity: z.int().positive(),
  unitPriceFen: nonNegativeFen,
  /** Every reduction allocated to this line (line and order-level), so paidFen = unit × qty − discountFen. */
  discountFen: fen,
  /** The line's share of the paid amount, freight excluded. */
  paidFen: fen,
  /** Absent when the platform reports no refund on this line (or none at line level: JD, PDD). */
  refundStatus: refundStatusSchema.optional(),
});

export const canonicalPaymentSchema = z.object({
  provider: paymentProviderSchema,
  providerTxnId: z.string().min(1).optional(),
  amountFen: nonNegativeFen,
  paidAt: instant,
});

export const canonicalRefundSchema = z.object({
  /** The platform's refund id, or `line:<platformLineId>` when the order payload carries none. */
  platformRefundId: z.string().min(1),
  platformLineId: z.string().optional(),
  amountFen: nonNegativeFen,
  /**
   * True when the order payload carries no refund amount and amountFen is the line's paid share
   * (an upper bound); the refund APIs give the exact figure later.
   */
  amountIsEstimate: z.boolean(),
  status: refundStatusSchema,
  reason: z.string().optional(),
  requestedAt: instant,
});

export const canonicalShipmentSchema = z.object({
  /** Kuaidi100-style code where known (zhongtong, shunfeng); `<platform>:<id>` for platform carrier ids. */
  carrierCode: z.string().min(1),
  trackingNo: z.string().min(1),
  shippedAt: instant,
  /** Lines in this parcel, where the platform says (split shipments). */
  platformLineIds: z.array(z.string()).optional(),
});

export const canonicalOrderSchema = z.object({
  platformOrderId: z.string().min(1),
  /** JD split orders: the checkout they were split from. */
  parentPlatformOrderId: text,
  /** The platform's own status, raw; several fields joined as `k=v;k=v` where the mapping needs them (PDD, Douyin). */
  platformStatus: z.string(),
  status: orderStatusSchema,
  /** Set (with status NEEDS_REVIEW) when the mapper met a value it does not know. */
  reviewReason: z.string().optional(),
  buyerNick: text,
  /** Stable, app-scoped buyer key (Taobao buyer_open_uid, JD open_id_buyer, Douyin doudian_open_id). */
  buyerKey: text,
  receiver: canonicalReceiverSchema,
  amounts: canonicalAmountsSchema,
  items: z.array(canonicalItemSchema).min(1),
  payments: z.array(canonicalPaymentSchema),
  refunds: z.array(canonicalRefundSchema),
  shipments: z.array(canonicalShipmentSchema),
  buyerNote: text,
  sellerNote: text,
  placedAt: instant,
  paidAt: instant.nullable(),
  shippedAt: instant.nullable(),
  deliveredAt: instant.nullable(),
  completedAt: instant.nullable(),
  /** The platform's modified time: an older snapshot never overwrites a newer one. */
  platformModifiedAt: instant,
  /** Data-quality notes in Chinese (amounts that do not add up …); never block the order. */
  warnings: z.array(z.string()),
});

export type CanonicalOrder = z.infer<typeof canonicalOrderSchema>;
export type CanonicalReceiver = z.infer<typeof canonicalReceiverSchema>;
export type CanonicalAmounts = z.infer<typeof canonicalAmountsSchema>;
export type CanonicalItem = z.infer<typeof canonicalItemSchema>;
export type CanonicalPayment = z.infer<typeof canonicalPaymentSchema>;
export type CanonicalRefund = z.infer<typeof canonicalRefundSchema>;
export type CanonicalShipment = z.infer<typeof canonicalShipmentSchema>;
