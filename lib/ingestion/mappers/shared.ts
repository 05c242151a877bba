/**
 * Helpers shared by the per-platform mappers: the result type, errors with a machine code and a
 * Chinese message, and exact unit/time/id conversions built on lib/money and lib/time.
 */
import type { z } from "zod";
import { parseYuan, yuanNumberToFen, type Fen } from "../../money/fen";
import { parseChinaTime } from "../../time/biz-time";
import { canonicalOrderSchema, type CanonicalOrder } from "../canonical-order";
import type { OrderStatus } from "../../db/generated/prisma/enums";

export const MAP_ERROR_CODES = [
  "PLATFORM_ERROR", // the payload is the platform's error response, not an order
  "INVALID_PAYLOAD", // not the expected shape
  "MISSING_FIELD",
  "INVALID_AMOUNT",
  "INVALID_TIME",
  "INVALID_ID", // e.g. a 19-digit id that already lost precision in JSON.parse
  "MULTIPLE_ORDERS", // a list response with other than one order
  "INVALID_CANONICAL", // the mapped order breaks the canonical schema
  "UNSUPPORTED_PLATFORM",
] as const;
export type MapErrorCode = (typeof MAP_ERROR_CODES)[number];

export type MapResult =
  | { ok: true; order: CanonicalOrder }
  | { ok: false; code: MapErrorCode; message: string; field?: string };

