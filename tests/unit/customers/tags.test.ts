import { describe, expect, it } from "vitest";
import { customerTags } from "../../../lib/customers/customer-tags";

const now = new Date("2026-11-30T04:00:00Z");
const o = (paidFen: number, daysAgo: number, extra: { refundedFen?: number; status?: string } = {}) => ({
  paidFen, refundedFen: extra.refundedFen ?? 0, status: extra.status ?? "COMPLETED", placedAt: new Date(now.getTime() - daysAgo * 86_400_000),
});

describe("customer tags", () => {
  it("a single small order is NEW only", () => expect(customerTags([o(9_900, 3)], now)).toEqual(["NEW"]));
  it("three orders this month make a FREQUENT buyer", () => expect(customerTags([o(100, 1), o(100, 5), o(100, 20)], now)).toEqual(["FREQUENT"]));
  it("old orders are not frequent", () => expect(customerTags([o(100, 40), o(100, 50), o(100, 60)], now)).toEqual([]));
  it("¥2,000 paid is VIP and a high average order value", () => expect(customerTags([o(150_000, 10), o(60_000, 90)], now)).toEqual(["VIP", "HIGH_AOV"]));
  it("five orders is VIP", () => expect(customerTags([1, 2, 3, 4, 5].map((d) => o(100, d * 40)), now)).toContain("VIP"));
  it("a third or more refunded means RETURNS", () => expect(customerTags([o(100, 40, { refundedFen: 100 }), o(100, 50), o(100, 60)], now)).toEqual(["RETURNS"]));
  it("cancelled and unpaid orders do not count", () => expect(customerTags([o(500_000, 1, { status: "CANCELLED" }), o(0, 1, { status: "PENDING_PAYMENT" })], now)).toEqual([]));
});
