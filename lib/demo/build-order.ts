/**
 * Builds every row of one demo order from its index: flags (anomalies), address, items and
 * money, lifecycle, payment, shipment, refund, status log and the native payload.
 */
import { regionOf } from "../geo/regions";
import { PICKUP_POINTS, POS_STORES, ROADS } from "./catalog-places";
import {
  COMPANY_TITLES, STAFF, GIFT_NOTES, INVOICE_NOTES, PLAIN_BUYER_NOTES, PLAIN_SELLER_NOTES, SELLER_GIFT_NOTES,
  SELLER_INVOICE_NOTES, SELLER_URGENT_NOTES, TAG_KEYWORDS, TEST_NOTES, URGENT_NOTES,
} from "./catalog-people";
import { demoChannelFor, type DemoPlatform } from "./channels";
import { simulateLifecycle, type HoldPlan, type LogisticsPlan, type RefundPlan } from "./lifecycle";
import {
  alipayTradeNo, demoUuid, douyinOrderId, ID_KIND, jdOrderId, mallOrderNo, orderNo, payNo, pddOrderSn,
  posOrderNo, refundNo, taobaoTid, trackingNo, wechatTxnId, chinaYyyymmdd,
} from "./numbers";
import { CARRIERS as CARRIER_CODES } from "./payload-kit";
import { buildPayload, type PayloadContext } from "./payloads";
import { personName, type DemoAddress, type Person } from "./people";
import { partialRefundAmount, priceOrder } from "./pricing";
import { permutedDigits, Rng, WeightedTable } from "./random";
import type { CarrierCode, DemoBatch, EpochMs, PaymentProvider } from "./types";

/** Shares of the seeded problems (SPEC §3 rules need something to find). Tests check them. */
export const DEMO_SHARES = {
  neverPaid: 0.06, // of TMALL/DOUYIN/OWN_MALL orders
  test: 0.005,
  highValue: 0.008,
  addressIncomplete: 0.02,
  pickupPoint: 0.006,
  unknownStatus: 0.002, // of TMALL/DOUYIN orders
  platformHold: 0.006,
  pushStuck: 0.006,
  shipStuck: 0.02,
  logisticsNone: 0.02,
  logisticsStale: 0.02,
  invoiceNote: 0.03,
  giftNote: 0.02,
  urgentNote: 0.015,
  orphanPayment: 0.02, // of POS orders: an offline sale never entered
} as const;

const REFUND_PLANS = new WeightedTable<RefundPlan>([["none", 0.936], ["preShip", 0.02], ["returnFull", 0.015], ["partial", 0.025], ["rejected", 0.004]]);
const CARRIERS = new WeightedTable<CarrierCode>([["SF", 20], ["ZTO", 28], ["YTO", 22], ["YUNDA", 15], ["STO", 15]]);
const TRANSIT_DAYS: Record<string, number> = { 华东: 1, 华南: 2, 华北: 2, 华中: 2, 东北: 3, 西南: 3, 西北: 4 };
const SALT_ORDER = 0x4f524452;

export interface OrderIdentity {
  index: number;
  platform: DemoPlatform;
  placedAt: EpochMs;
  now: EpochMs;
  /** null for a POS walk-in with no membership. */
  customerId: string | null;
  person: Person | null;
  storeIndex: number;
  /** This order introduces its customer row. */
  newCustomer: boolean;
  burst: boolean;
}

