/**
 * Pinduoduo (pdd.order.information.get / increment API order objects) → canonical order.
 * Format: shared/formats/pdd-douyin.md §1. Money: yuan as JSON numbers (floats; strings accepted).
 * Times: zone-less China time [U zone], "" = unset. Status needs four fields (§1.3).
 */
import { z } from "zod";
import type { RefundStatus } from "../../db/generated/prisma/enums";
import type { CanonicalRefund, CanonicalShipment } from "../canonical-order";
import { amountWarnings, spreadReductions } from "./amounts";
import { platformCarrier } from "./carriers";
import type { MapperOptions } from "./options";
import { buildReceiver, classifyPii, maskedOnly, mergePii } from "./pii";
import {
  chinaTime, fail, idOf, intOf, isRecord, parseNative, quantityOf, requireId, review, runMapper, str, yuanToFen,
  type MapResult, type StatusResult,
} from "./shared";

const yuan = z.union([z.number(), z.string()]);
const code = z.union([z.number(), z.string()]).nullish();
const id = z.union([z.string(), z.number()]).nullish();
const text = z.string().nullish();

const itemSchema = z.object({
  goods_id: id, sku_id: id, outer_id: text, outer_goods_id: text, goods_name: text, goods_spec: text,
  goods_price: yuan, goods_count: z.union([z.number(), z.string()]),
});

const orderSchema = z.object({
  order_sn: z.string().min(1),
  order_status: z.union([z.number(), z.string()]),
  confirm_status: code, group_status: code, refund_status: code, risk_control_status: code, after_sales_status: code,
  created_time: z.string(), pay_time: text, confirm_time: text, updated_at: z.string(), shipping_time: text, receive_time: text,
  goods_amount: yuan, discount_amount: yuan.nullish(), platform_discount: yuan.nullish(), seller_discount: yuan.nullish(),
  capital_free_discount: yuan.nullish(), postage: yuan.nullish(), pay_amount: yuan, pay_no: text, open_address_id: text,
  province: text, city: text, town: text,
  receiver_name: text, receiver_name_mask: text, receiver_phone: text, receiver_phone_mask: text,
  receiver_address: text, receiver_address_mask: text,
  buyer_memo: text, remark: text,
  logistics_id: id, tracking_number: text,
  extra_delivery_list: z.array(z.object({ logistics_id: id, tracking_number: text })).nullish(),
  item_list: z.array(itemSchema).min(1),
});

// pdd.refund.list.increment.get rows: money here is yuan *strings* (§1.4).
const refundRowSchema = z.object({
  id: z.union([z.string(), z.number()]), order_sn: text, sku_id: id,
  after_sales_type: code, after_sales_status: code, refund_amount: yuan,
  created_time: text, updated_time: text,
});

// after_sales_status → refund state; exchange/resend (14–18, 32) and repair (21–25) move no money.
function refundState(s: number): RefundStatus | null | undefined {
  if (s === 10) return "COMPLETED";
  if ([2, 3, 4, 5, 6, 7, 8, 27, 31].includes(s)) return "REQUESTED";
  if ([9, 11, 12, 13].includes(s)) return "REJECTED";
  if (s === 0 || (s >= 14 && s <= 18) || (s >= 21 && s <= 25) || s === 32) return null;
  return undefined; // unknown
}

const KNOWN: Record<string, number[]> = {
  order_status: [1, 2, 3],
  confirm_status: [0, 1, 2],
  group_status: [0, 1, 2],
  refund_status: [1, 2, 3, 4],
  risk_control_status: [0, 1],
};

function unwrap(p: unknown): unknown {
  if (!isRecord(p)) return p;
  if (isRecord(p.error_response)) {
    const e = p.error_response;
    fail("PLATFORM_ERROR", `拼多多接口返回错误：${String(e.sub_msg ?? e.error_msg ?? e.error_code ?? "")}`);
  }
  if (isRecord(p.order_info_get_response)) return p.order_info_get_response.order_info;
  return p;
}

