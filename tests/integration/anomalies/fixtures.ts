import { randomUUID } from "node:crypto";
import type { DbClient } from "../../../lib/db/client";
import type { OrderStatus } from "../../../lib/db/generated/prisma/enums";
import { evaluateRules } from "../../../lib/anomalies/evaluate-rules";
import type { RuleCode } from "../../../lib/anomalies/rules";

let seq = 0;

export interface RuleOrderOpts {
  status?: OrderStatus;
  paidFen?: number;
  goodsFen?: number;
  detail?: string;
  province?: string;
  region?: string;
  channelId?: string;
  customerId?: string | null;
  buyerNick?: string | null;
  placedAt?: Date;
  paidAt?: Date | null;
  addressIncomplete?: boolean;
  isTest?: boolean;
  skuCode?: string;
}

/** An order of the test's own, shaped to trip (or not) one rule. */
export async function ruleOrder(db: DbClient, o: RuleOrderOpts = {}) {
  seq += 1;
  const tag = `${Date.now().toString(36)}${seq}${randomUUID().slice(0, 4)}`.toUpperCase();
  const now = new Date();
  const status = o.status ?? "PAID";
  const paidFen = o.paidFen ?? 12_800;
  return db.order.create({
    data: {
      orderNo: `OHX${tag}`, channelId: o.channelId ?? "ch_tmall", platformOrderId: `X${tag}`, platformStatus: "WAIT_SELLER_SEND_GOODS", status,
      customerId: o.customerId ?? null, buyerNick: o.buyerNick === undefined ? `nick-${tag}` : o.buyerNick,
      receiverName: "测试", receiverPhone: "13800000000", receiverProvince: o.province ?? "浙江省", receiverCity: "杭州市", receiverDistrict: "西湖区",
      receiverDetail: o.detail ?? "文三路 100 号", receiverRegion: o.region ?? "华东", addressIncomplete: o.addressIncomplete ?? false,
      goodsFen: o.goodsFen ?? paidFen, paidFen, placedAt: o.placedAt ?? now, isTest: o.isTest ?? false,
      paidAt: o.paidAt === undefined ? (status === "PENDING_PAYMENT" ? null : now) : o.paidAt, platformModifiedAt: now, rawPayload: {},
      items: { create: [{ skuCode: o.skuCode ?? "SKU-TEA-250G", title: "绿茶 250g", quantity: 1, unitPriceFen: paidFen, paidFen }] },
    },
    select: { id: true, orderNo: true, status: true, channelId: true },
  });
}

export const minutesAgo = (m: number, from = new Date()) => new Date(from.getTime() - m * 60_000);

/** Runs one rule over the given orders (as an order event would). */
export const runRule = (db: DbClient, code: RuleCode, orderIds?: string[], now?: Date) => evaluateRules(db, { only: [code], orderIds, now });

export const openFor = (db: DbClient, orderId: string, ruleCode?: string) =>
  db.orderException.findMany({ where: { orderId, ...(ruleCode ? { ruleCode } : {}), status: { in: ["OPEN", "CLAIMED"] } } });
