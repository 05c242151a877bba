import { describe, expect, it } from "vitest";
import { tagRules } from "../../../lib/customers/customer-tags";

describe("customer tag rules (configurable thresholds)", () => {
  it("defaults: VIP ¥2,000 or 5 orders, 3 orders in 30 days, ¥500 average, 30 % returns", () =>
    expect(tagRules({})).toEqual({ vipPaidFen: 200_000, vipOrders: 5, frequentOrders: 3, frequentDays: 30, highAovFen: 50_000, returnRatePct: 30 }));
  it("reads yuan, days and percent from the environment", () =>
    expect(tagRules({ CUSTOMER_TAG_VIP_PAID_YUAN: "5000", CUSTOMER_TAG_FREQUENT_DAYS: "90", CUSTOMER_TAG_RETURN_RATE_PCT: "50" })).toMatchObject({
      vipPaidFen: 500_000, frequentDays: 90, returnRatePct: 50, vipOrders: 5,
    }));
  it("a bad value keeps every default instead of stopping the jobs", () =>
    expect(tagRules({ CUSTOMER_TAG_VIP_ORDERS: "lots", CUSTOMER_TAG_FREQUENT_DAYS: "60" })).toEqual(tagRules({})));
  it("empty values count as unset", () => expect(tagRules({ CUSTOMER_TAG_HIGH_AOV_YUAN: "" }).highAovFen).toBe(50_000));
});
