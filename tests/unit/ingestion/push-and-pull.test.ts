import { describe, expect, it } from "vitest";
import { signBody, verifySignature } from "@/lib/ingestion/push/signature";
import { splitBatch } from "@/lib/ingestion/push/receive-push";
import { pageBody, pagePath, rateLimitBody, readPage } from "@/lib/ingestion/simulator/platform-envelopes";
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
  it("asks each platform in its own parameters, with China time where the platform uses it", () => {
    expect(pagePath("TMALL", "shop", q)).toContain("start_modified=2026-11-29%2008%3A00%3A00");
    expect(pagePath("PDD", "1", q)).toContain(`start_updated_at=${Date.parse("2026-11-29T00:00:00Z") / 1000}`);
    expect(pagePath("DOUYIN", "1", q)).toContain("page=1&size=50"); // Douyin pages from 0
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
