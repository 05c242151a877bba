/**
 * Tmall/Taobao (TOP taobao.trade.fullinfo.get, 聚石塔 jdp_tb_trade) → canonical order.
 * Format: shared/formats/tmall-jd.md §1. Money: yuan strings. Times: zone-less China time.
 */
import { z } from "zod";
import type { OrderStatus, RefundStatus } from "../../db/generated/prisma/enums";
import type { CanonicalItem, CanonicalRefund, CanonicalShipment } from "../canonical-order";
import { amountWarnings } from "./amounts";
import { carrierCodeOf } from "./carriers";
import { parseJsonLossless } from "./lossless-json";
import { DEFAULT_TAOBAO_PLATFORM_PROMOTION, type MapperOptions } from "./options";
import { buildReceiver, classifyPii } from "./pii";
import {
  FULFILMENT_STATUSES, chinaTime, fail, idOf, isRecord, lookup, parseNative, present, quantityOf, requireId, review, runMapper, str,
  yuanToFen, type MapResult, type StatusResult,
} from "./shared";

const money = z.union([z.string(), z.number()]).nullish();
const id = z.union([z.string(), z.number()]).nullish();
const text = z.string().nullish();
// Without simplify lists are wrapped ({"order": […]}); simplify=true may drop the wrapper ✖: take both.
const listOf = <T extends z.ZodType>(item: T, key: string) =>
  z.union([z.object({ [key]: z.array(item) }).transform((o) => o[key] as z.output<T>[]), z.array(item)]);

const lineSchema = z.object({
  oid: id, oid_str: text, num_iid: id, sku_id: id, outer_sku_id: text, outer_iid: text,
  title: text, sku_properties_name: text,
  price: z.union([z.string(), z.number()]), num: z.union([z.number(), z.string()]),
  discount_fee: money, adjust_fee: money, total_fee: money, part_mjz_discount: money, divide_order_fee: money,
  status: text, refund_status: text, refund_id: id,
  consign_time: text, logistics_company: text, invoice_no: text,
});

const tradeSchema = z.object({
  tid: id, tid_str: text, status: z.string(),
  buyer_nick: text, buyer_open_uid: text, alipay_no: text,
  created: z.string(), pay_time: text, modified: z.string(), consign_time: text, end_time: text,
  total_fee: money, discount_fee: money, post_fee: money, payment: z.union([z.string(), z.number()]),
  platform_subsidy_fee: money,
  buyer_message: text, seller_memo: text,
  receiver_name: text, receiver_mobile: text, receiver_phone: text, receiver_address: text, oaid: text,
  receiver_state: text, receiver_city: text, receiver_district: text, receiver_town: text,
  orders: listOf(lineSchema, "order").refine((l) => l.length > 0),
  promotion_details: listOf(z.object({ promotion_name: text, discount_fee: money }), "promotion_detail").nullish(),
});
type Trade = z.output<typeof tradeSchema>;
type Line = z.output<typeof lineSchema>;

// §1.4; TRADE_CLOSED is refined below (refunded vs closed).
const TRADE_STATUS: Record<string, OrderStatus> = {
  TRADE_NO_CREATE_PAY: "PENDING_PAYMENT",
  WAIT_BUYER_PAY: "PENDING_PAYMENT",
  PAY_PENDING: "PENDING_PAYMENT",
  WAIT_PRE_AUTH_CONFIRM: "PENDING_PAYMENT", // unpaid pre-auth; the "hold" matters only once paid
  PAID_FORBID_CONSIGN: "ON_HOLD", // paid, shipping forbidden: must not reach the WMS
  WAIT_SELLER_SEND_GOODS: "PAID",
  SELLER_CONSIGNED_PART: "SHIPPED",
  WAIT_BUYER_CONFIRM_GOODS: "SHIPPED",
  TRADE_BUYER_SIGNED: "DELIVERED",
  TRADE_FINISHED: "COMPLETED",
  TRADE_CLOSED: "CANCELLED",
  TRADE_CLOSED_BY_TAOBAO: "CANCELLED",
};

// §1.5. SELLER_REFUSE_BUYER stays open: the buyer may escalate (dispute). CLOSED = withdrawn.
const REFUND_STATUS: Record<string, RefundStatus | null> = {
  NO_REFUND: null,
  WAIT_SELLER_AGREE: "REQUESTED",
  WAIT_BUYER_RETURN_GOODS: "REQUESTED",
  WAIT_SELLER_CONFIRM_GOODS: "REQUESTED",
  SELLER_REFUSE_BUYER: "REQUESTED",
  CLOSED: "REJECTED",
  SUCCESS: "COMPLETED",
};