export function buildOrder(seed: number, o: OrderIdentity, out: DemoBatch): void {
  const rng = new Rng(seed, o.index, SALT_ORDER);
  const { platform, placedAt, index } = o;
  const channel = demoChannelFor(platform);
  const store = platform === "POS" ? POS_STORES[o.storeIndex] : null;
  const marketplace = platform !== "OWN_MALL" && platform !== "POS";

  const test = platform !== "POS" && rng.chance(DEMO_SHARES.test);
  const highValue = !test && platform !== "POS" && rng.chance(DEMO_SHARES.highValue);

  // Address: the store for POS, else the person's home (sometimes office), with seeded defects.
  let address: DemoAddress;
  let addressIncomplete = false;
  if (store) address = { province: store.province, city: store.city, district: store.district, detail: `门店自提·${store.name}`, remote: false };
  else {
    const p = o.person!;
    address = { ...(p.office && rng.chance(0.15) ? p.office : p.home) };
    if (o.burst || rng.chance(DEMO_SHARES.pickupPoint)) address.detail = `${rng.pick(ROADS)}${rng.int(1, 500)}号${rng.pick(PICKUP_POINTS)}`;
    if (address.district !== null && rng.chance(DEMO_SHARES.addressIncomplete)) {
      address.district = null;
      addressIncomplete = true;
    }
  }
  const receiverName = o.person ? (rng.chance(0.08) ? personName(rng) : o.person.name) : "门店散客";
  const receiverPhone = o.person?.phone ?? null;
  const pricing = priceOrder(rng, platform, { test, highValue, remote: address.remote });

  const neverPaid = !test && (platform === "TMALL" || platform === "DOUYIN" || platform === "OWN_MALL") && rng.chance(DEMO_SHARES.neverPaid);
  const unknownStatus = !neverPaid && !test && (platform === "TMALL" || platform === "DOUYIN") && rng.chance(DEMO_SHARES.unknownStatus);
  let hold: HoldPlan = "none";
  if (test) hold = "lowPrice";
  else if (platform !== "POS" && pricing.paidFen > 500_000) hold = "approval";
  else if (marketplace && rng.chance(DEMO_SHARES.platformHold)) hold = "platform";
  const logistics: LogisticsPlan = rng.chance(DEMO_SHARES.logisticsNone) ? "none" : rng.chance(DEMO_SHARES.logisticsStale) ? "stale" : "normal";
  const region = regionOf(address.province);
  let refund: RefundPlan = platform === "POS" ? (rng.chance(0.01) ? "returnFull" : "none") : REFUND_PLANS.pick(rng);
  if (test) refund = rng.chance(0.7) ? "preShip" : "none";

  const life = simulateLifecycle({
    rng, platform, placedAt, now: o.now, neverPaid, unknownStatus, addressReview: addressIncomplete, hold,
    pushStuck: rng.chance(DEMO_SHARES.pushStuck), shipStuck: rng.chance(DEMO_SHARES.shipStuck), logistics,
    transitDays: (TRANSIT_DAYS[region ?? "华东"] ?? 2) + (address.remote ? 1 : 0) + rng.int(0, 1),
    refund, paidFen: pricing.paidFen, partialRefundFen: pricing.paidFen > 200 ? partialRefundAmount(rng, pricing) : 1,
  });

  // Notes and the tags the hub derives from them.
  let buyerNote: string | null = null;
  const r = rng.float();
  if (test) buyerNote = rng.pick(TEST_NOTES);
  else if (r < DEMO_SHARES.invoiceNote) buyerNote = rng.pick(INVOICE_NOTES).replace("{company}", rng.pick(COMPANY_TITLES));
  else if (r < DEMO_SHARES.invoiceNote + DEMO_SHARES.giftNote) buyerNote = rng.pick(GIFT_NOTES);
  else if (r < DEMO_SHARES.invoiceNote + DEMO_SHARES.giftNote + DEMO_SHARES.urgentNote) buyerNote = rng.pick(URGENT_NOTES);
  else if (r < 0.15 && platform !== "POS") buyerNote = rng.pick(PLAIN_BUYER_NOTES);
  const sellerNote = rng.chance(0.06) ? rng.pick([...PLAIN_SELLER_NOTES, ...PLAIN_SELLER_NOTES, rng.pick(SELLER_INVOICE_NOTES), rng.pick(SELLER_GIFT_NOTES), rng.pick(SELLER_URGENT_NOTES)]) : null;
  const tags = TAG_KEYWORDS.filter((k) => (buyerNote?.includes(k) ?? false) || (sellerNote?.includes(k) ?? false));

  const orderId = demoUuid(rng, ID_KIND.order, index, 0, placedAt);
  const carrier: CarrierCode = platform === "JD" && rng.chance(0.85) ? "JD" : highValue ? "SF" : CARRIERS.pick(rng);
  const shipment = life.shippedAt !== null ? { carrier, trackingNo: trackingNo(carrier, index) } : null;

  let payment: PayloadContext["payment"] = null;
  if (life.paidAt !== null) {
    const method = platform === "POS" ? (rng.chance(0.2) ? "CASH" : "WECHAT") : rng.chance(platform === "TMALL" ? 0 : 0.68) ? "WECHAT" : "ALIPAY";
    const provider: PaymentProvider = marketplace ? "PLATFORM" : method;
    let txnId: string | null = method === "WECHAT" ? wechatTxnId(rng, index, 0, life.paidAt) : method === "ALIPAY" ? alipayTradeNo(rng, index, 0, life.paidAt) : null;
    if (platform === "JD") txnId = `JDPAY${chinaYyyymmdd(life.paidAt)}${permutedDigits(index, 5, 0x4a50)}`;
    payment = { provider, txnId, method };
    const seenPaid = life.log.find((e) => e.to === "PAID")?.at ?? life.paidAt;
    out.payments.push({
      id: demoUuid(rng, ID_KIND.payment, index, 0, placedAt), payNo: payNo(index, 0, life.paidAt), orderId, provider,
      providerTxnId: txnId, amountFen: pricing.paidFen, paidAt: life.paidAt, createdAt: seenPaid,
    });
  }
  if (platform === "POS" && rng.chance(DEMO_SHARES.orphanPayment)) {
    const at = placedAt + rng.int(10, 240) * 60_000;
    if (at < o.now) {
      out.payments.push({
        id: demoUuid(rng, ID_KIND.payment, index, 1, placedAt), payNo: payNo(index, 1, at), orderId: null, provider: "WECHAT",
        providerTxnId: wechatTxnId(rng, index, 1, at), amountFen: rng.int(20, 600) * 100 - rng.pick([0, 10, 100]), paidAt: at, createdAt: at + 3_000,
      });
    }
  }

  const platformOrderId =
    platform === "TMALL" ? taobaoTid(rng, index)
      : platform === "JD" ? jdOrderId(index)
        : platform === "PDD" ? pddOrderSn(rng, index, placedAt)
          : platform === "DOUYIN" ? douyinOrderId(rng, index)
            : platform === "OWN_MALL" ? mallOrderNo(index, placedAt)
              : posOrderNo(store!.code, index, placedAt);
  const memberNo = o.person && !marketplace ? `VIP${permutedDigits(index, 4, 0x4d42)}` : null;
  const buyerNick = !o.person ? null : platform === "TMALL" || platform === "OWN_MALL" ? o.person.nick : platform === "JD" ? `jd_${o.person.phone.slice(-4)}${o.person.nick.length}${o.person.phone.slice(3, 6)}` : platform === "POS" ? `会员${o.person.phone.slice(-4)}` : null;
  const status = life.status;
  const native = buildPayload({
    rng, index, platform, platformOrderId, shopCode: channel.shopCode, status, life, hold, unknownStatus, placedAt, pricing, address,
    receiverName, receiverPhone, buyerNick, buyerNote, sellerNote, invoice: tags.includes("发票"), shipment, payment, store, memberNo,
    cashier: store ? rng.pick(STAFF.store) : undefined,
  });

  const refundedFen = life.refund?.status === "COMPLETED" ? life.refund.amountFen : 0;
  const log = life.log;
  out.orders.push({
    id: orderId, orderNo: orderNo(index, placedAt), channelId: channel.id, platformOrderId, platformStatus: native.platformStatus,
    status, customerId: o.customerId, buyerNick, receiverName, receiverPhone,
    receiverProvince: address.province, receiverCity: address.city, receiverDistrict: address.district, receiverDetail: address.detail,
    receiverRegion: region, addressIncomplete,
    goodsFen: pricing.goodsFen, freightFen: pricing.freightFen, merchantDiscountFen: pricing.merchantDiscountFen,
    platformSubsidyFen: pricing.platformSubsidyFen, couponFen: pricing.couponFen, paidFen: pricing.paidFen, refundedFen,
    buyerNote, sellerNote, tags, isTest: test, priority: (tags.includes("加急") ? 1 : 0) + (pricing.paidFen > 500_000 ? 1 : 0),
    placedAt, paidAt: life.paidAt, shippedAt: life.shippedAt, deliveredAt: life.deliveredAt, completedAt: life.completedAt,
    platformModifiedAt: life.platformModifiedAt, rawPayload: native.json, version: log.length,
    createdAt: log[0].at, updatedAt: log[log.length - 1].at,
  });
  if (o.newCustomer && o.customerId && o.person) {
    out.customers.push({ id: o.customerId, displayName: o.person.name, phone: o.person.phone, createdAt: log[0].at });
  }
  pricing.lines.forEach((l, i) => {
    out.items.push({
      id: demoUuid(rng, ID_KIND.item, index, i, placedAt), orderId, skuCode: l.sku.code,
      title: l.sku.variant ? `${l.sku.title} ${l.sku.variant.replace(/[^:;]+:/g, "").replace(/;/g, " ")}` : l.sku.title,
      quantity: l.quantity, unitPriceFen: l.unitPriceFen, discountFen: l.discountFen, paidFen: l.paidFen,
    });
  });
  if (life.refund) {
    out.refunds.push({
      id: demoUuid(rng, ID_KIND.refund, index, 0, placedAt), refundNo: refundNo(index, life.refund.requestedAt), orderId,
      amountFen: life.refund.amountFen, reason: life.refund.reason, status: life.refund.status,
      requestedAt: life.refund.requestedAt, completedAt: life.refund.completedAt,
    });
  }
  if (shipment && life.shippedAt !== null) {
    out.shipments.push({
      id: demoUuid(rng, ID_KIND.shipment, index, 0, placedAt), orderId, carrierCode: CARRIER_CODES[shipment.carrier].k100, trackingNo: shipment.trackingNo,
      shippedAt: life.shippedAt, lastEventAt: life.lastEventAt, lastEvent: life.lastEvent,
    });
  }
  for (const e of log) {
    out.statusLog.push({
      orderId, fromStatus: e.from, toStatus: e.to, action: e.action, actorId: null, actorName: e.actorName,
      source: e.source, reason: e.reason, createdAt: e.at,
    });
  }
}
