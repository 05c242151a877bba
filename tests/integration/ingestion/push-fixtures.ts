import { signBody } from "../../../lib/ingestion/push/signature";

export const OWN_MALL = { id: "ch_own_mall", secret: "demo-secret-own-mall" };

let seq = 0;
/** A valid own-mall order with a unique number; `over` replaces top-level fields. */
export function mallOrder(over: Record<string, unknown> = {}) {
  seq += 1;
  return {
    orderNo: `IT-${process.pid}-${Date.now()}-${seq}`,
    status: "PAID",
    createdAt: "2026-11-20T09:12:05+08:00",
    paidAt: "2026-11-20T09:12:40+08:00",
    updatedAt: "2026-11-20T09:12:41+08:00",
    buyer: { memberId: "U10086", nick: "小李" },
    receiver: { name: "李雷", phone: "13812345678", province: "浙江", city: "杭州市", district: "西湖区", detail: "文三路 100 号" },
    items: [{ skuCode: "TS-RED-L", title: "T恤", quantity: 1, unitPrice: "128.50", discount: "10.00" }],
    amounts: { freight: "6.00", paid: "124.50" },
    payments: [{ provider: "WECHAT", transactionId: `42000${Date.now()}${seq}`.slice(0, 28), amount: "124.50", paidAt: "2026-11-20T09:12:40+08:00" }],
    buyerNote: "请开发票，加急",
    ...over,
  };
}

export function signed(body: unknown, secret = OWN_MALL.secret) {
  const raw = Buffer.from(typeof body === "string" ? body : JSON.stringify(body));
  return { raw: new Uint8Array(raw), signature: signBody(secret, raw) };
}
