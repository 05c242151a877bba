import { randomUUID } from "node:crypto";
import type { DbClient } from "../../../lib/db/client";
import type { OrderStatus } from "../../../lib/db/generated/prisma/enums";

let seq = 0;
/** A fresh order of its own (the seeded demo orders are shared by every test file). */
export async function createTestOrder(db: DbClient, opts: { status?: OrderStatus; channelId?: string; paidFen?: number; orderNo?: string } = {}) {
  seq += 1;
  const tag = `${Date.now().toString(36)}${seq}${randomUUID().slice(0, 4)}`.toUpperCase();
  const status = opts.status ?? "PAID";
  const paidFen = opts.paidFen ?? 12_800;
  const now = new Date();
  return db.order.create({
    data: {
      orderNo: opts.orderNo ?? `OHT${tag}`, channelId: opts.channelId ?? "ch_tmall", platformOrderId: `T${tag}`, platformStatus: "WAIT_SELLER_SEND_GOODS",
      status, receiverName: "测试", receiverPhone: "13800000000", receiverProvince: "浙江省", receiverCity: "杭州市", receiverDistrict: "西湖区",
      receiverDetail: "文三路 100 号", receiverRegion: "华东", goodsFen: paidFen, paidFen, placedAt: now,
      paidAt: status === "PENDING_PAYMENT" ? null : now, platformModifiedAt: now, rawPayload: {},
      items: { create: [{ skuCode: "SKU-TEA-250G", title: "绿茶 250g", quantity: 2, unitPriceFen: paidFen / 2, paidFen }] },
    },
    select: { id: true, orderNo: true, status: true, version: true },
  });
}
