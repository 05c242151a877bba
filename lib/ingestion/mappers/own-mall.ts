/**
 * Own mall (自营商城) orders in the hub's own JSON format → canonical order. The schema below is
 * the contract of `POST /api/channels/{channelId}/orders` for own-mall channels and of the
 * CSV/XLSX import template; the parts it shares with POS live in hub-order.ts.
 *
 * Example:
 * {"orderNo":"M202406180001","status":"PAID","createdAt":"2024-06-18T09:12:05+08:00",
 *  "paidAt":"2024-06-18T09:12:40+08:00","updatedAt":"2024-06-18T09:12:41+08:00",
 *  "buyer":{"memberId":"U10086","nick":"小李"},
 *  "receiver":{"name":"李雷","phone":"13812345678","province":"浙江省","city":"杭州市","district":"西湖区","detail":"文三路 100 号"},
 *  "items":[{"skuCode":"TS-RED-L","title":"T恤","quantity":1,"unitPrice":"128.50","discount":"10.00"}],
 *  "amounts":{"freight":"6.00","paid":"124.50"},
 *  "payments":[{"provider":"WECHAT","transactionId":"4200000000202406180000000001","amount":"124.50","paidAt":"2024-06-18T09:12:40+08:00"}]}
 */
import { z } from "zod";
import {
  buildHubParts, hubAmountsSchema, hubItemSchema, hubPaymentSchema, hubRefundSchema, hubShipmentSchema, hubStatus,
  isoInstant, optionalAt,
} from "./hub-order";
import { buildReceiver, classifyPii } from "./pii";
import { parseNative, runMapper, str, type MapResult } from "./shared";

export const ownMallOrderSchema = z.object({
  orderNo: z.string().min(1).max(64).describe("商城订单号，渠道内唯一（幂等键）"),
  status: z.string().min(1).describe("PENDING_PAYMENT | PAID | SHIPPED | DELIVERED | COMPLETED | CANCELLED | AFTER_SALE | REFUNDED | ON_HOLD；部分退款保持履约状态"),
  createdAt: isoInstant.describe("下单时间"),
  paidAt: isoInstant.optional(),
  shippedAt: isoInstant.optional(),
  deliveredAt: isoInstant.optional(),
  completedAt: isoInstant.optional(),
  updatedAt: isoInstant.describe("商城侧最后修改时间；较旧的推送不会覆盖较新的"),
  buyer: z.object({ memberId: z.string().max(64).optional(), nick: z.string().max(64).optional() }).optional(),
  receiver: z.object({
    name: z.string().min(1).max(64),
    phone: z.string().min(1).max(32),
    province: z.string().min(1).max(32),
    city: z.string().min(1).max(32),
    district: z.string().max(32).optional().describe("区县；东莞、中山等不设区的地级市可省略"),
    town: z.string().max(64).optional(),
    detail: z.string().min(1).max(200),
  }),
  items: z.array(hubItemSchema).min(1),
  amounts: hubAmountsSchema,
  payments: z.array(hubPaymentSchema).default([]),
  refunds: z.array(hubRefundSchema).default([]),
  shipments: z.array(hubShipmentSchema).default([]),
  buyerNote: z.string().max(500).optional(),
  sellerNote: z.string().max(500).optional(),
});
export type OwnMallOrder = z.input<typeof ownMallOrderSchema>;

export function mapOwnMallOrder(payload: unknown): MapResult {
  return runMapper(() => {
    const o = parseNative(ownMallOrderSchema, payload, "自营商城");
    const r = o.receiver;
    return {
      platformOrderId: o.orderNo,
      parentPlatformOrderId: null,
      platformStatus: o.status,
      ...hubStatus(o.status, "自营商城"),
      buyerNick: str(o.buyer?.nick),
      buyerKey: str(o.buyer?.memberId),
      // Classified, not trusted: a masked phone sent by mistake stays masked.
      receiver: buildReceiver({
        name: classifyPii(r.name, "name"),
        phone: classifyPii(r.phone, "phone"),
        detail: classifyPii(r.detail, "address"),
        province: r.province,
        city: r.city,
        district: r.district,
        town: r.town,
      }),
      ...buildHubParts(o),
      buyerNote: str(o.buyerNote),
      sellerNote: str(o.sellerNote),
      placedAt: new Date(o.createdAt),
      paidAt: optionalAt(o.paidAt),
      shippedAt: optionalAt(o.shippedAt),
      deliveredAt: optionalAt(o.deliveredAt),
      completedAt: optionalAt(o.completedAt),
      platformModifiedAt: new Date(o.updatedAt),
    };
  });
}
