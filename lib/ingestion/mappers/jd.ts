/**
 * JD POP (jingdong.pop.order.get / .search orderInfo) → canonical order.
 * Format: shared/formats/tmall-jd.md §2. Money: yuan strings. Times: zone-less China time with
 * 0001-01-01 / 1970-01-01 meaning unset. No line refunds here: they come from the after-sales API.
 */
import { z } from "zod";
import type { OrderStatus } from "../../db/generated/prisma/enums";
import type { CanonicalItem, CanonicalShipment } from "../canonical-order";
import { amountWarnings, nonNegative, spreadReductions } from "./amounts";
import { platformCarrier } from "./carriers";
import type { MapperOptions } from "./options";
import { buildReceiver, classifyPii } from "./pii";
import {
  chinaTime, fail, idOf, isRecord, lookup, parseNative, present, quantityOf, requireId, review, runMapper, str, yuanToFen,
  type MapResult, type StatusResult,
} from "./shared";

const money = z.union([z.string(), z.number()]).nullish();
const id = z.union([z.string(), z.number()]).nullish();
const text = z.string().nullish();

const itemSchema = z.object({
  skuId: z.union([z.string(), z.number()]), outerSkuId: text, skuName: text, wareId: id,
  jdPrice: z.union([z.string(), z.number()]), itemTotal: z.union([z.string(), z.number()]),
});

const orderInfoSchema = z.object({
  orderId: z.union([z.string(), z.number()]), parentOrderId: id, orderState: z.string(), payType: text,
  orderTotalPrice: z.union([z.string(), z.number()]), sellerDiscount: money, orderSellerPrice: money,
  freightPrice: money, balanceUsed: money, taxFee: money, serviceFee: money,
  orderPayment: z.union([z.string(), z.number()]),
  orderStartTime: z.string(), paymentConfirmTime: text, modified: z.string(), orderEndTime: text,
  orderRemark: text, venderRemark: text, pin: text, open_id_buyer: text, xid_buyer: text,
  consigneeInfo: z.object({
    fullname: text, mobile: text, telephone: text, fullAddress: text, desen_mobile: text,
    province: text, city: text, county: text, town: text,
  }).nullish(),
  itemInfoList: z.array(itemSchema).min(1),
  couponDetailList: z.array(z.object({ skuId: id, couponType: text, couponPrice: money })).nullish(),
  waybill: text, logisticsId: id,
});
type OrderInfo = z.output<typeof orderInfoSchema>;

// §2.4. TRADE_CANCELED and LOCKED are refined in mapStatus.
const ORDER_STATE: Record<string, OrderStatus> = {
  WAIT_SELLER_STOCK_OUT: "PAID",
  WAIT_SELLER_DELIVERY: "PAID",
  WAIT_SEND_CODE: "PAID",
  SEND_TO_DISTRIBUTION_CENER: "SHIPPED", // (sic)
  DISTRIBUTION_CENTER_RECEIVED: "SHIPPED",
  WAIT_GOODS_RECEIVE_CONFIRM: "SHIPPED",
  RECEIPTS_CONFIRM: "DELIVERED",
  FINISHED_L: "COMPLETED",
  TRADE_CANCELED: "CANCELLED",
  LOCKED: "ON_HOLD",
  PAUSE: "ON_HOLD",
  POP_ORDER_PAUSE: "ON_HOLD",
};

const isFalse = (v: unknown) => v === false || v === "false";

function checkApiResult(container: unknown): void {
  if (!isRecord(container) || !isRecord(container.apiResult)) return;
  const r = container.apiResult;
  if (isFalse(r.success)) fail("PLATFORM_ERROR", `京东接口返回错误：${String(r.chineseErrCode ?? r.englishErrCode ?? r.numberCode ?? "")}`);
}