export function mapPddOrder(payload: unknown, options: MapperOptions = {}): MapResult {
  return runMapper(() => {
    const o = parseNative(orderSchema, unwrap(payload), "拼多多");
    const modifiedAt = chinaTime(o.updated_at, "updated_at", true)!;
    const codes: Record<string, number | null> = {
      order_status: intOf(o.order_status, "order_status"),
      confirm_status: intOf(o.confirm_status, "confirm_status"),
      group_status: intOf(o.group_status, "group_status"),
      refund_status: intOf(o.refund_status, "refund_status"),
      risk_control_status: intOf(o.risk_control_status, "risk_control_status"),
      after_sales_status: intOf(o.after_sales_status, "after_sales_status"), // kept raw; refund_status drives the mapping
    };
    const platformStatus = Object.entries(codes).filter(([, v]) => v !== null).map(([k, v]) => `${k}=${v}`).join(";");

    // Amounts: goods_amount = Σ price×count − price change, so the change is what is left over.
    const lines = o.item_list.map((it, i) => {
      const unitPriceFen = yuanToFen(it.goods_price, `item_list.${i}.goods_price`, { required: true });
      return { it, unitPriceFen, quantity: quantityOf(it.goods_count, `item_list.${i}.goods_count`) };
    });
    const goodsFen = lines.reduce((s, l) => s + l.unitPriceFen * l.quantity, 0);
    const capitalFree = yuanToFen(o.capital_free_discount, "capital_free_discount");
    const capitalFreeToMerchant = options.pddCapitalFreeFundedBy === "merchant";
    const amounts = {
      goodsFen,
      freightFen: yuanToFen(o.postage, "postage"),
      merchantDiscountFen: yuanToFen(o.seller_discount, "seller_discount") + (capitalFreeToMerchant ? capitalFree : 0),
      platformSubsidyFen: yuanToFen(o.platform_discount, "platform_discount") + (capitalFreeToMerchant ? 0 : capitalFree),
      couponFen: 0, // duo_duo_pay_reduction [C1] is outside pay_amount's formula: not a reduction of it
      adjustmentFen: yuanToFen(o.goods_amount, "goods_amount", { required: true }) - goodsFen,
      paidFen: yuanToFen(o.pay_amount, "pay_amount", { required: true }),
    };
    const warnings: string[] = [];
    const discountTotal = amounts.merchantDiscountFen + amounts.platformSubsidyFen;
    if (o.discount_amount != null && yuanToFen(o.discount_amount, "discount_amount") !== discountTotal)
      warnings.push("拼多多 discount_amount ≠ platform_discount + seller_discount + capital_free_discount");

    const spread = spreadReductions(lines.map((l) => ({ grossFen: l.unitPriceFen * l.quantity, knownDiscountFen: 0 })), amounts.paidFen - amounts.freightFen);
    const items = lines.map((l, i) => {
      const skuId = idOf(l.it.sku_id, `item_list.${i}.sku_id`);
      const lineId = skuId ?? `${i + 1}`; // PDD lines have no id; sku_id is unique within an order
      return {
        platformLineId: lineId,
        platformItemId: idOf(l.it.goods_id, `item_list.${i}.goods_id`),
        platformSkuId: skuId,
        skuCode: str(l.it.outer_id) ?? str(l.it.outer_goods_id) ?? lineId,
        title: str(l.it.goods_name) ?? lineId,
        variant: str(l.it.goods_spec),
        quantity: l.quantity,
        unitPriceFen: l.unitPriceFen,
        ...spread[i],
      };
    });

    // Refund rows, when the caller has them, give the amounts the order lacks.
    const refunds: CanonicalRefund[] = [];
    let reviewReason: string | undefined;
    const rows = options.pddRefunds === undefined
      ? null
      : parseNative(z.object({ pddRefunds: z.array(refundRowSchema) }), { pddRefunds: options.pddRefunds }, "拼多多退款").pddRefunds;
    for (const [i, r] of (rows ?? []).entries()) {
      const p = `pddRefunds.${i}`;
      if (r.order_sn && r.order_sn !== o.order_sn) fail("INVALID_PAYLOAD", `退款记录 ${i} 不属于订单 ${o.order_sn}`, `${p}.order_sn`);
      const type = intOf(r.after_sales_type, `${p}.after_sales_type`);
      const s = intOf(r.after_sales_status, `${p}.after_sales_status`) ?? -1;
      const status = refundState(s);
      if (status === undefined) reviewReason ??= `未知的拼多多售后状态 after_sales_status=${s}`;
      if (!status || type === 4 || type === 5) continue; // exchange / resend: no money back
      const lineId = idOf(r.sku_id, `${p}.sku_id`); // PDD lines are keyed by sku_id
      refunds.push({
        platformRefundId: requireId(r.id, `${p}.id`),
        ...(lineId ? { platformLineId: lineId } : {}),
        amountFen: yuanToFen(r.refund_amount, `${p}.refund_amount`, { required: true }),
        amountIsEstimate: false,
        status,
        requestedAt: chinaTime(r.created_time, `${p}.created_time`) ?? chinaTime(r.updated_time, `${p}.updated_time`) ?? modifiedAt,
      });
    }
    const refundedFen = refunds.filter((r) => r.status === "COMPLETED").reduce((s, r) => s + r.amountFen, 0);

    const receivedAt = chinaTime(o.receive_time, "receive_time");
    const status: StatusResult = reviewReason ? review(reviewReason) : mapStatus(codes, rows !== null, refundedFen, amounts.paidFen, receivedAt, options);

    const shippedAt = chinaTime(o.shipping_time, "shipping_time");
    const parcels = [{ logistics_id: o.logistics_id, tracking_number: o.tracking_number }, ...(o.extra_delivery_list ?? [])];
    const shipments: CanonicalShipment[] = parcels.flatMap((p) => {
      const trackingNo = str(p.tracking_number);
      if (!trackingNo) return [];
      // Extra parcels carry no time of their own; the order's shipping time (or this snapshot) stands in.
      return [{ carrierCode: platformCarrier("pdd", idOf(p.logistics_id, "logistics_id")) ?? "unknown", trackingNo, shippedAt: shippedAt ?? modifiedAt }];
    });
    const paidAt = chinaTime(o.pay_time, "pay_time");
    return {
      platformOrderId: o.order_sn,
      parentPlatformOrderId: null,
      platformStatus,
      ...status,
      buyerNick: null, // PDD exposes no buyer id or nickname
      buyerKey: str(o.open_address_id),
      receiver: buildReceiver({
        name: mergePii(classifyPii(o.receiver_name, "name"), maskedOnly(o.receiver_name_mask)),
        phone: mergePii(classifyPii(o.receiver_phone, "phone"), maskedOnly(o.receiver_phone_mask)),
        detail: mergePii(classifyPii(o.receiver_address, "address"), maskedOnly(o.receiver_address_mask)),
        province: o.province,
        city: o.city,
        district: o.town, // PDD's `town` is the district (区县)
      }),
      amounts,
      items,
      payments: paidAt ? [{ provider: "PLATFORM" as const, amountFen: amounts.paidFen, paidAt, ...(str(o.pay_no) ? { providerTxnId: str(o.pay_no)! } : {}) }] : [],
      refunds,
      shipments,
      buyerNote: str(o.buyer_memo),
      sellerNote: str(o.remark),
      placedAt: chinaTime(o.created_time, "created_time", true)!,
      paidAt,
      shippedAt,
      deliveredAt: receivedAt,
      completedAt: status.status === "COMPLETED" ? receivedAt : null,
      platformModifiedAt: modifiedAt,
      warnings: [...warnings, ...amountWarnings(amounts, items)],
    };
  });
}

