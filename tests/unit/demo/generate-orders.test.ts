import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_PROVINCES } from "@/lib/demo/catalog-places";
import { DEMO_CHANNELS } from "@/lib/demo/channels";
import { BUYER_SHARES, DEMO_SHARES, generateDemoOrders, type GenerateDemoOrdersOptions } from "@/lib/demo/generate-orders";
import { ORDER_STATUSES, type DemoBatch, type OrderRow } from "@/lib/demo/types";
import { CITIES_WITHOUT_DISTRICTS, regionOf } from "@/lib/geo/regions";

const AS_OF = Date.parse("2026-11-30T15:20:00+08:00");
const OPTIONS: GenerateDemoOrdersOptions = { seed: 2026, count: 20_000, endDay: "2026-11-30", days: 30, asOf: AS_OF };
const WINDOW_START = Date.parse("2026-11-01T00:00:00+08:00");

function collect(options: GenerateDemoOrdersOptions): DemoBatch {
  const all: DemoBatch = { customers: [], orders: [], items: [], payments: [], refunds: [], shipments: [], statusLog: [] };
  for (const b of generateDemoOrders(options)) {
    for (const k of Object.keys(all) as (keyof DemoBatch)[]) (all[k] as unknown[]).push(...b[k]);
  }
  return all;
}

const groupBy = <T>(rows: T[], key: (r: T) => string | null) => {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    if (k === null) continue;
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
};

/** Runs `check` on every row and lists the first failures (one expect per test keeps 20k rows fast). */
function failures<T>(rows: T[], check: (row: T) => string | false | null | undefined): string[] {
  const out: string[] = [];
  for (const r of rows) {
    const msg = check(r);
    if (msg) out.push(msg);
    if (out.length >= 5) break;
  }
  return out;
}

let data: DemoBatch;
let orders: OrderRow[];
const share = (pred: (o: OrderRow) => boolean) => orders.filter(pred).length / orders.length;

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
      SF: /^SF\d{13}$/, ZTO: /^7\d{13}$/, YTO: /^YT\d{13}$/, YUNDA: /^4\d{12}$/, JD: /^JDVA\d{11}$/, STO: /^77\d{11}$/,
    };
    expect(failures(data.shipments, (s) => !patterns[s.carrierCode].test(s.trackingNo) && `${s.carrierCode} ${s.trackingNo}`)).toEqual([]);
    expect(new Set(data.shipments.map((s) => s.carrierCode))).toEqual(new Set(Object.keys(patterns)));
  });
});

describe("people and places", () => {
  it("has fewer customers than orders, many repeat buyers and cross-channel duplicates", () => {
    const ratio = data.customers.length / orders.length;
    expect(ratio).toBeGreaterThan(0.45);
    expect(ratio).toBeLessThan(0.7);
    const perCustomer = groupBy(orders, (o) => o.customerId);
    expect([...perCustomer.values()].filter((l) => l.length > 1).length / perCustomer.size).toBeGreaterThan(0.15);
    const customerIds = new Set(data.customers.map((c) => c.id));
    expect(failures(orders, (o) => o.customerId !== null && !customerIds.has(o.customerId) && `${o.orderNo}: unknown customer`)).toEqual([]);
    // The same phone on two customer rows = one person on two channels.
    const byPhone = groupBy(data.customers, (c) => c.phone);
    const dupPhones = [...byPhone.values()].filter((l) => l.length > 1).length;
    expect(dupPhones / data.customers.length).toBeGreaterThan(0.01);
    expect(dupPhones / data.customers.length).toBeLessThan(0.1);
    expect(failures(data.customers, (c) => !/^1[3-9]\d{9}$/.test(c.phone ?? "") && `${c.id}: phone ${c.phone}`)).toEqual([]);
  });

  it("keeps addresses consistent with their province, city and region", () => {
    const bad = failures(orders, (o) => {
      const where = `${o.orderNo}: ${o.receiverProvince}${o.receiverCity}${o.receiverDistrict ?? ""}`;
      const city = DEMO_PROVINCES.find((p) => p.name === o.receiverProvince)?.cities.find((c) => c.name === o.receiverCity);
      if (!city) return where;
      if (o.receiverDistrict !== null ? !city.districts.includes(o.receiverDistrict) : !(o.addressIncomplete || CITIES_WITHOUT_DISTRICTS.includes(city.name))) return where;
      if (o.receiverRegion !== regionOf(o.receiverProvince)) return `${where}: region ${o.receiverRegion}`;
      return o.receiverPhone !== null && !/^1[3-9]\d{9}$/.test(o.receiverPhone) ? `${where}: phone` : null;
    });
    expect(bad).toEqual([]);
    expect(orders.some((o) => o.receiverDistrict === null && !o.addressIncomplete)).toBe(true); // 东莞 and friends
  });

  it("spreads orders over all channels and days, busier in the evening", () => {
    for (const c of DEMO_CHANNELS) expect(share((o) => o.channelId === c.id), c.id).toBeGreaterThan(0.03);
    const hour = (t: number) => new Date(t + 8 * 3_600_000).getUTCHours();
    const evening = share((o) => hour(o.placedAt) >= 19 && hour(o.placedAt) < 23);
    const night = share((o) => hour(o.placedAt) >= 2 && hour(o.placedAt) < 6);
    expect(evening).toBeGreaterThan(night * 4);
    const days = new Set(orders.map((o) => new Date(o.placedAt + 8 * 3_600_000).toISOString().slice(0, 10)));
    expect(days.size).toBe(30);
  });
});

