import { describe, expect, it } from "vitest";
import { addBizDays, BizDay, bizDay, bizDayRange, formatBizTime, formatDuration, isBizDay, parseChinaTime } from "../../lib/time/biz-time";

describe("business time", () => {
  it("reads zone-less platform times as China time, whatever the server zone", () => {
    expect(parseChinaTime("2026-11-30 00:00:05")?.toISOString()).toBe("2026-11-29T16:00:05.000Z");
    expect(parseChinaTime("2026-11-30T08:30")?.toISOString()).toBe("2026-11-30T00:30:00.000Z");
  });

  it("treats unset sentinels and junk as no time", () => {
    for (const v of ["", "0001-01-01 00:00:00", "1970-01-01 00:00:00", null, undefined, "yesterday", "2026-13-45 99:99:99"]) {
      expect(parseChinaTime(v)).toBeNull();
    }
  });

  it("puts a payment at 00:00:05 China time on the next business day", () => {
    const instant = new Date("2026-11-29T16:00:05Z");
    expect(bizDay(instant)).toBe("2026-11-30");
    expect(bizDay(new Date("2026-11-29T15:59:59Z"))).toBe("2026-11-29");
  });

  it("gives a business day's half-open range", () => {
    const r = bizDayRange("2026-11-30");
    expect(r.gte.toISOString()).toBe("2026-11-29T16:00:00.000Z");
    expect(r.lt.toISOString()).toBe("2026-11-30T16:00:00.000Z");
    expect(() => bizDayRange("2026-1-1")).toThrow();
    expect(addBizDays("2026-11-30", 1)).toBe("2026-12-01");
    expect(addBizDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("formats in the business zone", () => {
    expect(formatBizTime(new Date("2026-11-29T16:05:00Z"))).toContain("2026/11/30 00:05");
    expect(formatDuration(125 * 60_000)).toBe("2 小时 5 分");
    expect(formatDuration(3 * 86_400_000 + 3_600_000, "en")).toBe("3d 1h");
  });
});

describe("isBizDay / BizDay", () => {
  it.each([["2026-11-30", true], ["2028-02-29", true], ["2026-02-29", false], ["2026-02-30", false], ["2026-13-01", false], ["2026-11-3", false], ["20261130", false], [" 2026-11-30", false]])("%j → %s", (text, ok) => {
    expect(isBizDay(text)).toBe(ok);
    expect(BizDay.safeParse(text).success).toBe(ok);
  });
});