function unwrap(payload: unknown): unknown {
  let p = payload;
  if (isRecord(p) && typeof p.jdp_response === "string") {
    try {
      p = parseJsonLossless(p.jdp_response); // 聚石塔 row: the whole fullinfo JSON as text
    } catch {
      fail("INVALID_PAYLOAD", "聚石塔 jdp_response 不是有效的 JSON", "jdp_response");
    }
  }
  if (isRecord(p) && isRecord(p.error_response)) {
    const e = p.error_response;
    fail("PLATFORM_ERROR", `淘宝接口返回错误：${String(e.sub_msg ?? e.msg ?? e.code ?? "")}`);
  }
  if (isRecord(p) && isRecord(p.trade_fullinfo_get_response)) p = p.trade_fullinfo_get_response;
  if (isRecord(p) && isRecord(p.trade)) p = p.trade;
  return p;
}

function mapStatus(trade: Trade, lineRefunds: (RefundStatus | null)[]): StatusResult {
  for (const [i, l] of trade.orders.entries()) {
    if (l.status && lookup(TRADE_STATUS, l.status) === undefined) return review(`未知的淘宝子订单状态 orders.order.${i}.status=${l.status}`);
    if (l.refund_status && lookup(REFUND_STATUS, l.refund_status) === undefined)
      return review(`未知的淘宝退款状态 orders.order.${i}.refund_status=${l.refund_status}`);
  }
  let status = lookup(TRADE_STATUS, trade.status);
  if (!status) return review(`未知的淘宝交易状态 status=${trade.status}`);
  // Closed after payment: refunded only when every line's refund succeeded (§1.4, §1.7).
  if (trade.status === "TRADE_CLOSED" && lineRefunds.every((r) => r === "COMPLETED")) status = "REFUNDED";
  if (FULFILMENT_STATUSES.includes(status) && lineRefunds.includes("REQUESTED")) status = "AFTER_SALE";
  return { status };
}

function mapLine(l: Line, i: number): CanonicalItem & { lineDiscountFen: number; adjustFen: number } {
  const p = `orders.order.${i}`;
  const lineId = l.oid_str?.trim() || requireId(l.oid, `${p}.oid`);
  const unitPriceFen = yuanToFen(l.price, `${p}.price`, { required: true });
  const quantity = quantityOf(l.num, `${p}.num`);
  const gross = unitPriceFen * quantity;
  const lineDiscountFen = yuanToFen(l.discount_fee, `${p}.discount_fee`);
  // total_fee = price×num + adjust − discount: deriving adjust from it sidesteps the ✖ sign of adjust_fee.
  const adjustFen = present(l.total_fee)
    ? yuanToFen(l.total_fee, `${p}.total_fee`) - gross + lineDiscountFen
    : yuanToFen(l.adjust_fee, `${p}.adjust_fee`, { signed: true });
  // divide_order_fee is the line's paid share without freight; line `payment` is not (§1.9).
  const paidFen = present(l.divide_order_fee)
    ? yuanToFen(l.divide_order_fee, `${p}.divide_order_fee`)
    : gross + adjustFen - lineDiscountFen - yuanToFen(l.part_mjz_discount, `${p}.part_mjz_discount`);
  const platformSkuId = idOf(l.sku_id, `${p}.sku_id`);
  const skuCode = str(l.outer_sku_id) ?? str(l.outer_iid) ?? platformSkuId ?? lineId;
  const refund = l.refund_status ? lookup(REFUND_STATUS, l.refund_status) : null;
  return {
    platformLineId: lineId,
    platformItemId: idOf(l.num_iid, `${p}.num_iid`),
    platformSkuId,
    skuCode,
    title: str(l.title) ?? str(l.sku_properties_name) ?? skuCode,
    variant: str(l.sku_properties_name),
    quantity,
    unitPriceFen,
    discountFen: gross - paidFen,
    paidFen,
    ...(refund ? { refundStatus: refund } : {}),
    lineDiscountFen,
    adjustFen,
  };
}

