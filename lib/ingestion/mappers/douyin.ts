/**
 * Douyin shop / 抖店 (order.orderDetail shop_order_detail, order.searchList items) → canonical.
 * Format: shared/formats/pdd-douyin.md §2. Money: integer fen. Times: unix seconds, 0 = unset.
 * The parent (shop order) is the order; its children (SKU orders) are the lines, each with its
 * own status and after-sale state. product_id is a 64-bit number: prefer product_id_str.
 */
import { z } from "zod";
import type { OrderStatus, RefundStatus } from "../../db/generated/prisma/enums";
import type { CanonicalRefund, CanonicalShipment } from "../canonical-order";
import { amountWarnings, nonNegative } from "./amounts";
import { carrierCodeOf } from "./carriers";
import { buildReceiver, cipherOnly, classifyPii, maskedOnly, mergePii } from "./pii";
import {
  FULFILMENT_STATUSES, fail, fenToInt, idOf, intOf, isRecord, lookup, parseNative, present, quantityOf, requireId,
  review, runMapper, str, unixSeconds, type MapResult, type StatusResult,
} from "./shared";

const num = z.union([z.number(), z.string()]);
const opt = num.nullish();
const id = z.union([z.string(), z.number()]).nullish();
const text = z.string().nullish();
const region = z.object({ name: text, id }).nullish();

const childSchema = z.object({
  order_id: z.union([z.string(), z.number()]), order_status: opt, main_status: opt,
  product_id: id, product_id_str: text, sku_id: id, out_sku_id: text, out_product_id: text, product_name: text,
  spec: z.array(z.object({ name: text, value: text })).nullish(),
  origin_amount: num, item_num: num, sum_amount: opt, post_amount: opt, pay_amount: num,
  after_sale_info: z.object({ after_sale_status: opt, after_sale_type: opt, refund_status: opt, after_sale_id: id }).nullish(),
  logistics_receipt_time: opt, confirm_receipt_time: opt,
});

const orderSchema = z.object({
  order_id: z.union([z.string(), z.number()]), order_status: num, main_status: opt, pay_type: opt, channel_payment_no: text,
  create_time: num, pay_time: opt, update_time: num, ship_time: opt, finish_time: opt,
  order_amount: opt, pay_amount: num, post_amount: opt, modify_amount: opt,
  promotion_amount: opt, promotion_shop_amount: opt, promotion_platform_amount: opt, promotion_talent_amount: opt,
  promotion_pay_amount: opt, shop_cost_amount: opt, platform_cost_amount: opt, only_platform_cost_amount: opt, author_cost_amount: opt,
  doudian_open_id: text, buyer_words: text, seller_words: text,
  post_receiver: text, post_tel: text, encrypt_post_receiver: text, encrypt_post_tel: text,
  mask_post_receiver: text, mask_post_tel: text, mask_post_addr: z.object({ detail: text }).nullish(),
  post_addr: z.object({ province: region, city: region, town: region, street: region, detail: text, encrypt_detail: text }).nullish(),
  logistics_info: z.array(z.object({
    tracking_no: text, company: text, company_name: text, ship_time: opt,
    product_info: z.array(z.object({ sku_order_id: id })).nullish(),
  })).nullish(),
  sku_order_list: z.array(childSchema).min(1),
});
type Child = z.output<typeof childSchema>;

// §2.4. 4 is refined below (refunded / cancelled / closed).
const ORDER_STATUS: Record<number, OrderStatus> = {
  1: "PENDING_PAYMENT", 103: "PENDING_PAYMENT", 105: "PAID", 2: "PAID", 101: "SHIPPED", 3: "SHIPPED", 4: "CANCELLED", 5: "COMPLETED",
};
const REFUNDED_MAIN = [21, 22, 39];
const AFTER_SALE_KNOWN = [0, 6, 7, 8, 11, 12, 13, 14, 27, 28, 29, 51, 53];
// Open after-sales: the doc's 6/7/11, plus 8 and 13 (exchange/resend not yet received).
const AFTER_SALE_OPEN = [6, 7, 8, 11, 13];
const REFUND_STATE: Record<number, RefundStatus | null> = { 0: null, 1: "REQUESTED", 2: "REQUESTED", 3: "COMPLETED", 4: "REJECTED" };

