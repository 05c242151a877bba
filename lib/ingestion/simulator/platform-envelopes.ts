/**
 * How each platform's order-list API is called and signed, how it wraps a page, and how it says "too
 * many requests", "bad signature" or "failed". Shared by the simulator (to check and answer) and the
 * pull client (to ask and read), so the two cannot drift. Requests follow the platforms' gateways and
 * parameter names (shared/formats) and carry each platform's own signature (lib/ingestion/platform-sign.ts);
 * the hub's own channels (own mall, POS) use a plain JSON API signed with X-Signature and HTTP 429.
 */
import type { Platform } from "../../db/generated/prisma/enums";
import { formatChinaTime } from "../../time/biz-time";
import { douyinParamJson, douyinSign, jdSign, pddSign, topSign, type Params } from "../platform-sign";
import { signBody } from "../push/signature";

export interface PageQuery {
  from: Date;
  to: Date;
  page: number;
  pageSize: number;
}

/** What the pull client signs with: the channel's app key and secret, and the shop's access token. */
export interface ApiCredentials {
  shopCode: string;
  appKey: string | null;
  secret: string;
  accessToken: string | null;
}

export interface PageRequest {
  /** Path and query, relative to the channel's API base URL. */
  path: string;
  method: "GET" | "POST";
  headers: Record<string, string>;
  body?: string;
}

export const API_METHODS = {
  TMALL: "taobao.trades.sold.increment.get",
  JD: "jingdong.pop.order.search",
  PDD: "pdd.order.number.list.increment.get",
  DOUYIN: "order.searchList",
} as const;

// The trade fields the Taobao mapper reads (TOP returns only the fields asked for).
const TOP_FIELDS = "tid,tid_str,status,type,created,pay_time,consign_time,end_time,modified,buyer_nick,buyer_open_uid,receiver_name,receiver_mobile,receiver_phone,receiver_state,receiver_city,receiver_district,receiver_town,receiver_address,oaid,total_fee,post_fee,discount_fee,adjust_fee,payment,coupon_fee,platform_subsidy_fee,buyer_message,seller_memo,orders";

const FORM = { "content-type": "application/x-www-form-urlencoded;charset=utf-8" };
const form = (p: Params) => new URLSearchParams(Object.entries(p).filter(([, v]) => v !== null && v !== undefined && v !== "").map(([k, v]) => [k, String(v)])).toString();
const secs = (d: Date) => Math.floor(d.getTime() / 1000);

/** One signed page request. `at` is the signing time (the platforms check it against their clock). */
export function pageRequest(platform: Platform, c: ApiCredentials, q: PageQuery, at = new Date()): PageRequest {
  switch (platform) {
    case "TMALL": {
      const p: Params = {
        method: API_METHODS.TMALL, app_key: c.appKey, session: c.accessToken, timestamp: formatChinaTime(at), format: "json", v: "2.0", sign_method: "md5",
        fields: TOP_FIELDS, start_modified: formatChinaTime(q.from), end_modified: formatChinaTime(q.to), page_no: q.page, page_size: q.pageSize, use_has_next: "true",
      };
      return { path: "/router/rest", method: "POST", headers: FORM, body: form({ ...p, sign: topSign(p, c.secret) }) };
    }
    case "JD": {
      // dateType 0: by modified time. Keys alphabetical; the JSON is signed and sent byte-identical.
      const json = JSON.stringify({ date_type: "0", end_date: formatChinaTime(q.to), page: String(q.page), page_size: String(q.pageSize), start_date: formatChinaTime(q.from) });
      const p: Params = { method: API_METHODS.JD, app_key: c.appKey, access_token: c.accessToken, timestamp: formatChinaTime(at), v: "2.0", "360buy_param_json": json };
      return { path: "/routerjson", method: "POST", headers: FORM, body: form({ ...p, sign: jdSign(p, c.secret) }) };
    }
    case "PDD": {
      const p: Params = {
        type: API_METHODS.PDD, client_id: c.appKey, access_token: c.accessToken, timestamp: secs(at), data_type: "JSON",
        start_updated_at: secs(q.from), end_updated_at: secs(q.to), page: q.page, page_size: q.pageSize, is_lucky_flag: 0, use_has_next: "true",
      };
      return { path: "/api/router", method: "POST", headers: FORM, body: form({ ...p, sign: pddSign(p, c.secret) }) };
    }
    case "DOUYIN": {
      // Douyin pages from 0; the body is the exact param_json that was signed.
      const paramJson = douyinParamJson({ order_asc: true, order_by: "update_time", page: q.page - 1, size: q.pageSize, update_time_end: secs(q.to), update_time_start: secs(q.from) });
      const timestamp = secs(at);
      const sign = douyinSign({ appKey: c.appKey ?? "", method: API_METHODS.DOUYIN, paramJson, timestamp }, c.secret);
      const query = form({ app_key: c.appKey, method: API_METHODS.DOUYIN, access_token: c.accessToken, timestamp, v: "2", sign_method: "md5", sign });
      return { path: `/order/searchList?${query}`, method: "POST", headers: { "content-type": "application/json;charset=utf-8" }, body: paramJson };
    }
    default: {
      const path = `/hub/${encodeURIComponent(c.shopCode)}/orders?updatedFrom=${encodeURIComponent(q.from.toISOString())}&updatedTo=${encodeURIComponent(q.to.toISOString())}&page=${q.page}&pageSize=${q.pageSize}`;
      return { path, method: "GET", headers: { "x-signature": signBody(c.secret, path) } };
    }
  }
}

