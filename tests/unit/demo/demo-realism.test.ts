import { beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_PROVINCES } from "@/lib/demo/catalog-places";
import { DEMO_CHANNELS } from "@/lib/demo/channels";
import { BUYER_SHARES, DEMO_SHARES, generateDemoOrders } from "@/lib/demo/generate-orders";
import type { DemoBatch, OrderRow } from "@/lib/demo/types";
import { CITIES_WITHOUT_DISTRICTS, regionOf } from "@/lib/geo/regions";
import { bizDay } from "@/lib/time/biz-time";
import { AS_OF, collect, failures, groupBy, OPTIONS, shareOf } from "./fixture";

// People, places, seeded anomalies and native payloads of the demo data.

// Whole-dataset checks over 20k orders: generous per-test time for a busy CI machine.
vi.setConfig({ testTimeout: 30_000 });

let data: DemoBatch;
let orders: OrderRow[];
const share = (pred: (o: OrderRow) => boolean) => shareOf(orders, pred);

beforeAll(() => {
  data = collect(OPTIONS);
  orders = data.orders;
}, 60_000);

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

describe("default asOf", () => {
  it("never places anything in the future when endDay is today", () => {
    const today = bizDay(new Date());
    const before = Date.now();
    const [batch] = [...generateDemoOrders({ seed: 1, count: 300, endDay: today })];
    const latest = Math.max(...batch.orders.map((o) => Math.max(o.updatedAt, o.platformModifiedAt)), ...batch.statusLog.map((l) => l.createdAt));
    expect(latest).toBeLessThanOrEqual(Math.max(Date.now(), before));
  });
});
