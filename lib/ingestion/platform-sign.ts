/**
 * The platforms' own signature schemes (shared/formats): API request signing for Taobao/Tmall TOP
 * (tmall-jd.md §1.10), JD JOS (§2.8), Pinduoduo (pdd-douyin.md §1.6) and Douyin (§2.7), and Douyin's
 * push `event-sign` (§2.6). Pure functions: the pull client signs with them, the platform simulator
 * and the push endpoint verify with them. Every scheme's worked example is a unit test vector.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export type Params = Record<string, string | number | boolean | null | undefined>;

const md5Hex = (s: string) => createHash("md5").update(s, "utf8").digest("hex");

/** Sorted by key (ASCII), `key+value` with no separators, empty values and `sign` left out. */
function concatSorted(params: Params): string {
  return Object.keys(params)
    .filter((k) => k !== "sign" && params[k] !== null && params[k] !== undefined && params[k] !== "")
    .sort()
    .map((k) => `${k}${String(params[k])}`)
    .join("");
}

export type TopSignMethod = "md5" | "hmac" | "hmac-sha256";

/** TOP: md5 → MD5(secret+str+secret); hmac → HMAC-MD5; hmac-sha256 → HMAC-SHA256; uppercase hex. `sign_method` is signed too. */
export function topSign(params: Params, secret: string): string {
  const str = concatSorted(params);
  const method = String(params.sign_method ?? "md5") as TopSignMethod;
  if (method === "hmac") return createHmac("md5", secret).update(str, "utf8").digest("hex").toUpperCase();
  if (method === "hmac-sha256") return createHmac("sha256", secret).update(str, "utf8").digest("hex").toUpperCase();
  return md5Hex(`${secret}${str}${secret}`).toUpperCase();
}

/** JD JOS and Pinduoduo share the scheme: MD5(secret + sorted key+value + secret), uppercase hex. */
export function jdSign(params: Params, secret: string): string {
  return md5Hex(`${secret}${concatSorted(params)}${secret}`).toUpperCase();
}

export const pddSign = jdSign;

/**
 * Douyin `param_json`: keys sorted recursively, compact, no Unicode/HTML escaping (JSON.stringify
 * escapes neither). Sent as the request body exactly as signed.
 */
export function douyinParamJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === "object") return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort((v as Record<string, unknown>)[k])]));
    return v;
  };
  return JSON.stringify(sort(value));
}

export interface DouyinSignInput {
  appKey: string;
  method: string;
  paramJson: string;
  timestamp: string | number;
  signMethod?: "md5" | "hmac-sha256";
}

/** secret + app_key… method… param_json… timestamp… v2 + secret; md5 or HMAC-SHA256, lowercase hex. */
export function douyinSign(i: DouyinSignInput, secret: string): string {
  const str = `${secret}app_key${i.appKey}method${i.method}param_json${i.paramJson}timestamp${i.timestamp}v2${secret}`;
  return i.signMethod === "hmac-sha256" ? createHmac("sha256", secret).update(str, "utf8").digest("hex") : md5Hex(str);
}

/** Douyin message push: event-sign = md5_hex(app_key + raw body + app_secret), over the raw bytes. */
export function douyinEventSign(appKey: string, rawBody: Uint8Array | string, secret: string): string {
  return createHash("md5").update(appKey, "utf8").update(rawBody).update(secret, "utf8").digest("hex");
}

/** Constant-time comparison of two hex signatures, case-insensitive. */
export function sameHex(expected: string, given: string | null | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected.toLowerCase(), "utf8");
  const b = Buffer.from(given.trim().toLowerCase(), "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}
