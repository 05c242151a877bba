/**
 * The hub's own order JSON, for channels with no external format (own mall, offline POS; FORMATS
 * rule 10). The parts here are shared by own-mall.ts and pos.ts and reused by the CSV/XLSX import
 * template. `.describe()` texts feed the OpenAPI description (z.toJSONSchema).
 *
 * Rules: money as yuan strings with at most 2 decimals ("128.50", never numbers); times ISO 8601
 * with an offset ("2024-06-18T09:12:05+08:00"); statuses in the hub's own words (HUB_STATUSES).
 */
import { z } from "zod";
import type { OrderStatus } from "../../db/generated/prisma/enums";
import type { CanonicalItem, CanonicalOrder } from "../canonical-order";
import { amountWarnings, spreadReductions } from "./amounts";
import { carrierCodeOf } from "./carriers";
import { review, yuanToFen, type StatusResult } from "./shared";

export const yuanString = z
  .string()
  .regex(/^-?\d{1,9}(\.\d{1,2})?$/, { error: "金额须为元字符串，最多两位小数，如 \"128.50\"" })
  .describe("金额（元），字符串，最多两位小数，如 \"128.50\"");
export const isoInstant = z
  .iso.datetime({ offset: true, error: "时间须为带时区的 ISO 8601，如 2024-06-18T09:12:05+08:00" })
  .describe("ISO 8601 时间，必须带时区，如 2024-06-18T09:12:05+08:00");

/** Statuses a sender may use; PUSHED_TO_WMS and NEEDS_REVIEW are the hub's own. Others → NEEDS_REVIEW. */
export const HUB_STATUSES = ["PENDING_PAYMENT", "PAID", "SHIPPED", "DELIVERED", "COMPLETED", "CANCELLED", "AFTER_SALE", "REFUNDED", "ON_HOLD"] as const;

export const hubItemSchema = z.object({
  lineNo: z.string().min(1).max(64).optional().describe("行号，订单内唯一；缺省为 1、2、3…"),
  skuCode: z.string().min(1).max(64).describe("商家 SKU 编码"),
  title: z.string().min(1).max(200),
  variant: z.string().max(200).optional().describe("规格，如 颜色:红;尺码:L"),
  quantity: z.int().positive(),
  unitPrice: yuanString.describe("单价（元）"),
  discount: yuanString.optional().describe("本行优惠（元），商家承担"),
});

export const hubAmountsSchema = z.object({
  freight: yuanString.optional().describe("运费（元）"),
  discount: yuanString.optional().describe("整单优惠（元），商家承担；不含各行 discount"),
  coupon: yuanString.optional().describe("优惠券抵扣面额（元）"),
  adjustment: yuanString.optional().describe("改价（元），可为负"),
  paid: yuanString.describe("实付（元），含运费"),
});

export const hubPaymentSchema = z.object({
  provider: z.enum(["WECHAT", "ALIPAY", "CASH", "PLATFORM"]).describe("支付渠道；PLATFORM = 其他（储值、银行卡等）"),
  transactionId: z.string().min(1).max(64).optional().describe("支付渠道交易号，对账用"),
  amount: yuanString,
  paidAt: isoInstant,
});

export const hubRefundSchema = z.object({
  refundNo: z.string().min(1).max(64).describe("退款单号，渠道内唯一"),
  lineNo: z.string().min(1).max(64).optional(),
  amount: yuanString,
  status: z.enum(["REQUESTED", "COMPLETED", "REJECTED"]),
  reason: z.string().max(500).optional(),
  requestedAt: isoInstant,
});

export const hubShipmentSchema = z.object({
  carrierCode: z.string().min(1).max(32).describe("快递公司编码（快递100 编码，如 shunfeng），或中文名"),
  trackingNo: z.string().min(1).max(64),
  shippedAt: isoInstant,
  lineNos: z.array(z.string().min(1)).optional(),
});

export type HubItem = z.output<typeof hubItemSchema>;
type HubCommon = {
  status: string;
  items: HubItem[];
  amounts: z.output<typeof hubAmountsSchema>;
  payments: z.output<typeof hubPaymentSchema>[];
  refunds: z.output<typeof hubRefundSchema>[];
  shipments: z.output<typeof hubShipmentSchema>[];
};

export function hubStatus(raw: string, channel: string): StatusResult {
  return (HUB_STATUSES as readonly string[]).includes(raw) ? { status: raw as OrderStatus } : review(`未知的${channel}订单状态 status=${raw}`);
}

const at = (iso: string) => new Date(iso);
export const optionalAt = (iso: string | undefined) => (iso ? new Date(iso) : null);

/** Amounts, lines, payments, refunds and shipments of a hub-format order, already zod-validated. */
export function buildHubParts(o: HubCommon): Pick<CanonicalOrder, "amounts" | "items" | "payments" | "refunds" | "shipments" | "warnings"> {
  const lines = o.items.map((it, i) => ({
    it,
    lineNo: it.lineNo ?? String(i + 1),
    unitPriceFen: yuanToFen(it.unitPrice, `items.${i}.unitPrice`),
    lineDiscountFen: yuanToFen(it.discount, `items.${i}.discount`),
  }));
  const a = o.amounts;
  const amounts = {
    goodsFen: lines.reduce((s, l) => s + l.unitPriceFen * l.it.quantity, 0),
    freightFen: yuanToFen(a.freight, "amounts.freight"),
    merchantDiscountFen: lines.reduce((s, l) => s + l.lineDiscountFen, 0) + yuanToFen(a.discount, "amounts.discount"),
    platformSubsidyFen: 0, // own channels have no platform to fund anything
    couponFen: yuanToFen(a.coupon, "amounts.coupon"),
    adjustmentFen: yuanToFen(a.adjustment, "amounts.adjustment", { signed: true }),
    paidFen: yuanToFen(a.paid, "amounts.paid", { required: true }),
  };
  const spread = spreadReductions(
    lines.map((l) => ({ grossFen: l.unitPriceFen * l.it.quantity, knownDiscountFen: l.lineDiscountFen })),
    amounts.paidFen - amounts.freightFen,
  );
  const items: CanonicalItem[] = lines.map((l, i) => ({
    platformLineId: l.lineNo,
    platformItemId: null,
    platformSkuId: null,
    skuCode: l.it.skuCode,
    title: l.it.title,
    variant: l.it.variant ?? null,
    quantity: l.it.quantity,
    unitPriceFen: l.unitPriceFen,
    ...spread[i],
  }));
  return {
    amounts,
    items,
    payments: o.payments.map((p, i) => ({
      provider: p.provider,
      ...(p.transactionId ? { providerTxnId: p.transactionId } : {}),
      amountFen: yuanToFen(p.amount, `payments.${i}.amount`),
      paidAt: at(p.paidAt),
    })),
    refunds: o.refunds.map((r, i) => ({
      platformRefundId: r.refundNo,
      ...(r.lineNo ? { platformLineId: r.lineNo } : {}),
      amountFen: yuanToFen(r.amount, `refunds.${i}.amount`),
      amountIsEstimate: false,
      status: r.status,
      ...(r.reason ? { reason: r.reason } : {}),
      requestedAt: at(r.requestedAt),
    })),
    shipments: o.shipments.map((s) => ({
      carrierCode: carrierCodeOf(s.carrierCode)!,
      trackingNo: s.trackingNo,
      shippedAt: at(s.shippedAt),
      ...(s.lineNos?.length ? { platformLineIds: s.lineNos } : {}),
    })),
    warnings: amountWarnings(amounts, items),
  };
}
