/**
 * Cleansing on the way in (SPEC §1), pure: address, phone check, keyword tags from the notes,
 * test-order detection, auto-priority, and the null/invalid canonical fields the data-quality
 * figures count. The keyword list comes from the database (ingest_keywords) so it is configurable.
 */
import type { CanonicalOrder } from "./canonical-order";
import { isCityWithoutDistricts } from "../geo/regions";
import { cleanseAddress, type CleanAddress } from "./cleanse-address";

export interface KeywordRule {
  keyword: string;
  tag: string;
  priorityBoost: number;
}

/** The defaults the migration seeds; used when a caller has no database list at hand. */
export const DEFAULT_KEYWORDS: readonly KeywordRule[] = [
  { keyword: "发票", tag: "发票", priorityBoost: 0 },
  { keyword: "开票", tag: "发票", priorityBoost: 0 },
  { keyword: "赠品", tag: "赠品", priorityBoost: 0 },
  { keyword: "加急", tag: "加急", priorityBoost: 2 },
];

/** Orders paid at or above this (fen) get one more point of priority: they hurt most when late. */
export const HIGH_VALUE_FEN = 200_000;
export const PHONE_INVALID_TAG = "电话异常";
export const ADDRESS_INCOMPLETE_TAG = "地址待补全";

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/;
// Names, nicks and notes that say "this is a test": 测试单, 测试, test order (never a substring of a word).
const TEST_MARK = /测试|\btest\b/i;

export type PhoneCheck = "valid" | "invalid" | "masked" | "missing";

/** Mainland mobile (optionally +86) or landline; masked and encrypted copies are not judged. */
export function checkPhone(plain: string | null, maskedOrCipher: string | null): PhoneCheck {
  if (plain === null) return maskedOrCipher ? "masked" : "missing";
  const digits = plain.replace(/[\s()]/g, "").replace(/^(\+?86)(?=1)/, "");
  return MOBILE.test(digits) || LANDLINE.test(digits) ? "valid" : "invalid";
}

export interface CleanOrder {
  address: CleanAddress;
  phone: PhoneCheck;
  tags: string[];
  isTest: boolean;
  priority: number;
  nullFields: string[];
  invalidFields: string[];
}

export function cleanseOrder(order: CanonicalOrder, keywords: readonly KeywordRule[] = DEFAULT_KEYWORDS): CleanOrder {
  const r = order.receiver;
  const address = cleanseAddress({ province: r.province, city: r.city, district: r.district, detail: r.detail ?? r.detailMasked });
  const phone = checkPhone(r.phone, r.phoneMasked ?? r.phoneCipher);
  const notes = `${order.buyerNote ?? ""}\n${order.sellerNote ?? ""}`;
  const tags = new Set<string>();
  let priority = 0;
  for (const k of keywords) {
    if (k.keyword && notes.includes(k.keyword) && !tags.has(k.tag)) {
      tags.add(k.tag);
      priority += k.priorityBoost;
    }
  }
  if (phone === "invalid") tags.add(PHONE_INVALID_TAG);
  if (address.incomplete) tags.add(ADDRESS_INCOMPLETE_TAG);
  if (order.amounts.paidFen >= HIGH_VALUE_FEN) priority += 1;
  const isTest = [r.name, order.buyerNick, order.buyerNote, order.sellerNote].some((v) => v !== null && TEST_MARK.test(v));

  const nullFields: string[] = [];
  const isNull = (field: string, v: unknown) => (v === null || v === undefined || v === "") && nullFields.push(field);
  isNull("receiver.name", r.name ?? r.nameMasked);
  isNull("receiver.phone", r.phone ?? r.phoneMasked);
  isNull("receiver.province", address.province ?? r.province);
  isNull("receiver.city", address.city);
  if (address.city !== null && !isCityWithoutDistricts(address.city)) isNull("receiver.district", address.district);
  isNull("receiver.detail", address.detail);
  isNull("buyerNick", order.buyerNick);
  if (order.status !== "PENDING_PAYMENT" && order.status !== "CANCELLED") isNull("paidAt", order.paidAt);

  const invalidFields: string[] = [];
  if (phone === "invalid") invalidFields.push("receiver.phone");
  if (address.provinceInvalid) invalidFields.push("receiver.province");
  if (order.warnings.length > 0) invalidFields.push("amounts");
  if (order.status === "NEEDS_REVIEW") invalidFields.push("status");

  return { address, phone, tags: [...tags], isTest, priority, nullFields, invalidFields };
}
