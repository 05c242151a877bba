import { describe, expect, it } from "vitest";
import { canonicalOrderSchema } from "@/lib/ingestion/canonical-order";
import { MAP_ERROR_CODES, mapNativeOrder, type NativePlatform } from "@/lib/ingestion/mappers";
import { err, expectBalanced, fixture, ok } from "./helpers";

const samples: [NativePlatform, string][] = [
  ["TMALL", "taobao-t1"], ["TMALL", "taobao-t2"], ["JD", "jd-j1"], ["JD", "jd-j2"], ["PDD", "pdd-normal"], ["PDD", "pdd-tricky"],
  ["DOUYIN", "douyin-normal"], ["DOUYIN", "douyin-tricky"], ["OWN_MALL", "own-mall-paid"], ["POS", "pos-sale"],
];

describe("mapNativeOrder", () => {
  it.each(samples)("%s %s → a valid, balanced canonical order", (platform, name) => {
    const o = ok(mapNativeOrder(platform, fixture(name)));
    expect(canonicalOrderSchema.parse(o)).toEqual(o);
    expect(typeof o.platformOrderId).toBe("string");
    expect(o.reviewReason).toBeUndefined();
    expectBalanced(o);
  });

  it.each(samples)("%s %s: the platform's ids are strings, money integers", (platform, name) => {
    const o = ok(mapNativeOrder(platform, fixture(name)));
    for (const i of o.items) {
      expect(typeof i.platformLineId).toBe("string");
      expect(Number.isInteger(i.paidFen) && Number.isInteger(i.unitPriceFen)).toBe(true);
    }
  });

  it("routes PDD options through", () => {
    const order = { ...fixture("pdd-normal").order_info_get_response.order_info, refund_status: 4 };
    expect(ok(mapNativeOrder("PDD", order)).status).toBe("NEEDS_REVIEW");
    const o = ok(mapNativeOrder("PDD", order, { pddRefundedWithoutRows: "REFUNDED" }));
    expect(o.status).toBe("REFUNDED");
  });

  it("a platform the build does not know is refused, not thrown", () => {
    const r = err(mapNativeOrder("AMAZON" as NativePlatform, {}));
    expect(r.code).toBe("UNSUPPORTED_PLATFORM");
    expect(MAP_ERROR_CODES).toContain(r.code);
  });

  it.each(["TMALL", "JD", "PDD", "DOUYIN", "OWN_MALL", "POS"] as NativePlatform[])("%s: null, arrays and strings are refused with a code", (platform) => {
    for (const payload of [null, [], "x", 42, {}]) {
      const r = err(mapNativeOrder(platform, payload));
      expect(MAP_ERROR_CODES).toContain(r.code);
      expect(r.message).toMatch(/[\u4e00-\u9fff]/); // Chinese
    }
  });
});