describe("seeded anomalies", () => {
  const between = (v: number, lo: number, hi: number) => {
    expect(v).toBeGreaterThanOrEqual(lo);
    expect(v).toBeLessThanOrEqual(hi);
  };

  it("flags incomplete addresses and pick-up points at a few per cent", () => {
    between(share((o) => o.addressIncomplete), DEMO_SHARES.addressIncomplete * 0.6, DEMO_SHARES.addressIncomplete * 1.4);
    between(share((o) => /代收点|临时仓/.test(o.receiverDetail)), 0.003, 0.02);
  });

  it("marks test orders with tiny amounts and a 测试 note", () => {
    const tests = orders.filter((o) => o.isTest);
    between(tests.length / orders.length, DEMO_SHARES.test * 0.5, DEMO_SHARES.test * 1.6);
    for (const o of tests) {
      expect(o.paidFen).toBeLessThanOrEqual(100);
      expect(o.buyerNote).toContain("测试单");
    }
  });

  it("has some orders above ¥5,000, held for approval while recent", () => {
    between(share((o) => o.paidFen > 500_000), 0.004, 0.025);
    expect(orders.some((o) => o.paidFen > 500_000 && o.status === "ON_HOLD")).toBe(true);
  });

  it("tags notes with 发票/赠品/加急 exactly when they mention them", () => {
    const bad = failures(orders, (o) => {
      const k = ["发票", "赠品", "加急"].find((word) => o.tags.includes(word) !== ((o.buyerNote ?? "").includes(word) || (o.sellerNote ?? "").includes(word)));
      return k ? `${o.orderNo}: ${k}` : null;
    });
    expect(bad).toEqual([]);
    between(share((o) => o.tags.includes("发票")), 0.02, 0.06);
    between(share((o) => o.tags.includes("赠品")), 0.012, 0.045);
    between(share((o) => o.tags.includes("加急")), 0.01, 0.04);
  });

  it("leaves paid orders unshipped for hours and shipments without (recent) tracking", () => {
    const stuck = orders.filter((o) => o.paidAt !== null && o.shippedAt === null && ["PAID", "PUSHED_TO_WMS"].includes(o.status) && AS_OF - o.paidAt > 6 * 3_600_000);
    expect(stuck.length).toBeGreaterThan(5);
    const byOrder = new Map(orders.map((o) => [o.id, o]));
    const open = data.shipments.filter((s) => byOrder.get(s.orderId)!.status === "SHIPPED");
    expect(open.filter((s) => s.lastEventAt === null && AS_OF - s.shippedAt > 6 * 3_600_000).length).toBeGreaterThan(5);
    expect(open.filter((s) => s.lastEventAt !== null && AS_OF - s.lastEventAt > 48 * 3_600_000).length).toBeGreaterThan(5);
  });

  it("has one buyer with more than 5 orders within an hour", () => {
    const byCustomer = groupBy(orders, (o) => o.customerId);
    const burst = [...byCustomer.values()].some((list) => {
      const times = list.map((o) => o.placedAt).sort((a, b) => a - b);
      return times.some((t, i) => i + 5 < times.length && times[i + 5] - t <= 3_600_000);
    });
    expect(burst).toBe(true);
    expect(BUYER_SHARES.burstRoot).toBeGreaterThan(0);
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

describe("native payloads", () => {
  const parse = (o: OrderRow) => JSON.parse(o.rawPayload) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

  it("use each platform's own shape, units and status values", () => {
    const seen = new Set<string>();
    for (const o of orders.slice(0, 4000)) {
      const p = parse(o);
      seen.add(o.channelId);
      switch (o.channelId) {
        case "ch_tmall": {
          const t = p.trade_fullinfo_get_response.trade;
          expect(t.tid_str).toBe(o.platformOrderId);
          expect(o.rawPayload).toContain(`"tid":${o.platformOrderId},`); // 19 digits, an exact JSON number
          expect(t.payment).toBe((o.paidFen / 100).toFixed(2));
          expect(t.created).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
          expect(t.status).toBe(o.platformStatus);
          break;
        }
        case "ch_jd": {
          const j = p.jingdong_pop_order_get_responce.orderDetailInfo.orderInfo;
          expect(j.orderId).toBe(o.platformOrderId);
          expect(j.orderPayment).toBe((o.paidFen / 100).toFixed(2));
          expect(j.orderState).toBe(o.platformStatus);
          break;
        }
        case "ch_pdd": {
          const d = p.order_info_get_response.order_info;
          expect(d.order_sn).toBe(o.platformOrderId);
          expect(Math.round(d.pay_amount * 100)).toBe(o.paidFen);
          expect(d.receiver_phone_mask).toMatch(/^1\d{6}\*{4}$/);
          expect(o.platformStatus).toContain(`order_status=${d.order_status}`);
          break;
        }
        case "ch_douyin": {
          const d = p.data.shop_order_detail;
          expect(d.order_id).toBe(o.platformOrderId);
          expect(d.pay_amount).toBe(o.paidFen);
          expect(d.create_time).toBe(o.placedAt / 1000);
          expect(o.platformStatus).toBe(`order_status=${d.order_status};main_status=${d.main_status}`);
          break;
        }
        case "ch_own_mall":
          expect(p.orderNo).toBe(o.platformOrderId);
          expect(p.amounts.paid).toBe((o.paidFen / 100).toFixed(2));
          expect(p.status).toBe(o.platformStatus);
          break;
        case "ch_pos":
          expect(`${p.storeCode}-${p.receiptNo}`).toBe(o.platformOrderId);
          expect(p.amounts.paid).toBe((o.paidFen / 100).toFixed(2));
          break;
      }
    }
    expect(seen.size).toBe(6);
  });
});
