import { describe, expect, it } from "vitest";
import { ordersHref } from "../../../components/dashboards/drill-links";
import { fillDays, rangeDays } from "../../../lib/dashboards/dashboard-days";
import { parseDashboardFilter } from "../../../lib/dashboards/dashboard-filter";
import { drillWhere, UNROUTED } from "../../../lib/dashboards/drill-filter";
import { qualityScore } from "../../../lib/dashboards/quality-score";
import { REWORK_TARGETS, ROLLBACK_PAIRS, transitionKind } from "../../../lib/dashboards/transition-kinds";

describe("transition kinds", () => {
  it("classes status changes", () => {
    expect(transitionKind(null, "PAID", "PLATFORM_PULL")).toBe("NORMAL");
    expect(transitionKind("PAID", "SHIPPED", "CONSOLE")).toBe("MANUAL");
    expect(transitionKind("PAID", "ON_HOLD", "CONSOLE")).toBe("OVERRIDE");
    expect(transitionKind("PAID", "CANCELLED", "CONSOLE")).toBe("OVERRIDE");
    expect(transitionKind("ON_HOLD", "PAID", "CONSOLE")).toBe("ROLLBACK");
    expect(transitionKind("NEEDS_REVIEW", "PAID", "SCHEDULER")).toBe("ROLLBACK");
    expect(transitionKind("SHIPPED", "PAID", "PLATFORM_PULL")).toBe("ROLLBACK");
    expect(transitionKind("AFTER_SALE", "SHIPPED", "CONSOLE")).toBe("MANUAL"); // a refund closing is not a rollback
  });
  it("rollbacks go backwards only", () => {
    expect(ROLLBACK_PAIRS).toContainEqual(["COMPLETED", "PENDING_PAYMENT"]);
    expect(ROLLBACK_PAIRS).not.toContainEqual(["PAID", "SHIPPED"]);
    expect(REWORK_TARGETS).toEqual(["ON_HOLD", "NEEDS_REVIEW"]);
  });
});

describe("dashboard filter", () => {
  it("defaults to the last 30 business days without test orders", () => {
    expect(parseDashboardFilter({}, "2026-11-30")).toEqual({ from: "2026-11-01", to: "2026-11-30", includeTest: false });
    expect(parseDashboardFilter({ to: "2026-03-01" }, "2026-11-30").from).toBe("2026-01-31");
  });
  it("refuses reversed, too long or malformed ranges with a code", () => {
    expect(() => parseDashboardFilter({ from: "2026-11-30", to: "2026-11-01" })).toThrow(expect.objectContaining({ code: "DASHBOARD_RANGE_INVALID" }));
    expect(() => parseDashboardFilter({ from: "2024-01-01", to: "2026-11-01" })).toThrow(expect.objectContaining({ code: "DASHBOARD_RANGE_INVALID" }));
    expect(() => parseDashboardFilter({ from: "30.11.2026" })).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
  });
  it("fills missing days with zeros", () => {
    const f = { from: "2026-11-28", to: "2026-12-01" };
    expect(rangeDays(f)).toEqual(["2026-11-28", "2026-11-29", "2026-11-30", "2026-12-01"]);
    expect(fillDays(f, [{ day: "2026-11-30", n: 5 }], (day) => ({ day, n: 0 })).map((d) => d.n)).toEqual([0, 0, 5, 0]);
  });
});

describe("drill-down", () => {
  const f = { from: "2026-11-01", to: "2026-11-30", includeTest: false };
  it("links to the order list with the figure's filter", () => {
    expect(ordersHref(f, { status: ["PAID", "PUSHED_TO_WMS"], wh: "WH_HZ" })).toBe("/orders?status=PAID,PUSHED_TO_WMS&from=2026-11-01&to=2026-11-30&hideTest=true&wh=WH_HZ");
    expect(ordersHref({ ...f, includeTest: true }, { from: null, to: null, kind: "ROLLBACK", evFrom: "2026-11-05", evTo: "2026-11-05" }))
      .toBe("/orders?kind=ROLLBACK&evFrom=2026-11-05&evTo=2026-11-05");
    expect(ordersHref(f, { channel: "ch_own_mall", flag: ["paid", "late"], actor: "张三", src: "CONSOLE" }))
      .toBe("/orders?channel=ch_own_mall&from=2026-11-01&to=2026-11-30&hideTest=true&flag=paid,late&actor=张三&src=CONSOLE");
  });
  it("turns drill parameters into order filters", () => {
    expect(drillWhere({ flag: ["late"], warehouse: UNROUTED })).toEqual([{ dashFact: { is: { AND: [{ cycleMinutes: { gt: 120 } }, { warehouseId: "" }] } } }]);
    expect(drillWhere({ kind: "REFUSED", evFrom: "2026-11-05", evTo: "2026-11-05" })).toEqual([
      { refusals: { some: { createdAt: { gte: new Date("2026-11-04T16:00:00Z"), lt: new Date("2026-11-05T16:00:00Z") } } } },
    ]);
    expect(drillWhere({})).toEqual([]);
  });
});

describe("data-quality score", () => {
  it("is the mean of completeness, consistency and timeliness", () => {
    expect(qualityScore({ attempts: 100, complete: 90, consistent: 80, stored: 50, onTime: 35 })).toEqual({ completeness: 0.9, consistency: 0.8, timeliness: 0.7, score: 80 });
    expect(qualityScore({ attempts: 10, complete: 10, consistent: 0, stored: 0, onTime: 0 })).toEqual({ completeness: 1, consistency: 0, timeliness: null, score: 50 });
    expect(qualityScore({ attempts: 0, complete: 0, consistent: 0, stored: 0, onTime: 0 }).score).toBeNull();
  });
});
