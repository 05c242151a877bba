import { beforeAll, describe, expect, it, vi } from "vitest";
import { generateDemoOrders } from "@/lib/demo/generate-orders";
import { ORDER_STATUSES, type DemoBatch, type OrderRow } from "@/lib/demo/types";
import { AS_OF, collect, failures, groupBy, OPTIONS, WINDOW_START } from "./fixture";

// Determinism, money, lifecycle and identifiers of the demo generator (realism: demo-realism.test.ts).

// Whole-dataset checks over 20k orders: generous per-test time for a busy CI machine.
vi.setConfig({ testTimeout: 30_000 });

let data: DemoBatch;
let orders: OrderRow[];

beforeAll(() => {
  data = collect(OPTIONS);
  orders = data.orders;
}, 60_000);

describe("determinism", () => {
  it("yields identical rows for the same options, whatever the batch size", () => {
    const a = collect({ ...OPTIONS, count: 1500, batchSize: 400 });
    const b = collect({ ...OPTIONS, count: 1500, batchSize: 5000 });
    expect(b).toEqual(a);
  });

  it("yields different data for another seed", () => {
    const a = collect({ ...OPTIONS, count: 200 });
    const b = collect({ ...OPTIONS, count: 200, seed: 7 });
    expect(b.orders.map((o) => o.orderNo)).not.toEqual(a.orders.map((o) => o.orderNo));
  });

  it("yields batches of the requested size", () => {
    const sizes = [...generateDemoOrders({ ...OPTIONS, count: 1200, batchSize: 500 })].map((b) => b.orders.length);
    expect(sizes).toEqual([500, 500, 200]);
  });

  it("keeps ids and numbers disjoint between runs over disjoint index ranges, even with other seeds", () => {
    const a = collect({ ...OPTIONS, count: 3000 });
    const b = collect({ ...OPTIONS, count: 3000, startIndex: 3000, seed: 99 });
    const ids = new Set([...a.orders, ...b.orders].map((o) => o.id));
    expect(ids.size).toBe(6000);
    expect(new Set([...a.orders, ...b.orders].map((o) => o.orderNo)).size).toBe(6000);
    expect(new Set([...a.payments, ...b.payments].map((p) => p.payNo)).size).toBe(a.payments.length + b.payments.length);
  });
});

