import { randomInt, randomUUID } from "node:crypto";
import type { DbClient } from "../../../lib/db/client";

/** A fresh person: two customer records (one per channel set) sharing a phone and an address. */
export async function twoRecordsOfOnePerson(db: DbClient) {
  const phone = `139${String(randomInt(0, 1e8)).padStart(8, "0")}`;
  const tag = randomUUID().slice(0, 8);
  const name = `测试客户${tag}`;
  const older = await db.customer.create({ data: { displayName: name, phone, createdAt: new Date("2026-10-01T00:00:00Z") } });
  const newer = await db.customer.create({ data: { displayName: name, phone } });
  const order = (customerId: string, channelId: string, n: number) =>
    db.order.create({
      data: {
        orderNo: `TST${tag}${n}`, channelId, platformOrderId: `P${tag}${n}`, platformStatus: "TRADE_FINISHED", status: "COMPLETED",
        customerId, buyerNick: `nick${tag}${n}`, receiverName: name, receiverPhone: phone, receiverProvince: "浙江省", receiverCity: "杭州市",
        receiverDistrict: "西湖区", receiverDetail: `文三路 ${n % 2 ? "100" : "100"} 号 ${tag}`, goodsFen: 12_900, paidFen: 12_900,
        placedAt: new Date(Date.now() - n * 86_400_000), platformModifiedAt: new Date(), rawPayload: { device_id: `DEV${tag}` },
      },
      select: { id: true },
    });
  const orders = {
    tmall: await order(older.id, "ch_tmall", 1),
    jd: await order(newer.id, "ch_jd", 2),
    ownMall: await order(newer.id, "ch_own_mall", 3), // outside the CS agent's shops
  };
  return { phone, name, older, newer, orders };
}