function unwrap(p: unknown): unknown {
  if (!isRecord(p) || !("code" in p) || !("data" in p)) return p;
  if (Number(p.code) !== 10000) fail("PLATFORM_ERROR", `抖店接口返回错误：${String(p.sub_msg ?? p.msg ?? p.code)}`);
  const data = p.data;
  if (isRecord(data) && isRecord(data.shop_order_detail)) return data.shop_order_detail;
  if (isRecord(data) && Array.isArray(data.shop_order_list)) {
    if (data.shop_order_list.length !== 1) fail("MULTIPLE_ORDERS", `抖店订单列表含 ${data.shop_order_list.length} 个订单，请逐个映射`, "shop_order_list");
    return data.shop_order_list[0];
  }
  return data;
}

function childRefund(c: Child, i: number): RefundStatus | null | undefined {
  const a = c.after_sale_info;
  const p = `sku_order_list.${i}.after_sale_info`;
  const refund = intOf(a?.refund_status, `${p}.refund_status`) ?? 0;
  const state = intOf(a?.after_sale_status, `${p}.after_sale_status`) ?? 0;
  if (lookup(REFUND_STATE, refund) === undefined || !AFTER_SALE_KNOWN.includes(state)) return undefined;
  if (REFUND_STATE[refund]) return REFUND_STATE[refund];
  const type = intOf(a?.after_sale_type, `${p}.after_sale_type`);
  // Applied but the refund not yet started; exchange (3) and resend (7) return no money.
  return [6, 7, 11].includes(state) && type !== 3 && type !== 7 ? "REQUESTED" : null;
}

function mapStatus(orderStatus: number, main: number | null, paid: boolean, children: Child[], refunds: (RefundStatus | null | undefined)[]): StatusResult {
  let status = lookup(ORDER_STATUS, orderStatus);
  if (!status) return review(`未知的抖店订单状态 order_status=${orderStatus}`);
  if (main !== null && lookup(ORDER_STATUS, main) === undefined && !REFUNDED_MAIN.includes(main)) return review(`未知的抖店订单状态 main_status=${main}`);
  const bad = refunds.findIndex((r) => r === undefined);
  if (bad >= 0) return review(`未知的抖店售后状态 sku_order_list.${bad}.after_sale_info`);
  if (orderStatus === 4) {
    const allRefunded = refunds.every((r) => r === "COMPLETED");
    // Closed after payment without a refund status has no canonical "closed": it stays CANCELLED.
    status = (main !== null && REFUNDED_MAIN.includes(main)) || (paid && allRefunded) ? "REFUNDED" : "CANCELLED";
  }
  const open = children.some((c, i) =>
    refunds[i] === "REQUESTED" || AFTER_SALE_OPEN.includes(intOf(c.after_sale_info?.after_sale_status, `sku_order_list.${i}.after_sale_info.after_sale_status`) ?? 0));
  if (FULFILMENT_STATUSES.includes(status) && open) return { status: "AFTER_SALE" };
  return { status };
}