/** A page body built from raw order JSON texts (kept as text so 19-digit ids stay exact). */
export function pageBody(platform: Platform, ordersJson: string[], total: number, hasNext: boolean): string {
  const list = `[${ordersJson.join(",")}]`;
  switch (platform) {
    case "TMALL":
      return `{"trades_sold_increment_get_response":{"total_results":${total},"has_next":${hasNext},"trades":{"trade":${list}}}}`;
    case "JD":
      return `{"jingdong_pop_order_search_responce":{"code":"0","searchorderinfo_result":{"apiResult":{"success":true},"orderTotal":${total},"orderInfoList":${list}}}}`;
    case "PDD":
      return `{"order_number_list_increment_get_response":{"total_count":${total},"has_next":${hasNext},"order_sn_list":${list}}}`;
    case "DOUYIN":
      return `{"code":10000,"msg":"success","data":{"total":${total},"shop_order_list":${list}}}`;
    default:
      return `{"total":${total},"hasMore":${hasNext},"orders":${list}}`;
  }
}

type ErrorAnswer = "rateLimited" | "badSignature";

/**
 * The platforms' own error answers, inside an HTTP 200 as they send them. Rate limits: Taobao 7, JD 19,
 * PDD 70031, Douyin 50002. Bad signatures: the codes are the simulator's (shared/formats gives none).
 */
const PLATFORM_ERRORS: Partial<Record<Platform, Record<ErrorAnswer, string>>> = {
  TMALL: {
    rateLimited: `{"error_response":{"code":7,"msg":"App Call Limited","sub_code":"accesscontrol.limited-by-app-access-count","sub_msg":"This ban will last for 1 more seconds"}}`,
    badSignature: `{"error_response":{"code":25,"msg":"Invalid signature","sub_code":"isv.invalid-signature","sub_msg":"签名无效"}}`,
  },
  JD: {
    rateLimited: `{"error_response":{"code":"19","zh_desc":"调用频率超限","en_desc":"call frequency exceeded"}}`,
    badSignature: `{"error_response":{"code":"66","zh_desc":"签名无效","en_desc":"Invalid signature"}}`,
  },
  PDD: {
    rateLimited: `{"error_response":{"error_code":70031,"error_msg":"调用过于频繁，请调整调用频率","sub_code":"70031"}}`,
    badSignature: `{"error_response":{"error_code":10014,"error_msg":"签名错误","sub_code":"10014","sub_msg":"sign invalid"}}`,
  },
  DOUYIN: {
    rateLimited: `{"code":50002,"msg":"请求过于频繁","sub_code":"isv.flow-limit","sub_msg":"触发限流"}`,
    badSignature: `{"code":40004,"msg":"签名校验失败","sub_code":"isv.sign-invalid","sub_msg":"sign 不正确"}`,
  },
};
// The hub's own API says it with HTTP statuses.
const HUB_ERRORS: Record<ErrorAnswer, [number, string]> = {
  rateLimited: [429, `{"code":"RATE_LIMITED","message":"too many requests"}`],
  badSignature: [401, `{"code":"BAD_SIGNATURE","message":"invalid X-Signature"}`],
};

function errorAnswer(platform: Platform, kind: ErrorAnswer): [number, string] {
  const body = PLATFORM_ERRORS[platform]?.[kind];
  return body ? [200, body] : HUB_ERRORS[kind];
}

/** The platform's rate-limit answer: [HTTP status, body]. */
export const rateLimitBody = (platform: Platform) => errorAnswer(platform, "rateLimited");

/** The platform's answer to a request whose signature does not verify: [HTTP status, body]. */
export const badSignatureBody = (platform: Platform) => errorAnswer(platform, "badSignature");

export type PageReading =
  | { kind: "page"; orders: unknown[]; total: number; hasNext: boolean }
  | { kind: "rateLimited" }
  | { kind: "error"; code: string };

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Reads a parsed page body; `page`/`pageSize` decide "more" where the platform gives only a total. */
export function readPage(platform: Platform, body: unknown, page: number, pageSize: number): PageReading {
  const b = obj(body);
  const err = obj(b.error_response);
  if (Object.keys(err).length) {
    const code = String(err.code ?? err.error_code ?? "");
    return code === "7" || code === "19" || code === "70031" || /limit/i.test(String(err.sub_code ?? "")) ? { kind: "rateLimited" } : { kind: "error", code: `PLATFORM_${code || "ERROR"}` };
  }
  const byTotal = (n: number, total: number) => page * pageSize < total && n > 0;
  switch (platform) {
    case "TMALL": {
      const r = obj(b.trades_sold_increment_get_response);
      const orders = arr(obj(r.trades).trade);
      return { kind: "page", orders, total: Number(r.total_results ?? 0), hasNext: r.has_next === true };
    }
    case "JD": {
      const r = obj(obj(b.jingdong_pop_order_search_responce).searchorderinfo_result);
      const orders = arr(r.orderInfoList);
      const total = Number(r.orderTotal ?? 0);
      return { kind: "page", orders, total, hasNext: byTotal(orders.length, total) };
    }
    case "PDD": {
      const r = obj(b.order_number_list_increment_get_response);
      return { kind: "page", orders: arr(r.order_sn_list), total: Number(r.total_count ?? 0), hasNext: r.has_next === true };
    }
    case "DOUYIN": {
      if (b.code !== 10000) return b.code === 50002 ? { kind: "rateLimited" } : { kind: "error", code: `PLATFORM_${String(b.code)}` };
      const d = obj(b.data);
      const orders = arr(d.shop_order_list);
      const total = Number(d.total ?? 0);
      return { kind: "page", orders, total, hasNext: byTotal(orders.length, total) };
    }
    default:
      return { kind: "page", orders: arr(b.orders), total: Number(b.total ?? 0), hasNext: b.hasMore === true };
  }
}
