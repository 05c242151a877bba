import { describe, expect, it } from "vitest";
import { signBody, verifySignature } from "@/lib/ingestion/push/signature";
import { splitBatch } from "@/lib/ingestion/push/receive-push";
import { badSignatureBody, pageBody, pageRequest, rateLimitBody, readPage } from "@/lib/ingestion/simulator/platform-envelopes";
import { douyinSign, jdSign, pddSign, topSign } from "@/lib/ingestion/platform-sign";
import { parseJsonLossless } from "@/lib/ingestion/mappers";
import { candidateWarehouses, mergeLines } from "@/lib/routing/route-order";

describe("push signature", () => {
  const body = new TextEncoder().encode('{"orderNo":"M1"}');
  it("verifies hex HMAC-SHA256 of the raw bytes, case-insensitively, and refuses anything else", () => {
    const sig = signBody("s3cret", body);
    expect(verifySignature("s3cret", body, sig)).toBe(true);
    expect(verifySignature("s3cret", body, sig.toUpperCase())).toBe(true);
    expect(verifySignature("other", body, sig)).toBe(false);
    expect(verifySignature("s3cret", new TextEncoder().encode('{"orderNo":"M1" }'), sig)).toBe(false);
    expect(verifySignature("s3cret", body, null)).toBe(false);
    expect(verifySignature("s3cret", body, "abc")).toBe(false);
  });
  it("matches a known vector", () => {
    // RFC-style public vector (Wikipedia "HMAC"): HMAC_SHA256("key", "The quick brown fox jumps over the lazy dog").
    expect(signBody("key", "The quick brown fox jumps over the lazy dog")).toBe("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
  });
  it("splits batches", () => {
    expect(splitBatch([{ a: 1 }, { a: 2 }])).toHaveLength(2);
    expect(splitBatch({ orders: [{ a: 1 }] })).toHaveLength(1);
    expect(splitBatch({ orderNo: "x" })).toBeNull();
  });
});

describe("platform envelopes", () => {
  const q = { from: new Date("2026-11-29T00:00:00Z"), to: new Date("2026-11-29T01:00:00Z"), page: 2, pageSize: 50 };
  const creds = { shopCode: "shop", appKey: "APPKEY1", secret: "s3cret", accessToken: "tok" };
  const at = new Date("2026-11-29T02:00:00Z");
  const form = (body?: string) => Object.fromEntries(new URLSearchParams(body));
  const unsigned = (f: Record<string, string>) => Object.fromEntries(Object.entries(f).filter(([k]) => k !== "sign"));
  it("asks each platform at its gateway, in its own parameters, signed with its own scheme", () => {
    const top = form(pageRequest("TMALL", creds, q, at).body);
    expect(top).toMatchObject({ method: "taobao.trades.sold.increment.get", app_key: "APPKEY1", session: "tok", start_modified: "2026-11-29 08:00:00", timestamp: "2026-11-29 10:00:00", page_no: "2" });
    expect(top.sign).toBe(topSign(unsigned(top), "s3cret"));

    const jd = pageRequest("JD", creds, q, at);
    expect(jd.path).toBe("/routerjson");
    const jdForm = form(jd.body);
    expect(JSON.parse(jdForm["360buy_param_json"])).toMatchObject({ start_date: "2026-11-29 08:00:00", page: "2", page_size: "50" });
    expect(jdForm.sign).toBe(jdSign(unsigned(jdForm), "s3cret"));

    const pdd = form(pageRequest("PDD", creds, q, at).body);
    expect(pdd).toMatchObject({ type: "pdd.order.number.list.increment.get", client_id: "APPKEY1", start_updated_at: String(Date.parse("2026-11-29T00:00:00Z") / 1000) });
    expect(pdd.sign).toBe(pddSign(unsigned(pdd), "s3cret"));

    const dy = pageRequest("DOUYIN", creds, q, at);
    expect(JSON.parse(dy.body!)).toMatchObject({ page: 1, size: 50 }); // Douyin pages from 0
    const dq = Object.fromEntries(new URL(dy.path, "http://x").searchParams);
    expect(dq.sign).toBe(douyinSign({ appKey: "APPKEY1", method: "order.searchList", paramJson: dy.body!, timestamp: dq.timestamp }, "s3cret"));

    const hub = pageRequest("OWN_MALL", creds, q, at);
    expect(hub).toMatchObject({ method: "GET", headers: { "x-signature": signBody("s3cret", hub.path) } });
  });
  it("reads each platform's bad-signature answer as a final error, not a rate limit", () => {
    for (const p of ["TMALL", "JD", "PDD", "DOUYIN"] as const) expect(readPage(p, JSON.parse(badSignatureBody(p)[1]), 1, 50)).toMatchObject({ kind: "error" });
  });
  it("reads pages, keeps 19-digit ids exact, and recognises each rate-limit answer", () => {
    const raw = pageBody("TMALL", ['{"tid":6930000000000000001}'], 51, true);
    expect(readPage("TMALL", parseJsonLossless(raw), 1, 50)).toEqual({ kind: "page", orders: [{ tid: "6930000000000000001" }], total: 51, hasNext: true });
    expect(readPage("JD", parseJsonLossless(pageBody("JD", ["{}"], 51, true)), 2, 50)).toMatchObject({ hasNext: false });
    for (const p of ["TMALL", "JD", "PDD", "DOUYIN"] as const) expect(readPage(p, JSON.parse(rateLimitBody(p)[1]), 1, 50)).toEqual({ kind: "rateLimited" });
    expect(readPage("PDD", { error_response: { error_code: 10019, error_msg: "access_token已过期" } }, 1, 50)).toEqual({ kind: "error", code: "PLATFORM_10019" });
  });
});

describe("routing rules", () => {
  const rules = [
    { kind: "SKU_PREFIX", matchValue: "DJ", warehouseId: "WH_BJ" },
    { kind: "REGION", matchValue: "华东", warehouseId: "WH_HZ" },
    { kind: "REGION", matchValue: "华南", warehouseId: "WH_GZ" },
    { kind: "FALLBACK", matchValue: null, warehouseId: "WH_HZ" },
  ];
  it("orders candidates by rule, SKU prefix only when every line matches, fallback last without repeats", () => {
    expect(candidateWarehouses(rules, "华南", [{ skuCode: "TS-1", quantity: 1 }])).toEqual(["WH_GZ", "WH_HZ"]);
    expect(candidateWarehouses(rules, "华东", [{ skuCode: "DJ-1", quantity: 1 }])).toEqual(["WH_BJ", "WH_HZ"]);
    expect(candidateWarehouses(rules, "华东", [{ skuCode: "DJ-1", quantity: 1 }, { skuCode: "TS-1", quantity: 1 }])).toEqual(["WH_HZ"]);
    expect(candidateWarehouses(rules, null, [{ skuCode: "X", quantity: 1 }])).toEqual(["WH_HZ"]);
  });
  it("merges and sorts lines so reservations lock in one order", () => {
    expect(mergeLines([{ skuCode: "B", quantity: 1 }, { skuCode: "A", quantity: 2 }, { skuCode: "B", quantity: 3 }])).toEqual([{ skuCode: "A", quantity: 2 }, { skuCode: "B", quantity: 4 }]);
  });
});

describe("OpenAPI description", () => {
  it("documents the push endpoint and the own-mall / POS order JSON from the mappers' schemas", async () => {
    const { pushOpenApi } = await import("@/lib/ingestion/push/openapi");
    const doc = pushOpenApi();
    const post = doc.paths["/api/channels/{channelId}/orders"].post;
    expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(["200", "401", "422"]));
    expect(post.parameters.map((p) => p.name)).toContain("X-Signature");
    const own = doc.components.schemas.OwnMallOrder as { required: string[]; properties: Record<string, unknown> };
    expect(own.required).toEqual(expect.arrayContaining(["orderNo", "status", "createdAt", "updatedAt", "receiver", "items", "amounts"]));
    expect(Object.keys((doc.components.schemas.PosOrder as { properties: object }).properties)).toContain("storeCode");
  });
});