function unwrap(p: unknown): unknown {
  if (!isRecord(p)) return p;
  if (isRecord(p.error_response)) fail("PLATFORM_ERROR", `京东接口返回错误：${String(p.error_response.zh_desc ?? p.error_response.code ?? "")}`);
  const get = p.jingdong_pop_order_get_responce; // JD's spelling
  if (isRecord(get)) {
    checkApiResult(get.orderDetailInfo);
    return isRecord(get.orderDetailInfo) ? get.orderDetailInfo.orderInfo : undefined;
  }
  const search = p.jingdong_pop_order_search_responce;
  if (isRecord(search)) {
    const result = search.searchorderinfo_result;
    checkApiResult(result);
    const list = isRecord(result) && Array.isArray(result.orderInfoList) ? result.orderInfoList : [];
    if (list.length !== 1) fail("MULTIPLE_ORDERS", `京东订单列表含 ${list.length} 个订单，请逐个映射`, "orderInfoList");
    return list[0];
  }
  return p;
}

/** "4-在线支付" → "4": JD sends code-label text. */
const leadingCode = (v: string | null | undefined) => str(v)?.split("-")[0].trim() ?? null;

// A cancelled order that was paid online was refunded; COD orders never get a paidAt.
function mapStatus(o: OrderInfo, paid: boolean, options: MapperOptions): StatusResult {
  const status = lookup(ORDER_STATE, o.orderState);
  if (!status) return review(`未知的京东订单状态 orderState=${o.orderState}`);
  if (o.orderState === "LOCKED") return { status: options.jdLockedStatus ?? "ON_HOLD" };
  if (o.orderState === "TRADE_CANCELED" && paid) return { status: "REFUNDED" };
  return { status };
}