describe("money (integer fen)", () => {
  // The identity: paid = goods + freight − merchantDiscount − platformSubsidy − coupon.
  it("satisfies the order identity and the line split for every order", () => {
    const items = groupBy(data.items, (i) => i.orderId);
    const bad = failures(orders, (o) => {
      const money = [o.goodsFen, o.freightFen, o.merchantDiscountFen, o.platformSubsidyFen, o.couponFen, o.paidFen, o.refundedFen];
      if (!money.every((v) => Number.isInteger(v) && v >= 0)) return `${o.orderNo}: not non-negative integer fen`;
      if (o.paidFen !== o.goodsFen + o.freightFen - o.merchantDiscountFen - o.platformSubsidyFen - o.couponFen) return `${o.orderNo}: identity`;
      if (o.paidFen <= 0) return `${o.orderNo}: paid ${o.paidFen}`;
      const lines = items.get(o.id) ?? [];
      if (!lines.length) return `${o.orderNo}: no lines`;
      if (lines.reduce((s, l) => s + l.unitPriceFen * l.quantity, 0) !== o.goodsFen) return `${o.orderNo}: goods ≠ Σ price×qty`;
      if (lines.reduce((s, l) => s + l.paidFen, 0) + o.freightFen !== o.paidFen) return `${o.orderNo}: Σ line paid + freight ≠ paid`;
      if (lines.reduce((s, l) => s + l.discountFen, 0) > o.merchantDiscountFen) return `${o.orderNo}: line discounts > merchant discount`;
      const badLine = lines.find((l) => l.paidFen < 0 || l.paidFen > l.unitPriceFen * l.quantity - l.discountFen);
      return badLine ? `${o.orderNo}: line ${badLine.skuCode} paid ${badLine.paidFen}` : null;
    });
    expect(bad).toEqual([]);
  });

  it("records refunds consistently with refunded_fen and the status", () => {
    const refunds = groupBy(data.refunds, (r) => r.orderId);
    const bad = failures(orders, (o) => {
      const rs = refunds.get(o.id) ?? [];
      const completed = rs.filter((r) => r.status === "COMPLETED").reduce((s, r) => s + r.amountFen, 0);
      if (o.refundedFen !== completed) return `${o.orderNo}: refunded ${o.refundedFen} ≠ ${completed}`;
      if (o.refundedFen > o.paidFen) return `${o.orderNo}: refunded more than paid`;
      if (o.status === "REFUNDED" && o.refundedFen !== o.paidFen) return `${o.orderNo}: REFUNDED but partial`;
      if (o.status === "AFTER_SALE" && !rs.some((r) => r.status === "REQUESTED")) return `${o.orderNo}: AFTER_SALE without open refund`;
      const r = rs.find((x) => x.amountFen <= 0 || (x.status === "REQUESTED") !== (x.completedAt === null) || (x.completedAt !== null && x.completedAt < x.requestedAt));
      return r ? `${o.orderNo}: refund ${r.refundNo}` : null;
    });
    expect(bad).toEqual([]);
    // Partial refunds keep the fulfilment status.
    expect(orders.some((o) => o.refundedFen > 0 && o.refundedFen < o.paidFen && ["DELIVERED", "COMPLETED"].includes(o.status))).toBe(true);
  });

  it("pays through the right providers with realistic transaction ids", () => {
    const byOrder = new Map(orders.map((o) => [o.id, o]));
    const txn: Record<string, RegExp> = { WECHAT: /^4200\d{24}$/, ALIPAY: /^20\d{26}$/ };
    const bad = failures(data.payments, (p) => {
      const o = p.orderId ? byOrder.get(p.orderId) : null;
      if (o) {
        if (p.amountFen !== o.paidFen || p.paidAt !== o.paidAt) return `${p.payNo}: amount/time ≠ order`;
        const expected = o.channelId === "ch_own_mall" ? ["WECHAT", "ALIPAY"] : o.channelId === "ch_pos" ? ["CASH", "WECHAT"] : ["PLATFORM"];
        if (!expected.includes(p.provider)) return `${p.payNo}: provider ${p.provider} on ${o.channelId}`;
      }
      if (txn[p.provider] && !txn[p.provider].test(p.providerTxnId ?? "")) return `${p.payNo}: txn ${p.providerTxnId}`;
      if (p.provider === "CASH" && p.providerTxnId !== null) return `${p.payNo}: cash with txn id`;
      return /^PY\d{14}$/.test(p.payNo) ? null : `${p.payNo}: pay no`;
    });
    expect(bad).toEqual([]);
    const paid = orders.filter((o) => o.paidAt !== null).length;
    expect(data.payments.filter((p) => p.orderId !== null)).toHaveLength(paid);
    expect(data.payments.some((p) => p.orderId === null)).toBe(true); // offline sales never entered
  });
});

