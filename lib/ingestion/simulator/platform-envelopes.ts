/**
 * How each platform's order-list API wraps a page, and how it says "too many requests" or "failed".
 * Shared by the simulator (to answer) and the pull client (to read), so the two cannot drift.
 * Query parameter names follow the platforms' increment/search APIs (FORMATS files); the hub's own
 * channels (own mall, POS) use a plain JSON API with HTTP 429 + Retry-After.
 */
import type { Platform } from "../../db/generated/prisma/enums";

export interface PageQuery {
  from: Date;
  to: Date;
  page: number;
  pageSize: number;
}

/** Path and query of one page request, relative to the channel's API base URL. */
export function pagePath(platform: Platform, shopCode: string, q: PageQuery): string {
  const s = (d: Date) => encodeURIComponent(new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace("T", " "));
  const secs = (d: Date) => Math.floor(d.getTime() / 1000);
  const shop = encodeURIComponent(shopCode);
  switch (platform) {
    case "TMALL":
      return `/taobao/${shop}/trades.sold.increment?start_modified=${s(q.from)}&end_modified=${s(q.to)}&page_no=${q.page}&page_size=${q.pageSize}&use_has_next=true`;
    case "JD":
      return `/jd/${shop}/pop.order.search?start_date=${s(q.from)}&end_date=${s(q.to)}&date_type=0&page=${q.page}&page_size=${q.pageSize}`;
    case "PDD":
      return `/pdd/${shop}/order.number.list.increment?start_updated_at=${secs(q.from)}&end_updated_at=${secs(q.to)}&page=${q.page}&page_size=${q.pageSize}&is_lucky_flag=0`;
    case "DOUYIN":
      return `/douyin/${shop}/order.searchList?update_time_start=${secs(q.from)}&update_time_end=${secs(q.to)}&page=${q.page - 1}&size=${q.pageSize}`;
    default:
      return `/hub/${shop}/orders?updatedFrom=${encodeURIComponent(q.from.toISOString())}&updatedTo=${encodeURIComponent(q.to.toISOString())}&page=${q.page}&pageSize=${q.pageSize}`;
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

/** The platform's rate-limit answer: [HTTP status, body]. Taobao, PDD and Douyin say it inside a 200. */
export function rateLimitBody(platform: Platform): [number, string] {
  switch (platform) {
    case "TMALL":
      return [200, `{"error_response":{"code":7,"msg":"App Call Limited","sub_code":"accesscontrol.limited-by-app-access-count","sub_msg":"This ban will last for 1 more seconds"}}`];
    case "JD":
      return [200, `{"error_response":{"code":"19","zh_desc":"调用频率超限","en_desc":"call frequency exceeded"}}`];
    case "PDD":
      return [200, `{"error_response":{"error_code":70031,"error_msg":"调用过于频繁，请调整调用频率","sub_code":"70031"}}`];
    case "DOUYIN":
      return [200, `{"code":50002,"msg":"请求过于频繁","sub_code":"isv.flow-limit","sub_msg":"触发限流"}`];
    default:
      return [429, `{"code":"RATE_LIMITED","message":"too many requests"}`];
  }
}

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
