import { z } from "zod";

/** The outbound order the hub pushes (JSON; field names follow QiMen deliveryorder.create). */
export interface WmsOutboundOrder {
  deliveryOrderCode: string; // hub OrderNo: the WMS's idempotency key
  orderId: string;
  orderType: "JYCK";
  placeOrderTime: string;
  payTime: string | null;
  receiverInfo: { name: string; mobile: string | null; province: string | null; city: string | null; area: string | null; detailAddress: string };
  orderLines: { orderLineNo: string; itemCode: string; itemName: string; planQty: number }[];
  callbackUrl: string;
}

export const WmsPushReply = z.object({
  flag: z.enum(["success", "failure"]),
  code: z.string().optional(),
  message: z.string().optional(),
  deliveryOrderId: z.string().optional(),
});

/** The WMS shipment callback (QiMen deliveryorder.confirm, as JSON). */
export const WmsShipmentCallback = z.object({
  deliveryOrderCode: z.string().min(1).max(64),
  deliveryOrderId: z.string().max(64).optional(),
  /** The WMS's message id: with the order code, the de-duplication key. */
  outBizCode: z.string().min(1).max(64),
  status: z.enum(["ACCEPT", "PARTDELIVERED", "DELIVERED", "EXCEPTION", "CANCELED", "REJECT"]),
  confirmType: z.union([z.literal(0), z.literal(1)]).default(0),
  orderConfirmTime: z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/).optional(),
  /** One entry per parcel (logistics-alerts.md §4.4): each becomes its own shipment, with the items packed in it. */
  packages: z.array(z.object({
    logisticsCode: z.string().min(1).max(32),
    expressCode: z.string().min(1).max(40),
    items: z.array(z.object({ itemCode: z.string().min(1).max(64), quantity: z.coerce.number().int().positive() })).max(200).optional(),
  })).max(20).default([]),
});
export type WmsShipmentCallback = z.infer<typeof WmsShipmentCallback>;