describe("lifecycle", () => {
  it("contains every canonical status", () => {
    const present = new Set(orders.map((o) => o.status));
    for (const s of ORDER_STATUSES) expect(present.has(s), s).toBe(true);
  });

  it("keeps times ordered, inside the window and never after asOf", () => {
    const bad = failures(orders, (o) => {
      if (o.placedAt < WINDOW_START || o.placedAt % 1000 !== 0) return `${o.orderNo}: placedAt`;
      const chain = [o.placedAt, o.paidAt, o.shippedAt, o.deliveredAt, o.completedAt].filter((t): t is number => t !== null);
      if (chain.some((t, i) => i > 0 && t < chain[i - 1])) return `${o.orderNo}: lifecycle times out of order`;
      if ([...chain, o.platformModifiedAt, o.createdAt, o.updatedAt].some((t) => t > AS_OF)) return `${o.orderNo}: after asOf`;
      return o.platformModifiedAt < o.placedAt ? `${o.orderNo}: modified before placed` : null;
    });
    expect(bad).toEqual([]);
  });

  it("sets lifecycle columns as the status requires", () => {
    const bad = failures(orders, (o) => {
      const ok =
        o.status === "PENDING_PAYMENT" || o.status === "CANCELLED" ? o.paidAt === null
          : ["PAID", "PUSHED_TO_WMS", "NEEDS_REVIEW", "ON_HOLD"].includes(o.status) ? o.paidAt !== null && o.shippedAt === null
            : o.status === "SHIPPED" ? o.shippedAt !== null && o.deliveredAt === null && o.completedAt === null
              : o.status === "DELIVERED" ? o.deliveredAt !== null && o.completedAt === null
                : o.status === "COMPLETED" ? o.completedAt !== null
                  : o.paidAt !== null;
      return ok ? null : `${o.orderNo}: ${o.status} with wrong lifecycle columns`;
    });
    expect(bad).toEqual([]);
  });

  it("writes a status log that tells the same story", () => {
    const logs = groupBy(data.statusLog, (l) => l.orderId);
    const bad = failures(orders, (o) => {
      const log = logs.get(o.id) ?? [];
      if (!log.length || log[0].fromStatus !== null) return `${o.orderNo}: first row`;
      for (let i = 1; i < log.length; i++) {
        if (log[i].fromStatus !== log[i - 1].toStatus) return `${o.orderNo}: broken chain at ${i}`;
        if (log[i].createdAt <= log[i - 1].createdAt) return `${o.orderNo}: time not increasing at ${i}`;
      }
      const last = log[log.length - 1];
      if (last.toStatus !== o.status) return `${o.orderNo}: last row ${last.toStatus} ≠ ${o.status}`;
      if (o.version !== log.length || o.createdAt !== log[0].createdAt || o.updatedAt !== last.createdAt) return `${o.orderNo}: version/created/updated`;
      const paidRow = log.find((l) => l.toStatus === "PAID");
      if (o.paidAt !== null && (!paidRow || paidRow.createdAt < o.paidAt)) return `${o.orderNo}: PAID row before paid_at`;
      return log.some((l) => !l.actorName) ? `${o.orderNo}: actor` : null;
    });
    expect(bad).toEqual([]);
    const sources = new Set(data.statusLog.map((l) => l.source));
    for (const s of ["PLATFORM_PULL", "PLATFORM_PUSH", "WMS_CALLBACK", "PAYMENT_NOTIFY", "LOGISTICS_PUSH", "SCHEDULER", "CONSOLE"]) expect(sources.has(s as never), s).toBe(true);
    expect(data.statusLog.filter((l) => l.source === "CONSOLE").every((l) => l.actorName !== "系统")).toBe(true);
  });

  it("ships exactly the shipped orders, with realistic tracking numbers", () => {
    const shipments = groupBy(data.shipments, (s) => s.orderId);
    const bad = failures(orders, (o) => {
      const s = shipments.get(o.id) ?? [];
      if (s.length !== (o.shippedAt === null ? 0 : 1)) return `${o.orderNo}: ${s.length} shipments`;
      if (s[0] && (s[0].shippedAt !== o.shippedAt || (s[0].lastEventAt !== null && s[0].lastEventAt < s[0].shippedAt))) return `${o.orderNo}: shipment times`;
      return null;
    });
    expect(bad).toEqual([]);
    const patterns: Record<string, RegExp> = {
      // Kuaidi100 carrier codes, the convention the mappers and logistics pushes use.
      shunfeng: /^SF\d{13}$/, zhongtong: /^7\d{13}$/, yuantong: /^YT\d{13}$/, yunda: /^4\d{12}$/, jd: /^JDVA\d{11}$/, shentong: /^77\d{11}$/,
    };
    expect(failures(data.shipments, (s) => !patterns[s.carrierCode].test(s.trackingNo) && `${s.carrierCode} ${s.trackingNo}`)).toEqual([]);
    expect(new Set(data.shipments.map((s) => s.carrierCode))).toEqual(new Set(Object.keys(patterns)));
  });
});

describe("identifiers", () => {
  it("are unique", () => {
    const unique = (values: (string | null)[]) => expect(new Set(values).size).toBe(values.length);
    unique(orders.map((o) => o.id));
    unique(orders.map((o) => o.orderNo));
    unique(orders.map((o) => `${o.channelId}|${o.platformOrderId}`));
    unique(data.customers.map((c) => c.id));
    unique(data.items.map((i) => i.id));
    unique(data.payments.map((p) => p.id));
    unique(data.payments.map((p) => p.payNo));
    unique(data.payments.filter((p) => p.providerTxnId).map((p) => `${p.provider}|${p.providerTxnId}`));
    unique(data.refunds.map((r) => r.refundNo));
    unique(data.shipments.map((s) => `${s.carrierCode}|${s.trackingNo}`));
    unique([...orders.map((o) => o.id), ...data.items.map((i) => i.id), ...data.customers.map((c) => c.id)]);
  });

  it("have the hub's shapes", () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const bad = failures(orders, (o) => {
      const ymd = new Date(o.placedAt + 8 * 3_600_000).toISOString().slice(2, 10).replaceAll("-", "");
      return /^OH\d{14}$/.test(o.orderNo) && uuid.test(o.id) && o.orderNo.slice(2, 8) === ymd ? null : `${o.orderNo} ${o.id}`;
    });
    expect(bad).toEqual([]);
    expect(failures(data.refunds, (r) => !/^RF\d{14}$/.test(r.refundNo) && r.refundNo)).toEqual([]);
  });
});
