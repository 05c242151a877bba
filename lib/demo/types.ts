/**
 * Rows the demo generator yields, one interface per table, camelCase like the Prisma models.
 * Times are epoch milliseconds (UTC instants) rather than Date objects: a million orders carry
 * ~15 million timestamps, and the bulk inserter sends them as float8 arrays without formatting.
 */

export type EpochMs = number;

export type OrderStatus =
  | "PENDING_PAYMENT"
  | "PAID"
  | "PUSHED_TO_WMS"
  | "SHIPPED"
  | "DELIVERED"
  | "COMPLETED"
  | "CANCELLED"
  | "AFTER_SALE"
  | "REFUNDED"
  | "NEEDS_REVIEW"
  | "ON_HOLD";

export const ORDER_STATUSES: readonly OrderStatus[] = [
  "PENDING_PAYMENT", "PAID", "PUSHED_TO_WMS", "SHIPPED", "DELIVERED", "COMPLETED",
  "CANCELLED", "AFTER_SALE", "REFUNDED", "NEEDS_REVIEW", "ON_HOLD",
];

export type StatusSource =
  | "PLATFORM_PUSH"
  | "PLATFORM_PULL"
  | "FILE_IMPORT"
  | "WMS_CALLBACK"
  | "PAYMENT_NOTIFY"
  | "LOGISTICS_PUSH"
  | "CONSOLE"
  | "SCHEDULER"
  | "SEED";

export type PaymentProvider = "WECHAT" | "ALIPAY" | "PLATFORM" | "CASH";
export type RefundStatus = "REQUESTED" | "COMPLETED" | "REJECTED";
export type CarrierCode = "SF" | "ZTO" | "YTO" | "YUNDA" | "JD" | "STO";

export interface CustomerRow {
  id: string;
  displayName: string;
  phone: string | null;
  createdAt: EpochMs;
}

export interface OrderRow {
  id: string;
  orderNo: string;
  channelId: string;
  platformOrderId: string;
  platformStatus: string;
  status: OrderStatus;
  customerId: string | null;
  buyerNick: string | null;
  receiverName: string;
  receiverPhone: string | null;
  receiverProvince: string | null;
  receiverCity: string | null;
  receiverDistrict: string | null;
  receiverDetail: string;
  receiverRegion: string | null;
  addressIncomplete: boolean;
  goodsFen: number;
  freightFen: number;
  merchantDiscountFen: number;
  platformSubsidyFen: number;
  couponFen: number;
  paidFen: number;
  refundedFen: number;
  buyerNote: string | null;
  sellerNote: string | null;
  tags: string[];
  isTest: boolean;
  priority: number;
  placedAt: EpochMs;
  paidAt: EpochMs | null;
  shippedAt: EpochMs | null;
  deliveredAt: EpochMs | null;
  completedAt: EpochMs | null;
  platformModifiedAt: EpochMs;
  /** The channel's native payload as JSON text (Taobao's 19-digit tid stays an exact JSON number). */
  rawPayload: string;
  version: number;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

export interface OrderItemRow {
  id: string;
  orderId: string;
  skuCode: string;
  title: string;
  quantity: number;
  unitPriceFen: number;
  /** Line-level (per-SKU) merchant promotion only, like Taobao's line discount_fee. */
  discountFen: number;
  /** The line's share of what the buyer paid, freight excluded (Taobao divide_order_fee). */
  paidFen: number;
}

export interface PaymentRow {
  id: string;
  payNo: string;
  orderId: string | null;
  provider: PaymentProvider;
  providerTxnId: string | null;
  amountFen: number;
  paidAt: EpochMs;
  createdAt: EpochMs;
}

export interface RefundRow {
  id: string;
  refundNo: string;
  orderId: string;
  amountFen: number;
  reason: string | null;
  status: RefundStatus;
  requestedAt: EpochMs;
  completedAt: EpochMs | null;
}

export interface ShipmentRow {
  id: string;
  orderId: string;
  carrierCode: string; // Kuaidi100 code (shunfeng, zhongtong, …), as ingested shipments store it
  trackingNo: string;
  shippedAt: EpochMs;
  lastEventAt: EpochMs | null;
  lastEvent: string | null;
}

export interface StatusLogRow {
  orderId: string;
  fromStatus: OrderStatus | null;
  toStatus: OrderStatus;
  action: string;
  actorId: string | null;
  actorName: string;
  source: StatusSource;
  reason: string | null;
  createdAt: EpochMs;
}

/** One batch: every row belongs to the batch's orders, except customers first seen in it. */
export interface DemoBatch {
  customers: CustomerRow[];
  orders: OrderRow[];
  items: OrderItemRow[];
  payments: PaymentRow[];
  refunds: RefundRow[];
  shipments: ShipmentRow[];
  statusLog: StatusLogRow[];
}
