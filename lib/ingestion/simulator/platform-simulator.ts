/**
 * A local HTTP server standing in for the platforms' order APIs (real ones are out of reach): it
 * answers at each platform's gateway path (TOP /router/rest, JD /routerjson, PDD /api/router, Douyin
 * /order/searchList, the hub's /hub/{shop}/orders), finds the demo shop by its app key, verifies the
 * platform's own signature (a bad one gets the platform's error envelope), and serves the shop's
 * orders by modified-time window, paged, in the platform's envelope (platform-envelopes.ts). Some
 * requests get the platform's rate-limit reply or a 502 so the pull client's backoff is exercised. Started by the worker in demo mode and by the tests.
 */
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { DEMO_CHANNELS } from "../../demo/channels";
import type { Platform } from "../../db/generated/prisma/enums";
import { douyinSign, jdSign, pddSign, sameHex, topSign } from "../platform-sign";
import { verifySignature } from "../push/signature";
import { badSignatureBody, pageBody, rateLimitBody } from "./platform-envelopes";
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

type Fields = Record<string, string>;

/** A request as the platform gateway sees it: which platform, which app (or hub shop), the signed fields. */
interface ApiCall {
  platform: Platform | "HUB";
  /** App key (TOP/JD/Douyin app_key, PDD client_id) or, for the hub API, the shop code. */
  caller: string;
  fields: Fields;
  /** The business parameters (JD and Douyin send them as one JSON string). */
  biz: Record<string, unknown>;
  signatureOk: (secret: string) => boolean;
}

const json = (text: string | undefined): Record<string, unknown> => {
  try {
    const v = JSON.parse(text ?? "");
    return v && typeof v === "object" ? v : {};
  } catch {
    return {};
  }
};

function readCall(url: URL, body: string, headers: IncomingHttpHeaders): ApiCall | null {
  const form = Object.fromEntries(new URLSearchParams(body));
  const query = Object.fromEntries(url.searchParams);
  const without = (f: Fields) => Object.fromEntries(Object.entries(f).filter(([k]) => k !== "sign"));
  switch (url.pathname) {
    case "/router/rest":
      return { platform: "TMALL", caller: form.app_key ?? "", fields: form, biz: form, signatureOk: (secret) => sameHex(topSign(without(form), secret), form.sign) };
    case "/routerjson":
      return { platform: "JD", caller: form.app_key ?? "", fields: form, biz: json(form["360buy_param_json"]), signatureOk: (secret) => sameHex(jdSign(without(form), secret), form.sign) };
    case "/api/router":
      return { platform: "PDD", caller: form.client_id ?? "", fields: form, biz: form, signatureOk: (secret) => sameHex(pddSign(without(form), secret), form.sign) };
    case "/order/searchList":
      return {
        platform: "DOUYIN", caller: query.app_key ?? "", fields: query, biz: json(body),
        signatureOk: (secret) => sameHex(douyinSign({ appKey: query.app_key ?? "", method: query.method ?? "", paramJson: body, timestamp: query.timestamp ?? "", signMethod: query.sign_method === "hmac-sha256" ? "hmac-sha256" : "md5" }, secret), query.sign),
      };
  }
  const hub = /^\/hub\/([^/]+)\/orders$/.exec(url.pathname);
  if (!hub) return null;
  return { platform: "HUB", caller: decodeURIComponent(hub[1]), fields: query, biz: query, signatureOk: (secret) => verifySignature(secret, new TextEncoder().encode(url.pathname + url.search), String(headers["x-signature"] ?? "")) };
}

function windowOf(platform: Platform, b: Record<string, unknown>): { from: number; to: number; page: number; size: number } {
  const china = (s: unknown) => (typeof s === "string" ? new Date(`${s.replace(" ", "T")}+08:00`).getTime() : NaN);
  const secs = (s: unknown) => Number(s) * 1000;
  const num = (v: unknown, d: number) => (v === undefined || v === null || v === "" ? d : Number(v));
  switch (platform) {
    case "TMALL":
      return { from: china(b.start_modified), to: china(b.end_modified), page: num(b.page_no, 1), size: num(b.page_size, 40) };
    case "JD":
      return { from: china(b.start_date), to: china(b.end_date), page: num(b.page, 1), size: num(b.page_size, 50) };
    case "PDD":
      return { from: secs(b.start_updated_at), to: secs(b.end_updated_at), page: num(b.page, 1), size: num(b.page_size, 50) };
    case "DOUYIN":
      return { from: secs(b.update_time_start), to: secs(b.update_time_end), page: num(b.page, 0) + 1, size: num(b.size, 50) };
    default:
      return { from: Date.parse(String(b.updatedFrom ?? "")), to: Date.parse(String(b.updatedTo ?? "")), page: num(b.page, 1), size: num(b.pageSize, 50) };
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
  const server: Server = createServer(async (req, res) => {
    count += 1;
    const n = count;
    const send = (status: number, body: string) => {
      res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...(status === 429 ? { "retry-after": "1" } : {}) });
      res.end(body);
    };
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? "/", "http://sim");
    const call = readCall(url, Buffer.concat(chunks).toString("utf8"), req.headers);
    const channel = call && DEMO_CHANNELS.find((c) => (call.platform === "HUB" ? (c.platform === "OWN_MALL" || c.platform === "POS") && c.shopCode === call.caller : c.platform === call.platform && c.appKey === call.caller));
    if (!call || !channel) return send(404, `{"code":"NOT_FOUND"}`);
    const platform = channel.platform;
    if (opts.rateLimitEvery && n % opts.rateLimitEvery === 0) return send(...rateLimitBody(platform));
    if (opts.errorEvery && n % opts.errorEvery === 0) return send(502, "<html>502 Bad Gateway</html>");
    if (!call.signatureOk(channel.secret)) return send(...badSignatureBody(platform));
    const w = windowOf(platform, call.biz);
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
