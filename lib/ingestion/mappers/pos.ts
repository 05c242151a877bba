/**
 * Offline POS (门店收银) sales in the hub's own JSON format → canonical order. One receipt is one
 * order; a return at the counter is a refund on the original receipt. The hub order id is
 * `<storeCode>-<receiptNo>` because receipt numbers repeat across stores.
 *
 * Example:
 * {"storeCode":"HZ01","receiptNo":"20240618-0042","soldAt":"2024-06-18T15:30:00+08:00",
 *  "items":[{"skuCode":"CUP-350-BLU","title":"保温杯350ml","quantity":2,"unitPrice":"59.00"}],
 *  "amounts":{"discount":"8.00","paid":"110.00"},
 *  "payments":[{"provider":"CASH","amount":"110.00","paidAt":"2024-06-18T15:30:00+08:00"}]}
 */
import { z } from "zod";
import { buildHubParts, hubAmountsSchema, hubItemSchema, hubPaymentSchema, hubRefundSchema, hubStatus, isoInstant } from "./hub-order";
import { buildReceiver, classifyPii } from "./pii";
import { parseNative, runMapper, str, type MapResult } from "./shared";

export const posOrderSchema = z.object({
  storeCode: z.string().min(1).max(32).regex(/^[^-\s]+$/, { error: "门店编码不能含 - 或空白" }).describe("门店编码"),
  receiptNo: z.string().min(1).max(64).describe("小票号，门店内唯一"),
  status: z.string().min(1).default("COMPLETED").describe("默认 COMPLETED（当场交付）；作废 CANCELLED；整单退货 REFUNDED"),
  soldAt: isoInstant.describe("成交时间（即下单与支付时间）"),
  updatedAt: isoInstant.optional().describe("最后修改时间，缺省为 soldAt"),
  cashier: z.string().max(64).optional(),
  member: z.object({
    memberId: z.string().max(64).optional(),
    name: z.string().max(64).optional(),
    phone: z.string().max(32).optional(),
  }).optional(),
  items: z.array(hubItemSchema).min(1),
  amounts: hubAmountsSchema,
  payments: z.array(hubPaymentSchema).min(1),
  refunds: z.array(hubRefundSchema).default([]),
  note: z.string().max(500).optional(),
});
export type PosOrder = z.input<typeof posOrderSchema>;

export function mapPosOrder(payload: unknown): MapResult {
  return runMapper(() => {
    const o = parseNative(posOrderSchema, payload, "门店 POS");
    const soldAt = new Date(o.soldAt);
    return {
      platformOrderId: `${o.storeCode}-${o.receiptNo}`,
      parentPlatformOrderId: null,
      platformStatus: o.status,
      ...hubStatus(o.status, "门店 POS"),
      buyerNick: null,
      buyerKey: str(o.member?.memberId),
      // Walk-in sales have no address; a member's name and phone help customer matching.
      receiver: buildReceiver({ name: classifyPii(o.member?.name, "name"), phone: classifyPii(o.member?.phone, "phone") }),
      ...buildHubParts({ ...o, shipments: [] }),
      buyerNote: null,
      sellerNote: str(o.note),
      placedAt: soldAt,
      paidAt: soldAt,
      shippedAt: null,
      deliveredAt: null,
      completedAt: o.status === "COMPLETED" ? soldAt : null,
      platformModifiedAt: o.updatedAt ? new Date(o.updatedAt) : soldAt,
    };
  });
}
