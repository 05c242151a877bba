/**
 * Identifiers and document numbers for demo rows, plus fast China-time formatting.
 * Uniqueness never relies on luck: every number embeds a keyed bijection of the order's global
 * index, so runs over disjoint index ranges can share a database whatever their seeds.
 */
import type { EpochMs } from "./types";
import { permutedDigits, type Rng } from "./random";

const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

export interface ChinaParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday. */
  weekday: number;
}

/** Wall-clock fields in China time (UTC+8, no DST), computed without Intl for speed. */
export function chinaParts(ms: EpochMs): ChinaParts {
  const local = ms + CHINA_OFFSET_MS;
  const days = Math.floor(local / DAY_MS);
  let rem = local - days * DAY_MS;
  const hour = Math.floor(rem / 3_600_000);
  rem -= hour * 3_600_000;
  const minute = Math.floor(rem / 60_000);
  const second = Math.floor((rem - minute * 60_000) / 1000);
  // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day, hour, minute, second, weekday: (((days + 4) % 7) + 7) % 7 };
}

const p2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** "2026-11-30 21:05:09": the zone-less China time Taobao, JD and PDD send. */
export function chinaDateTime(ms: EpochMs): string {
  const t = chinaParts(ms);
  return `${t.year}-${p2(t.month)}-${p2(t.day)} ${p2(t.hour)}:${p2(t.minute)}:${p2(t.second)}`;
}

/** "2026-11-30T21:05:09+08:00" for the hub's own JSON (own mall, POS). */
export function chinaIso(ms: EpochMs): string {
  const t = chinaParts(ms);
  return `${t.year}-${p2(t.month)}-${p2(t.day)}T${p2(t.hour)}:${p2(t.minute)}:${p2(t.second)}+08:00`;
}

/** "261130" (yyMMdd) for document numbers. */
export function chinaYymmdd(ms: EpochMs): string {
  const t = chinaParts(ms);
  return `${p2(t.year % 100)}${p2(t.month)}${p2(t.day)}`;
}

/** "20261130" (yyyyMMdd) for transaction ids. */
export function chinaYyyymmdd(ms: EpochMs): string {
  const t = chinaParts(ms);
  return `${t.year}${p2(t.month)}${p2(t.day)}`;
}

/** Row kinds, so ids of different tables built from the same order index never coincide. */
export const ID_KIND = { customer: 1, order: 2, item: 3, payment: 4, refund: 5, shipment: 6 } as const;

const HEX2 = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
const HEX1 = "0123456789abcdef";
const hex8 = (n: number) => HEX2[(n >>> 24) & 255] + HEX2[(n >>> 16) & 255] + HEX2[(n >>> 8) & 255] + HEX2[n & 255];
const hex4 = (n: number) => HEX2[(n >>> 8) & 255] + HEX2[n & 255];

/**
 * A UUIDv7-shaped id: 48-bit millisecond timestamp, then random bits from the seeded stream,
 * with (kind, seq, scrambled index) in the variant field so it is unique by construction.
 * Time-ordered ids keep the primary-key B-trees append-mostly during bulk loads.
 */
export function demoUuid(rng: Rng, kind: number, index: number, seq: number, atMs: EpochMs): string {
  const scrambled = Math.imul(index, 0x9e3779b1) >>> 0;
  const ms = Math.floor(atMs);
  const high = Math.floor(ms / 65536) >>> 0; // top 32 of the 48 timestamp bits
  const randA = rng.next32() & 0xfff;
  const g4 = 0x8000 | (kind << 10) | ((seq & 0x3f) << 4) | (scrambled >>> 28);
  const randB = rng.next32() & 0xfffff;
  return (
    `${hex8(high)}-${hex4(ms % 65536)}-7${HEX1[randA >>> 8]}${HEX2[randA & 255]}-${hex4(g4)}-` +
    `${hex8(((scrambled & 0x0fffffff) << 4) | (randB >>> 16))}${hex4(randB & 0xffff)}`
  );
}

