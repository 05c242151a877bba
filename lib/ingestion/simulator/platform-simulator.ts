/**
 * A local HTTP server standing in for the platforms' order APIs (real ones are out of reach): it
 * serves each demo shop's orders by modified-time window, paged, in the platform's own envelope
 * (platform-envelopes.ts), and answers some requests with the platform's rate-limit reply or a 502
 * so the pull client's backoff is exercised. Started by the worker in demo mode and by the tests.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { DEMO_CHANNELS } from "../../demo/channels";
import type { Platform } from "../../db/generated/prisma/enums";
import { pageBody, rateLimitBody } from "./platform-envelopes";
import { simulatedOrders, type SimOrder } from "./simulated-orders";

export interface SimulatorOptions {
  port?: number;
  seed?: number;
  /** Orders across all shops (default 600 over the last 3 days). */
  count?: number;
  /** Every Nth request gets the platform's rate-limit answer (0: never). */
  rateLimitEvery?: number;
  /** Every Nth request gets a 502 (0: never). */
  errorEvery?: number;
  now?: () => number;
}

export interface RunningSimulator {
  url: string;
  requests: () => number;
  close: () => Promise<void>;
}

const PREFIX: Record<string, Platform> = { taobao: "TMALL", jd: "JD", pdd: "PDD", douyin: "DOUYIN", hub: "OWN_MALL" };

function windowOf(platform: Platform, q: URLSearchParams): { from: number; to: number; page: number; size: number } {
  const china = (s: string | null) => (s ? new Date(`${s.replace(" ", "T")}+08:00`).getTime() : NaN);
  const secs = (s: string | null) => Number(s) * 1000;
  switch (platform) {
    case "TMALL":
      return { from: china(q.get("start_modified")), to: china(q.get("end_modified")), page: Number(q.get("page_no") ?? 1), size: Number(q.get("page_size") ?? 40) };
    case "JD":
      return { from: china(q.get("start_date")), to: china(q.get("end_date")), page: Number(q.get("page") ?? 1), size: Number(q.get("page_size") ?? 50) };
    case "PDD":
      return { from: secs(q.get("start_updated_at")), to: secs(q.get("end_updated_at")), page: Number(q.get("page") ?? 1), size: Number(q.get("page_size") ?? 50) };
    case "DOUYIN":
      return { from: secs(q.get("update_time_start")), to: secs(q.get("update_time_end")), page: Number(q.get("page") ?? 0) + 1, size: Number(q.get("size") ?? 50) };
    default:
      return { from: Date.parse(q.get("updatedFrom") ?? ""), to: Date.parse(q.get("updatedTo") ?? ""), page: Number(q.get("page") ?? 1), size: Number(q.get("pageSize") ?? 50) };
  }
}

export async function startPlatformSimulator(opts: SimulatorOptions = {}): Promise<RunningSimulator> {
  const now = opts.now ?? Date.now;
  let count = 0;
  let cache: { at: number; data: Map<string, SimOrder[]> } | null = null;
  const data = () => {
    const t = Math.floor(now() / 1000) * 1000;
    if (!cache || cache.at !== t) cache = { at: t, data: simulatedOrders({ count: opts.count ?? 600, seed: opts.seed ?? 2026, now: t }) };
    return cache.data;
  };
  const server: Server = createServer((req, res) => {
    count += 1;
    const send = (status: number, body: string) => {
      res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...(status === 429 ? { "retry-after": "1" } : {}) });
      res.end(body);
    };
    const url = new URL(req.url ?? "/", "http://sim");
    const [, prefix, shop] = url.pathname.split("/");
    let platform = PREFIX[prefix];
    const channel = DEMO_CHANNELS.find((c) => c.shopCode === decodeURIComponent(shop ?? "") && (c.platform === platform || (prefix === "hub" && (c.platform === "OWN_MALL" || c.platform === "POS"))));
    if (!platform || !channel) return send(404, `{"code":"NOT_FOUND"}`);
    platform = channel.platform;
    if (opts.rateLimitEvery && count % opts.rateLimitEvery === 0) return send(...rateLimitBody(platform));
    if (opts.errorEvery && count % opts.errorEvery === 0) return send(502, "<html>502 Bad Gateway</html>");
    const w = windowOf(platform, url.searchParams);
    if (!Number.isFinite(w.from) || !Number.isFinite(w.to) || w.size < 1 || w.size > 100 || w.page < 1) return send(400, `{"code":"INVALID_ARGUMENTS"}`);
    const hits = (data().get(channel.id) ?? []).filter((o) => o.modifiedAt >= w.from && o.modifiedAt <= w.to);
    const slice = hits.slice((w.page - 1) * w.size, w.page * w.size);
    send(200, pageBody(platform, slice.map((o) => o.json), hits.length, w.page * w.size < hits.length));
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => count,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
