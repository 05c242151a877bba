import { randomUUID } from "node:crypto";
import type { DbClient } from "../../../lib/db/client";

/** An own-mall order with one WeChat payment, on a day outside the demo data's 30 days. */
export async function orderWithPayment(db: DbClient, o: { paidAt: string; fen: number; couponFen?: number; txnId?: string; delivered?: string; status?: "PAID" | "DELIVERED"; provider?: "WECHAT" | "ALIPAY" }) {
  const tag = randomUUID().replaceAll("-", "").slice(0, 10).toUpperCase();
  const paidAt = new Date(`${o.paidAt}+08:00`);
  const order = await db.order.create({
    data: {
      orderNo: `OHT${tag}`, channelId: "ch_own_mall", platformOrderId: `MT${tag}`, platformStatus: "PAID", status: o.status ?? "PAID",
      receiverName: "对账测试", receiverDetail: "文三路 1 号", goodsFen: o.fen + (o.couponFen ?? 0), couponFen: o.couponFen ?? 0, paidFen: o.fen,
      placedAt: paidAt, paidAt, deliveredAt: o.delivered ? new Date(`${o.delivered}+08:00`) : null, platformModifiedAt: paidAt, rawPayload: {},
    },
    select: { id: true, orderNo: true },
  });
  const txnId = o.txnId ?? `4200${Date.now()}${tag.replace(/\D/g, "").padEnd(10, "7")}`.slice(0, 28);
  const payment = await db.payment.create({
    data: { payNo: `PYT${tag}`, orderId: order.id, provider: o.provider ?? "WECHAT", providerTxnId: txnId, amountFen: o.fen, paidAt },
    select: { id: true, payNo: true },
  });
  return { orderId: order.id, orderNo: order.orderNo, paymentId: payment.id, payNo: payment.payNo, txnId, paidAt, fen: o.fen };
}