// Keys of the decimal permutations; fixed (not seed-derived) so different seeds can't collide.
const KEY = {
  orderNo: 0x4f48, payNo: 0x5059, refundNo: 0x5246, tid: 0x7469, jd: 0x4a44, pdd: 0x5044, douyin: 0x4459,
  mall: 0x4d4c, pos: 0x504f, wechat: 0x5743, alipay: 0x414c, tracking: 0x5452,
} as const;

/** Hub order number: "OH" + yyMMdd + 8 digits. */
export const orderNo = (index: number, placedAt: EpochMs) => `OH${chinaYymmdd(placedAt)}${permutedDigits(index, 4, KEY.orderNo)}`;
/** Hub pay number; `seq` 1 is an extra (orphan) payment beside the order's own. */
export const payNo = (index: number, seq: number, at: EpochMs) => `PY${chinaYymmdd(at)}${permutedDigits(index * 2 + seq, 4, KEY.payNo)}`;
export const refundNo = (index: number, at: EpochMs) => `RF${chinaYymmdd(at)}${permutedDigits(index, 4, KEY.refundNo)}`;

/** Taobao tid: 19 digits, larger than 2^53. */
export const taobaoTid = (rng: Rng, index: number) => `2${rng.digits(6)}${permutedDigits(index, 6, KEY.tid)}`;
/** JD orderId: 12 digits. */
export const jdOrderId = (index: number) => `28${permutedDigits(index, 5, KEY.jd)}`;
/** PDD order_sn: "yyMMdd-" + 15 digits. */
export const pddOrderSn = (rng: Rng, index: number, placedAt: EpochMs) => `${chinaYymmdd(placedAt)}-${rng.digits(3)}${permutedDigits(index, 6, KEY.pdd)}`;
/** Douyin shop order id: 19 digits starting 69. */
export const douyinOrderId = (rng: Rng, index: number) => `69${rng.digits(5)}${permutedDigits(index, 6, KEY.douyin)}`;
export const mallOrderNo = (index: number, placedAt: EpochMs) => `M${chinaYymmdd(placedAt)}${permutedDigits(index, 4, KEY.mall)}`;
/** POS: "<storeCode>-<receiptNo>", as lib/ingestion/mappers/pos.ts builds the platform order id. */
export const posOrderNo = (store: string, index: number, placedAt: EpochMs) => `${store}-${chinaYymmdd(placedAt)}${permutedDigits(index, 4, KEY.pos)}`;

/** WeChat Pay transaction_id: 28 digits starting 4200. */
export const wechatTxnId = (rng: Rng, index: number, seq: number, at: EpochMs) =>
  `420000${rng.digits(4)}${chinaYyyymmdd(at)}${permutedDigits(index * 2 + seq, 5, KEY.wechat)}`;
/** Alipay trade_no: 28 digits, yyyyMMdd + 2200… */
export const alipayTradeNo = (rng: Rng, index: number, seq: number, at: EpochMs) =>
  `${chinaYyyymmdd(at)}22001${rng.digits(5)}${permutedDigits(index * 2 + seq, 5, KEY.alipay)}`;

/** Tracking numbers in each carrier's usual shape; unique per carrier by order index. */
export function trackingNo(carrier: string, index: number): string {
  switch (carrier) {
    case "SF":
      return `SF1${permutedDigits(index, 6, KEY.tracking)}`; // SF + 13 digits
    case "ZTO":
      return `7${permutedDigits(index, 6, KEY.tracking + 1)}1`; // 14 digits starting 7
    case "YTO":
      return `YT${permutedDigits(index, 6, KEY.tracking + 2)}8`; // YT + 13 digits
    case "YUNDA":
      return `4${permutedDigits(index, 6, KEY.tracking + 3)}`; // 13 digits starting 4
    case "JD":
      return `JDVA${permutedDigits(index, 5, KEY.tracking + 4)}1`; // JDVA + 11 digits
    default:
      return `77${permutedDigits(index, 5, KEY.tracking + 5)}3`; // STO: 13 digits starting 77
  }
}