export function mapJdOrder(payload: unknown, options: MapperOptions = {}): MapResult {
  return runMapper(() => {
    const o = parseNative(orderInfoSchema, unwrap(payload), "京东");
    const modifiedAt = chinaTime(o.modified, "modified", true)!;
    // For COD (payType 1) paymentConfirmTime is when the order was accepted, not a payment.
    const cod = leadingCode(o.payType) === "1";
    const confirmedAt = chinaTime(o.paymentConfirmTime, "paymentConfirmTime"); // validated either way
    const paidAt = cod ? null : confirmedAt;
    const warnings: string[] = [];

    const goodsFen = yuanToFen(o.orderTotalPrice, "orderTotalPrice", { required: true });
    const merchantDiscountFen = yuanToFen(o.sellerDiscount, "sellerDiscount");
    const sellerPrice = present(o.orderSellerPrice) ? yuanToFen(o.orderSellerPrice, "orderSellerPrice") : goodsFen - merchantDiscountFen;
    const freightFen = yuanToFen(o.freightPrice, "freightPrice");
    const adjustmentFen = yuanToFen(o.taxFee, "taxFee") + yuanToFen(o.serviceFee, "serviceFee");
    // orderPayment excludes JD balance, which is money the buyer paid (§2.7).
    const paidFen = yuanToFen(o.orderPayment, "orderPayment", { required: true }) + yuanToFen(o.balanceUsed, "balanceUsed");
    // Platform/user discounts are only known as a total (§2.3); their split by couponType is ✖.
    const platformSubsidyFen = nonNegative(sellerPrice + freightFen + adjustmentFen - paidFen, "京东平台优惠", warnings);
    if (sellerPrice !== goodsFen - merchantDiscountFen) warnings.push("京东 orderSellerPrice ≠ orderTotalPrice − sellerDiscount");
    const amounts = { goodsFen, freightFen, merchantDiscountFen, platformSubsidyFen, couponFen: 0, adjustmentFen, paidFen };

    // Only single-SKU promotions (type 30) name a skuId; the rest is spread over the lines.
    const skuDiscount = new Map<string, number>();
    for (const [i, c] of (o.couponDetailList ?? []).entries()) {
      const sku = idOf(c.skuId, `couponDetailList.${i}.skuId`);
      if (sku) skuDiscount.set(sku, (skuDiscount.get(sku) ?? 0) + yuanToFen(c.couponPrice, `couponDetailList.${i}.couponPrice`));
    }
    const seen = new Map<string, number>();
    const base = o.itemInfoList.map((it, i) => {
      const skuId = requireId(it.skuId, `itemInfoList.${i}.skuId`);
      const n = (seen.get(skuId) ?? 0) + 1;
      seen.set(skuId, n);
      const unitPriceFen = yuanToFen(it.jdPrice, `itemInfoList.${i}.jdPrice`, { required: true });
      const quantity = quantityOf(it.itemTotal, `itemInfoList.${i}.itemTotal`);
      // A SKU listed twice gets its coupon once, on its first line.
      return { skuId, lineId: n === 1 ? skuId : `${skuId}#${n}`, unitPriceFen, quantity, known: n === 1 ? (skuDiscount.get(skuId) ?? 0) : 0, it };
    });
    const spread = spreadReductions(
      base.map((b) => ({ grossFen: b.unitPriceFen * b.quantity, knownDiscountFen: b.known })),
      goodsFen - merchantDiscountFen - platformSubsidyFen,
    );
    const items: CanonicalItem[] = base.map((b, i) => ({
      platformLineId: b.lineId, // JD lines have no id of their own
      platformItemId: idOf(b.it.wareId, `itemInfoList.${i}.wareId`),
      platformSkuId: b.skuId,
      skuCode: str(b.it.outerSkuId) ?? b.skuId, // outerSkuId may be empty (§2.7)
      title: str(b.it.skuName) ?? b.skuId,
      variant: null,
      quantity: b.quantity,
      unitPriceFen: b.unitPriceFen,
      ...spread[i],
    }));

    // waybill: "," separates parcels of one carrier, "|" separates carriers (paired with logisticsId).
    const carriers = (idOf(o.logisticsId, "logisticsId") ?? "").split("|");
    const shipments: CanonicalShipment[] = (str(o.waybill) ?? "").split("|").flatMap((group, g) =>
      group.split(",").map((no) => no.trim()).filter(Boolean).map((trackingNo) => ({
        carrierCode: platformCarrier("jd", carriers[g] ?? carriers[0]) ?? "unknown",
        trackingNo,
        shippedAt: modifiedAt, // orderInfo has no ship time: the snapshot's time is an upper bound
      })),
    );

    const c = o.consigneeInfo ?? {};
    const parent = idOf(o.parentOrderId, "parentOrderId");
    const platformOrderId = requireId(o.orderId, "orderId");
    const status = mapStatus(o, paidAt !== null, options);
    return {
      platformOrderId,
      parentPlatformOrderId: parent && parent !== "0" && parent !== platformOrderId ? parent : null,
      platformStatus: o.orderState,
      ...status,
      buyerNick: null, // pin is an account name, not a nickname, and is being phased out for open ids
      buyerKey: str(o.open_id_buyer) ?? str(o.xid_buyer) ?? str(o.pin),
      receiver: buildReceiver({
        name: classifyPii(c.fullname, "name"),
        phone: classifyPii(str(c.mobile) ?? c.telephone, "phone"),
        detail: classifyPii(c.fullAddress, "address"),
        phoneIndex: c.desen_mobile,
        province: c.province,
        city: c.city,
        district: c.county,
        town: c.town,
      }),
      amounts,
      items,
      payments: paidAt ? [{ provider: "PLATFORM" as const, amountFen: paidFen, paidAt }] : [],
      refunds: [],
      shipments,
      buyerNote: str(o.orderRemark),
      sellerNote: str(o.venderRemark),
      placedAt: chinaTime(o.orderStartTime, "orderStartTime", true)!,
      paidAt,
      shippedAt: null,
      deliveredAt: null,
      completedAt: o.orderState === "FINISHED_L" ? chinaTime(o.orderEndTime, "orderEndTime") : null,
      platformModifiedAt: modifiedAt,
      warnings: [...warnings, ...amountWarnings(amounts, items)],
    };
  });
}
