import { describe, expect, it } from "vitest";
import { mapPosOrder } from "@/lib/ingestion/mappers";
import { err, expectBalanced, fixture, ok, utc } from "./helpers";

describe("offline POS", () => {
  const o = ok(mapPosOrder(fixture("pos-sale")));

  it("one receipt is one completed order, id scoped by store", () => {
    expect(o).toMatchObject({
      platformOrderId: "HZ01-20240618-0042",
      status: "COMPLETED",
      placedAt: utc("2024-06-18T07:30:00Z"),
      paidAt: utc("2024-06-18T07:30:00Z"),
      completedAt: utc("2024-06-18T07:30:00Z"),
      platformModifiedAt: utc("2024-06-18T07:30:00Z"),
      buyerKey: "VIP0001",
      shipments: [],
    });
    expect(o.amounts).toEqual({ goodsFen: 11800, freightFen: 0, merchantDiscountFen: 800, platformSubsidyFen: 0, couponFen: 0, adjustmentFen: 0, paidFen: 11000 });
    expectBalanced(o);
  });

  it("mixed tender: one payment per method", () => {
    expect(o.payments).toEqual([
      { provider: "CASH", amountFen: 6000, paidAt: utc("2024-06-18T07:30:00Z") },
      { provider: "ALIPAY", providerTxnId: "2024061822001400000000000001", amountFen: 5000, paidAt: utc("2024-06-18T07:30:10Z") },
    ]);
  });

  it("a walk-in member has name and phone, no address", () => {
    expect(o.receiver).toMatchObject({ name: "张三", phone: "13900001111", province: null, city: null, detail: null });
  });

  it("a counter return is a refund; the sale's amounts stay", () => {
    const p = fixture("pos-sale");
    Object.assign(p, { updatedAt: "2024-06-19T11:00:00+08:00", refunds: [{ refundNo: "HZ01-R-0007", amount: "55.00", status: "COMPLETED", requestedAt: "2024-06-19T11:00:00+08:00" }] });
    const m = ok(mapPosOrder(p));
    expect(m.status).toBe("COMPLETED");
    expect(m.amounts.paidFen).toBe(11000);
    expect(m.refunds).toEqual([expect.objectContaining({ platformRefundId: "HZ01-R-0007", amountFen: 5500, status: "COMPLETED" })]);
    expect(m.platformModifiedAt).toEqual(utc("2024-06-19T03:00:00Z"));
  });

  it.each([
    ["voided", "CANCELLED", "CANCELLED"],
    ["unknown", "GIFTED", "NEEDS_REVIEW"],
  ])("%s receipt → %s", (_l, status, canonical) => {
    expect(ok(mapPosOrder({ ...fixture("pos-sale"), status })).status).toBe(canonical);
  });

  it.each([
    ["no payment", "MISSING_FIELD", "payments", (p: any) => delete p.payments],
    ["empty payments", "INVALID_PAYLOAD", "payments", (p: any) => (p.payments = [])],
    ["store code with a dash", "INVALID_PAYLOAD", "storeCode", (p: any) => (p.storeCode = "HZ-01")],
    ["zone-less sale time", "INVALID_PAYLOAD", "soldAt", (p: any) => (p.soldAt = "2024-06-18 15:30:00")],
  ])("%s → %s", (_l, code, field, mutate) => {
    const p = fixture("pos-sale");
    mutate(p);
    expect(err(mapPosOrder(p))).toMatchObject({ code, field });
  });
});