/** §1.3, top to bottom, first match wins. */
function mapStatus(
  c: Record<string, number | null>, haveRows: boolean, refundedFen: number, paidFen: number, receivedAt: Date | null, options: MapperOptions,
): StatusResult {
  for (const [k, known] of Object.entries(KNOWN))
    if (c[k] !== null && !known.includes(c[k]!)) return review(`未知的拼多多状态值 ${k}=${c[k]}`);
  if (c.confirm_status === 2 || c.group_status === 2) return { status: "CANCELLED" };
  if (c.refund_status === 4) {
    if (!haveRows) {
      if (options.pddRefundedWithoutRows === "REFUNDED") return { status: "REFUNDED" };
      return review("拼多多 refund_status=4（已退款），但未提供退款记录，无法区分全额与部分退款");
    }
    if (refundedFen >= paidFen) return { status: "REFUNDED" };
    // A partial refund keeps the fulfilment status below.
  }
  if (c.refund_status === 2 || c.refund_status === 3) return { status: "AFTER_SALE" };
  if (c.risk_control_status === 1) return { status: "ON_HOLD" }; // under risk review: do not ship
  // Group still forming / deal not confirmed: paid but must not ship, so it must not reach the WMS.
  if (c.group_status === 0 || c.confirm_status === 0) return { status: "ON_HOLD" };
  if (c.order_status === 1) return { status: "PAID" };
  if (c.order_status === 2) return { status: "SHIPPED" };
  return { status: receivedAt ? "COMPLETED" : "DELIVERED" };
}