export function mapTaobaoOrder(payload: unknown, options: MapperOptions = {}): MapResult {
  return runMapper(() => {
    const t = parseNative(tradeSchema, unwrap(payload), "淘宝");
    const platformOrderId = t.tid_str?.trim() || requireId(t.tid, "tid");
    const placedAt = chinaTime(t.created, "created", true)!;
    const paidAt = chinaTime(t.pay_time, "pay_time");
    const modifiedAt = chinaTime(t.modified, "modified", true)!;
    const lines = t.orders.map(mapLine);
    const status = mapStatus(t, lines.map((l) => l.refundStatus ?? null));

    const orderDiscount = yuanToFen(t.discount_fee, "discount_fee");
    const platformRaw = options.taobaoSubsidySource === "platformSubsidyFee"
      ? yuanToFen(t.platform_subsidy_fee, "platform_subsidy_fee")
      : (t.promotion_details ?? [])
          .filter((d) => (options.taobaoPlatformPromotion ?? DEFAULT_TAOBAO_PLATFORM_PROMOTION).test(d.promotion_name ?? ""))
          .reduce((s, d, i) => s + yuanToFen(d.discount_fee, `promotion_details.${i}.discount_fee`), 0);
    // Line discounts are the seller's (§1.3); only order-level ones can be platform-funded.
    const platformSubsidyFen = Math.min(platformRaw, orderDiscount);
    const amounts = {
      goodsFen: present(t.total_fee)
        ? yuanToFen(t.total_fee, "total_fee")
        : lines.reduce((s, l) => s + l.unitPriceFen * l.quantity, 0),
      freightFen: yuanToFen(t.post_fee, "post_fee"),
      merchantDiscountFen: lines.reduce((s, l) => s + l.lineDiscountFen, 0) + orderDiscount - platformSubsidyFen,
      platformSubsidyFen,
      // coupon_fee / tmall_coupon_fee: unit ✖ and red packets are likely payment, not discount.
      couponFen: 0,
      // Trade adjust_fee is 0 on multi-line trades and repeats the line's on single-line ones.
      adjustmentFen: lines.reduce((s, l) => s + l.adjustFen, 0),
      paidFen: yuanToFen(t.payment, "payment", { required: true }),
    };

    const shipments = new Map<string, CanonicalShipment>();
    for (const [i, l] of t.orders.entries()) {
      const trackingNo = str(l.invoice_no); // invoice_no is the tracking number, not a tax invoice
      if (!trackingNo) continue;
      const carrierCode = carrierCodeOf(l.logistics_company) ?? "unknown";
      const key = `${carrierCode}\u0000${trackingNo}`;
      const shippedAt = chinaTime(l.consign_time, `orders.order.${i}.consign_time`) ?? chinaTime(t.consign_time, "consign_time") ?? modifiedAt;
      const s = shipments.get(key) ?? { carrierCode, trackingNo, shippedAt, platformLineIds: [] };
      s.platformLineIds!.push(lines[i].platformLineId);
      shipments.set(key, s);
    }

    const refunds: CanonicalRefund[] = [];
    for (const [i, l] of lines.entries()) {
      if (!l.refundStatus) continue;
      refunds.push({
        platformRefundId: idOf(t.orders[i].refund_id, `orders.order.${i}.refund_id`) ?? `line:${l.platformLineId}`,
        platformLineId: l.platformLineId,
        amountFen: Math.max(0, l.paidFen), // exact figure: taobao.refund.get refund_fee
        amountIsEstimate: true,
        status: l.refundStatus,
        requestedAt: modifiedAt,
      });
    }

    const items: CanonicalItem[] = lines.map(({ lineDiscountFen: _d, adjustFen: _a, ...item }) => item);
    const shipTimes = [...shipments.values()].map((s) => s.shippedAt.getTime());
    // County-level cities (济源) come as district with an empty city (§1.9).
    const countyCity = !str(t.receiver_city) && str(t.receiver_district);
    return {
      platformOrderId,
      parentPlatformOrderId: null,
      platformStatus: t.status,
      ...status,
      buyerNick: str(t.buyer_nick),
      buyerKey: str(t.buyer_open_uid),
      receiver: buildReceiver({
        name: classifyPii(t.receiver_name, "name"),
        phone: classifyPii(str(t.receiver_mobile) ?? t.receiver_phone, "phone"), // mobile first, landline if none
        detail: classifyPii(t.receiver_address, "address"),
        province: t.receiver_state,
        city: countyCity ? t.receiver_district : t.receiver_city,
        district: countyCity ? null : t.receiver_district,
        town: t.receiver_town,
        decryptRef: t.oaid,
      }),
      amounts,
      items,
      // Taobao/Tmall money settles into the seller's Alipay account; alipay_no links the Alipay bill.
      payments: paidAt
        ? [{ provider: "ALIPAY" as const, amountFen: amounts.paidFen, paidAt, ...(str(t.alipay_no) ? { providerTxnId: str(t.alipay_no)! } : {}) }]
        : [],
      refunds,
      shipments: [...shipments.values()],
      buyerNote: str(t.buyer_message),
      sellerNote: str(t.seller_memo),
      placedAt,
      paidAt,
      shippedAt: chinaTime(t.consign_time, "consign_time") ?? (shipTimes.length ? new Date(Math.min(...shipTimes)) : null),
      deliveredAt: null,
      completedAt: t.status === "TRADE_FINISHED" ? chinaTime(t.end_time, "end_time") : null,
      platformModifiedAt: modifiedAt,
      warnings: amountWarnings(amounts, items),
    };
  });
}