export function mapDouyinOrder(payload: unknown): MapResult {
  return runMapper(() => {
    const o = parseNative(orderSchema, unwrap(payload), "抖店");
    const modifiedAt = unixSeconds(o.update_time, "update_time", true)!;
    // pay_type 0 is cash on delivery: pay_time then marks acceptance, not money received.
    const cod = intOf(o.pay_type, "pay_type") === 0;
    const payTime = unixSeconds(o.pay_time, "pay_time");
    const paidAt = cod ? null : payTime;
    const f = fenToInt; // short alias: many amount fields below

    const children = o.sku_order_list.map((c, i) => {
      const p = `sku_order_list.${i}`;
      const unitPriceFen = fenToInt(c.origin_amount, `${p}.origin_amount`, { required: true });
      const quantity = quantityOf(c.item_num, `${p}.item_num`);
      const grossFen = present(c.sum_amount) ? f(c.sum_amount, `${p}.sum_amount`) : unitPriceFen * quantity;
      // A line's pay_amount carries its share of freight; the canonical line paid excludes freight.
      const paidFen = fenToInt(c.pay_amount, `${p}.pay_amount`, { required: true }) - f(c.post_amount, `${p}.post_amount`);
      return { c, unitPriceFen, quantity, grossFen, paidFen, lineId: requireId(c.order_id, `${p}.order_id`), refund: childRefund(c, i) };
    });

    const warnings: string[] = [];
    const goodsFen = children.reduce((s, c) => s + c.grossFen, 0);
    const freightFen = f(o.post_amount, "post_amount");
    const promotion = present(o.promotion_amount)
      ? f(o.promotion_amount, "promotion_amount")
      : f(o.promotion_shop_amount, "promotion_shop_amount") + f(o.promotion_platform_amount, "promotion_platform_amount") + f(o.promotion_talent_amount, "promotion_talent_amount");
    const payPromotion = f(o.promotion_pay_amount, "promotion_pay_amount");
    // Who funds the discounts (*_cost_amount) beats what kind they are; Douyin counts talent (author) cost as platform cost.
    const merchantDiscountFen = present(o.shop_cost_amount) ? f(o.shop_cost_amount, "shop_cost_amount") : f(o.promotion_shop_amount, "promotion_shop_amount");
    const platformSubsidyFen = present(o.platform_cost_amount)
      ? f(o.platform_cost_amount, "platform_cost_amount")
      : present(o.only_platform_cost_amount)
        ? f(o.only_platform_cost_amount, "only_platform_cost_amount") + f(o.author_cost_amount, "author_cost_amount")
        : f(o.promotion_platform_amount, "promotion_platform_amount") + f(o.promotion_talent_amount, "promotion_talent_amount");
    const amounts = {
      goodsFen,
      freightFen,
      merchantDiscountFen,
      platformSubsidyFen,
      // What is left: the payment-channel discount and anything unfunded by shop or platform.
      couponFen: nonNegative(promotion + payPromotion - merchantDiscountFen - platformSubsidyFen, "抖店其他优惠", warnings),
      // order_amount = Σ sum + post − promotion [U]; a difference is the price change (modify_amount).
      adjustmentFen: present(o.order_amount)
        ? f(o.order_amount, "order_amount") - (goodsFen + freightFen - promotion)
        : fenToInt(o.modify_amount, "modify_amount", { signed: true }),
      paidFen: fenToInt(o.pay_amount, "pay_amount", { required: true }),
    };

    const items = children.map(({ c, unitPriceFen, quantity, grossFen, paidFen, lineId, refund }, i) => {
      const platformSkuId = idOf(c.sku_id, `sku_order_list.${i}.sku_id`);
      const skuCode = str(c.out_sku_id) ?? platformSkuId ?? lineId;
      const variant = (c.spec ?? []).map((s) => `${s.name ?? ""}:${s.value ?? ""}`).join(";");
      return {
        platformLineId: lineId,
        platformItemId: str(c.product_id_str) ?? idOf(c.product_id, `sku_order_list.${i}.product_id`),
        platformSkuId,
        skuCode,
        title: str(c.product_name) ?? skuCode,
        variant: variant || null,
        quantity,
        unitPriceFen,
        discountFen: grossFen - paidFen,
        paidFen,
        ...(refund ? { refundStatus: refund } : {}),
      };
    });

    const refunds: CanonicalRefund[] = children.flatMap(({ c, lineId, refund }, i) =>
      refund
        ? [{
            platformRefundId: idOf(c.after_sale_info?.after_sale_id, `sku_order_list.${i}.after_sale_info.after_sale_id`) ?? `line:${lineId}`,
            platformLineId: lineId,
            // The line's pay_amount incl. its freight; after-sale data has refund_amount + refund_post_amount.
            amountFen: fenToInt(c.pay_amount, `sku_order_list.${i}.pay_amount`),
            amountIsEstimate: true,
            status: refund,
            requestedAt: modifiedAt,
          }]
        : [],
    );

    const orderShippedAt = unixSeconds(o.ship_time, "ship_time");
    const shipments: CanonicalShipment[] = (o.logistics_info ?? []).flatMap((l, i) => {
      const trackingNo = str(l.tracking_no);
      if (!trackingNo) return [];
      const lines = (l.product_info ?? []).map((p, j) => idOf(p.sku_order_id, `logistics_info.${i}.product_info.${j}.sku_order_id`)).filter((x): x is string => x !== null);
      return [{
        carrierCode: carrierCodeOf(l.company) ?? carrierCodeOf(l.company_name) ?? "unknown",
        trackingNo,
        shippedAt: unixSeconds(l.ship_time, `logistics_info.${i}.ship_time`) ?? orderShippedAt ?? modifiedAt,
        ...(lines.length ? { platformLineIds: lines } : {}),
      }];
    });

    const orderStatus = intOf(o.order_status, "order_status")!;
    const base = mapStatus(orderStatus, intOf(o.main_status, "main_status"), paidAt !== null, o.sku_order_list, children.map((c) => c.refund));
    const receipts = o.sku_order_list
      .map((c, i) => unixSeconds(c.confirm_receipt_time, `sku_order_list.${i}.confirm_receipt_time`) ?? unixSeconds(c.logistics_receipt_time, `sku_order_list.${i}.logistics_receipt_time`))
      .filter((d): d is Date => d !== null);
    const deliveredAt = receipts.length ? new Date(Math.min(...receipts.map((d) => d.getTime()))) : null;
    const status = base.status === "SHIPPED" && orderStatus === 3 && deliveredAt ? { status: "DELIVERED" as const } : base;
    const addr = o.post_addr ?? {};
    return {
      platformOrderId: requireId(o.order_id, "order_id"),
      parentPlatformOrderId: null,
      platformStatus: `order_status=${orderStatus}${present(o.main_status) ? `;main_status=${o.main_status}` : ""}`,
      ...status,
      buyerNick: null, // orderDetail carries no nickname; doudian_open_id is the buyer key
      buyerKey: str(o.doudian_open_id),
      receiver: buildReceiver({
        name: mergePii(classifyPii(o.post_receiver, "name"), cipherOnly(o.encrypt_post_receiver), maskedOnly(o.mask_post_receiver)),
        phone: mergePii(classifyPii(o.post_tel, "phone"), cipherOnly(o.encrypt_post_tel), maskedOnly(o.mask_post_tel)),
        detail: mergePii(classifyPii(addr.detail, "address"), cipherOnly(addr.encrypt_detail), maskedOnly(o.mask_post_addr?.detail)),
        province: addr.province?.name,
        city: addr.city?.name,
        district: addr.town?.name, // Douyin's `town` is the district, `street` the township
        town: addr.street?.name,
      }),
      amounts,
      items,
      payments: paidAt
        ? [{ provider: "PLATFORM" as const, amountFen: amounts.paidFen, paidAt, ...(str(o.channel_payment_no) ? { providerTxnId: str(o.channel_payment_no)! } : {}) }]
        : [],
      refunds,
      shipments,
      buyerNote: str(o.buyer_words),
      sellerNote: str(o.seller_words),
      placedAt: unixSeconds(o.create_time, "create_time", true)!,
      paidAt,
      shippedAt: orderShippedAt,
      deliveredAt,
      completedAt: status.status === "COMPLETED" ? unixSeconds(o.finish_time, "finish_time") : null,
      platformModifiedAt: modifiedAt,
      warnings: [...warnings, ...amountWarnings(amounts, items)],
    };
  });
}