export class MapError extends Error {
  name = "MapError";
  constructor(
    readonly code: MapErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export function fail(code: MapErrorCode, message: string, field?: string): never {
  throw new MapError(code, message, field);
}

/** Runs a mapper body, validates its output, and turns MapError into a failed MapResult. */
export function runMapper(build: () => CanonicalOrder): MapResult {
  try {
    const checked = canonicalOrderSchema.safeParse(build());
    if (checked.success) return { ok: true, order: checked.data };
    const issue = checked.error.issues[0];
    const field = issue.path.map(String).join(".");
    return { ok: false, code: "INVALID_CANONICAL", message: `映射结果不符合统一订单格式：${field}`, field };
  } catch (e) {
    if (e instanceof MapError) return { ok: false, code: e.code, message: e.message, field: e.field };
    throw e; // a bug, not bad input
  }
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let v = input;
  for (const key of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

type Issue = z.core.$ZodIssue;

/** A union's issue sits at the union; descend into the branch that got furthest for a precise path. */
function innermost(issue: Issue): { path: PropertyKey[]; code: string } {
  if (issue.code !== "invalid_union" || issue.errors.length === 0) return { path: issue.path, code: issue.code };
  const branches = issue.errors.filter((b) => b.length > 0).map((b) => innermost(b[0]));
  const best = branches.reduce((a, b) => (b.path.length > a.path.length ? b : a), { path: [], code: issue.code });
  return { path: [...issue.path, ...best.path], code: best.code };
}

/** Validates the native fields a mapper needs (extra fields are ignored, not rejected). */
export function parseNative<T extends z.ZodType>(schema: T, input: unknown, label: string): z.output<T> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const { path, code } = innermost(r.error.issues[0]);
  const field = path.map(String).join(".");
  if ((code === "invalid_type" || code === "invalid_union") && valueAt(input, path) === undefined)
    fail("MISSING_FIELD", `${label}订单缺少字段 ${field || "(根)"}`, field || undefined);
  fail("INVALID_PAYLOAD", `${label}订单字段 ${field || "(根)"} 格式无效`, field || undefined);
}

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const blank = (v: unknown): v is null | undefined | "" =>
  v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** A field that carries a value ("" and absent do not). */
export const present = (v: unknown): boolean => !blank(v);

/** "" and absent become null; strings are trimmed. */
export const str = (v: string | null | undefined): string | null => (blank(v) ? null : v!.trim());

interface AmountOpts {
  required?: boolean;
  /** Allow negative values (price changes). */
  signed?: boolean;
}

function checkSign(value: Fen, field: string, opts: AmountOpts): Fen {
  if (value < 0 && !opts.signed) fail("INVALID_AMOUNT", `金额字段 ${field} 不能为负数`, field);
  return value;
}

/**
 * Yuan → fen. Strings ("128.50", Taobao/JD/PDD refunds) are parsed exactly; JSON numbers (PDD
 * orders) are rounded at the edge, so 0.1 + 0.2 gives 30, but more than 2 decimals is refused.
 */
export function yuanToFen(v: string | number | null | undefined, field: string, opts: AmountOpts = {}): Fen {
  if (blank(v)) {
    if (opts.required) fail("MISSING_FIELD", `缺少金额字段 ${field}`, field);
    return 0;
  }
  if (typeof v === "number") {
    const fen = Number.isFinite(v) ? yuanNumberToFen(v) : NaN;
    if (!Number.isSafeInteger(fen) || Math.abs(v * 100 - fen) > 1e-3)
      fail("INVALID_AMOUNT", `金额字段 ${field} 无效：${v}`, field);
    return checkSign(fen === 0 ? 0 : fen, field, opts);
  }
  try {
    return checkSign(parseYuan(v as string), field, opts);
  } catch {
    return fail("INVALID_AMOUNT", `金额字段 ${field} 不是有效的元金额：${JSON.stringify(v)}`, field);
  }
}

/** Integer fen as sent by Douyin (a number, or a numeric string after lossless parsing). */
export function fenToInt(v: string | number | null | undefined, field: string, opts: AmountOpts = {}): Fen {
  if (blank(v)) {
    if (opts.required) fail("MISSING_FIELD", `缺少金额字段 ${field}`, field);
    return 0;
  }
  const n = typeof v === "number" ? v : /^-?\d+$/.test(v!.trim()) ? Number(v!.trim()) : NaN;
  if (!Number.isSafeInteger(n)) fail("INVALID_AMOUNT", `金额字段 ${field} 应为整数分：${JSON.stringify(v)}`, field);
  return checkSign(n, field, opts);
}

/** A count or enum code sent as a number or a numeric string ("1" in JD). */
export function intOf(v: string | number | null | undefined, field: string): number | null {
  if (blank(v)) return null;
  const n = typeof v === "number" ? v : /^-?\d+$/.test(v!.trim()) ? Number(v!.trim()) : NaN;
  if (!Number.isSafeInteger(n)) fail("INVALID_PAYLOAD", `字段 ${field} 应为整数：${JSON.stringify(v)}`, field);
  return n;
}

/** A line quantity: a positive integer, as a number or a numeric string. */
export function quantityOf(v: string | number | null | undefined, field: string): number {
  const n = intOf(v, field);
  if (n === null) fail("MISSING_FIELD", `缺少数量字段 ${field}`, field);
  if (n <= 0) fail("INVALID_PAYLOAD", `数量字段 ${field} 应为正整数：${n}`, field);
  return n;
}

// JD's 0001-01-01 / 1970-01-01 and PDD's "" mean "not set" (FORMATS rule 2).
const UNSET_TIME = /^(0001-01-01|1970-01-01|0000-00-00)/;

/** Zone-less China time → instant; unset sentinels → null; anything unreadable is an error. */
export function chinaTime(v: string | null | undefined, field: string, required = false): Date | null {
  const t = str(v);
  if (t === null || UNSET_TIME.test(t)) {
    if (required) fail("MISSING_FIELD", `缺少时间字段 ${field}`, field);
    return null;
  }
  const d = parseChinaTime(t);
  // Date rolls 2024-02-30 over into March: compare the calendar day back in UTC+8.
  const sameDay = d !== null && new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10) === t.slice(0, 10);
  if (!d || !sameDay) fail("INVALID_TIME", `时间字段 ${field} 格式无效：${JSON.stringify(t)}（应为 yyyy-MM-dd HH:mm:ss）`, field);
  return d;
}

/** Unix seconds (Douyin); 0 = unset. Values in milliseconds are refused rather than read as year 50000. */
export function unixSeconds(v: string | number | null | undefined, field: string, required = false): Date | null {
  const n = intOf(v, field);
  if (n === null || n === 0) {
    if (required) fail("MISSING_FIELD", `缺少时间字段 ${field}`, field);
    return null;
  }
  if (n < 0 || n >= 1e11) fail("INVALID_TIME", `时间字段 ${field} 不是 Unix 秒：${n}`, field);
  return new Date(n * 1000);
}

/** Ids as strings. A JSON number beyond 2^53 has already been corrupted by JSON.parse: refuse it. */
export function idOf(v: unknown, field: string): string | null {
  if (blank(v)) return null;
  if (typeof v === "string") return v.trim();
  if (typeof v === "bigint") return v.toString();
  if (typeof v === "number" && Number.isSafeInteger(v) && v >= 0) return String(v);
  return fail("INVALID_ID", `编号字段 ${field} 超出安全整数范围或无效，已丢失精度（请用 parseJsonLossless 解析或使用 *_str 字段）`, field);
}

export function requireId(v: unknown, field: string): string {
  return idOf(v, field) ?? fail("MISSING_FIELD", `缺少编号字段 ${field}`, field);
}

/** A native id field: string, or number (safe ones only; see idOf). */
export type IdLike = string | number;

export interface StatusResult {
  status: OrderStatus;
  reviewReason?: string;
}

/** A status table lookup that never matches inherited keys ("constructor", "toString"). */
export const lookup = <V>(table: Record<string | number, V>, key: string | number): V | undefined =>
  Object.hasOwn(table, key) ? table[key] : undefined;

export const review = (reason: string): StatusResult => ({ status: "NEEDS_REVIEW", reviewReason: reason });

/** Statuses on which an open after-sale turns the order into AFTER_SALE. */
export const FULFILMENT_STATUSES: readonly OrderStatus[] = ["PAID", "ON_HOLD", "SHIPPED", "DELIVERED", "COMPLETED"];
