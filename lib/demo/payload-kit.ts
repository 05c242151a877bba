/**
 * Shared pieces of the native payload builders: the context every builder gets, money and time
 * formatting, big-number JSON, masking and ciphertext look-alikes, carrier codes.
 */
import type { PosStore } from "./catalog-places";
import type { DemoPlatform } from "./channels";
import type { HoldPlan, Lifecycle } from "./lifecycle";
import type { DemoAddress } from "./people";
import type { Pricing } from "./pricing";
import { Rng } from "./random";
import type { CarrierCode, EpochMs, OrderStatus, PaymentProvider } from "./types";

/** Carrier names and the codes each system uses (logistics-alerts.md §5.11; PDD/JD ids illustrative). */
export const CARRIERS: Record<CarrierCode, { name: string; k100: string; pdd: number; jd: string }> = {
  SF: { name: "顺丰速运", k100: "shunfeng", pdd: 44, jd: "467" },
  ZTO: { name: "中通快递", k100: "zhongtong", pdd: 115, jd: "463" },
  YTO: { name: "圆通速递", k100: "yuantong", pdd: 85, jd: "463" },
  YUNDA: { name: "韵达快递", k100: "yunda", pdd: 121, jd: "1327" },
  JD: { name: "京东物流", k100: "jd", pdd: 120, jd: "2087" },
  STO: { name: "申通快递", k100: "shentong", pdd: 1, jd: "470" },
};

export interface PayloadContext {
  rng: Rng;
  index: number;
  platform: DemoPlatform;
  platformOrderId: string;
  shopCode: string;
  status: OrderStatus;
  life: Lifecycle;
  hold: HoldPlan;
  unknownStatus: boolean;
  placedAt: EpochMs;
  pricing: Pricing;
  address: DemoAddress;
  receiverName: string;
  receiverPhone: string | null;
  buyerNick: string | null;
  buyerNote: string | null;
  sellerNote: string | null;
  invoice: boolean;
  shipment: { carrier: CarrierCode; trackingNo: string } | null;
  payment: { provider: PaymentProvider; txnId: string | null; method: "WECHAT" | "ALIPAY" | "CASH" } | null;
  store: PosStore | null;
  memberNo: string | null;
  cashier: string | undefined;
}

export interface NativePayload {
  json: string;
  platformStatus: string;
}

/** Where the goods are, independent of after-sale overlays. */
export type Fulfilment = "unshipped" | "shipped" | "delivered" | "completed";
export function fulfilmentOf(life: Lifecycle): Fulfilment {
  if (life.completedAt !== null) return "completed";
  if (life.deliveredAt !== null) return "delivered";
  if (life.shippedAt !== null) return "shipped";
  return "unshipped";
}

export const yuan = (fen: number) => {
  const abs = Math.abs(fen);
  return `${fen < 0 ? "-" : ""}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
};

/** A number JSON.stringify cannot write exactly (19 digits > 2^53); see `stringify`. */
export const bigNumber = (digits: string) => `\u0000N:${digits}`;
const BIG = /"\\u0000N:(\d+)"/g;

/** JSON.stringify that writes `bigNumber` markers as bare digits, as Taobao and Douyin do. */
export function stringify(value: unknown): string {
  const text = JSON.stringify(value);
  return text.includes("\\u0000N:") ? text.replace(BIG, "$1") : text;
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
// One fixed pool of base64 noise; slices of it are as opaque as fresh noise and far cheaper.
const NOISE = (() => {
  const rng = new Rng(0x43495048, 0, 0);
  let out = "";
  for (let i = 0; i < 8192; i++) out += B64[rng.next32() & 63];
  return out;
})();

/** Opaque ciphertext-looking text (platforms encrypt PII; we can't and needn't decrypt it). */
export function cipher(rng: Rng, length: number): string {
  const at = rng.next32() % (NOISE.length - length);
  return NOISE.slice(at, at + length);
}

/** "李**"-style name masking. */
export const maskName = (name: string) => name.slice(0, 1) + "*".repeat(Math.max(1, name.length - 1));
/** Digits of a detail address starred, as marketplaces show them. */
export const maskDetail = (detail: string) => detail.replace(/\d+/g, "**");
