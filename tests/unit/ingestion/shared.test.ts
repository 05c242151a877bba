import { describe, expect, it } from "vitest";
import { allocate, spreadReductions } from "@/lib/ingestion/mappers/amounts";
import { carrierCodeOf } from "@/lib/ingestion/mappers/carriers";
import { classifyPii } from "@/lib/ingestion/mappers/pii";
import { MapError, chinaTime, idOf, unixSeconds, yuanToFen } from "@/lib/ingestion/mappers/shared";

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof MapError) return e.code;
    throw e;
  }
  return "OK";
};

describe("allocate", () => {
  it.each([
    [100, [1, 1, 1], [34, 33, 33]],
    [3000, [37800, 5900], [2595, 405]],
    [-7, [1, 1], [-4, -3]],
    [5, [0, 0], [3, 2]],
    [0, [10, 20], [0, 0]],
    [1, [1, 1, 1], [1, 0, 0]],
  ])("%d over %j → %j (sums exactly)", (total, weights, parts) => {
    expect(allocate(total, weights)).toEqual(parts);
    expect(allocate(total, weights).reduce((a, b) => a + b, 0)).toBe(total);
  });

  it("spreadReductions keeps known line discounts and hits the net total", () => {
    const r = spreadReductions([{ grossFen: 1000, knownDiscountFen: 100 }, { grossFen: 500, knownDiscountFen: 0 }], 1200);
    expect(r.reduce((s, x) => s + x.paidFen, 0)).toBe(1200);
    expect(r[0].discountFen).toBeGreaterThanOrEqual(100);
  });
});

describe("yuanToFen", () => {
  it.each([
    ["128.50", 12850], ["128.5", 12850], ["0.07", 7], [" 6 ", 600], [0.1 + 0.2, 30], [1.15, 115], [1e6 + 0.01, 100000001], ["", 0], [null, 0],
  ])("%j → %d", (v, fen) => {
    expect(yuanToFen(v as string | number | null, "x")).toBe(fen);
  });
  it.each([["1,000.00"], ["12.345"], [12.345], ["abc"], [Number.NaN], [Infinity], ["-1.00"]])("%j is refused", (v) => {
    expect(code(() => yuanToFen(v as string | number, "x"))).toBe("INVALID_AMOUNT");
  });
  it("signed amounts may be negative", () => {
    expect(yuanToFen("-3.50", "adj", { signed: true })).toBe(-350);
  });
});

describe("times", () => {
  it.each([
    ["2024-06-18 09:12:05", "2024-06-18T01:12:05.000Z"],
    ["2024-01-01 00:00:05", "2023-12-31T16:00:05.000Z"], // the business day is the 1st, UTC is still the 31st
    ["", null],
    ["0001-01-01 00:00:00", null],
    ["1970-01-01 00:00:00", null],
    [undefined, null],
  ])("chinaTime(%j)", (text, iso) => {
    expect(chinaTime(text, "t")?.toISOString() ?? null).toBe(iso);
  });
  it.each(["2024-02-30 10:00:00", "2024-13-01 00:00:00", "18/06/2024 09:12", "2024-06-18T09:12:05Z"])("chinaTime refuses %j", (text) => {
    expect(code(() => chinaTime(text, "t"))).toBe("INVALID_TIME");
  });
  it.each([[0, null], [1718000060, "2024-06-10T06:14:20.000Z"], ["1718000060", "2024-06-10T06:14:20.000Z"]])("unixSeconds(%j)", (v, iso) => {
    expect(unixSeconds(v, "t")?.toISOString() ?? null).toBe(iso);
  });
  it("unixSeconds refuses milliseconds and negatives", () => {
    expect(code(() => unixSeconds(1718000060000, "t"))).toBe("INVALID_TIME");
    expect(code(() => unixSeconds(-1, "t"))).toBe("INVALID_TIME");
  });
});

describe("ids", () => {
  it.each([["2100000000000000777", "2100000000000000777"], [285000000001, "285000000001"], ["", null], [null, null]])("idOf(%j)", (v, s) => {
    expect(idOf(v, "id")).toBe(s);
  });
  it("refuses numbers past 2^53 and non-integers", () => {
    expect(code(() => idOf(2100000000000000777, "tid"))).toBe("INVALID_ID");
    expect(code(() => idOf(1.5, "x"))).toBe("INVALID_ID");
  });
});

describe("classifyPii", () => {
  it.each([
    ["李**", "name", "masked"],
    ["*******1234", "phone", "masked"],
    ["138****5678", "phone", "masked"],
    ["$$Zm9v*YmFy$1$$", "phone", "cipher"], // Douyin: the * inside does not make it masked
    ["##Zm9v*YmFy#1##", "name", "cipher"],
    ["$tb$cipher$1$$", "address", "cipher"],
    ["~AgAAAAFdemo~1~~", "name", "cipher"],
    ["AAS/ZGVtby1uYW1l", "name", "cipher"],
    ["13812345678", "phone", "plain"],
    ["0731-88886666", "phone", "plain"],
    ["Zm9vYmFy", "phone", "cipher"],
    ["王小明", "name", "plain"],
    ["文三路 100 号", "address", "plain"],
  ])("%s (%s) → %s", (v, kind, which) => {
    const p = classifyPii(v, kind as "name" | "phone" | "address");
    expect(p[which as "plain" | "masked" | "cipher"]).toBe(v);
    expect(Object.values(p).filter((x) => x !== null)).toHaveLength(1);
  });
});

describe("carrierCodeOf", () => {
  it.each([["中通快递", "zhongtong"], ["顺丰速运", "shunfeng"], ["顺丰快运", "shunfengkuaiyun"], ["shunfeng", "shunfeng"], ["EMS", "ems"], ["邮政快递包裹", "youzhengguonei"], ["极兔速递", "jtexpress"], ["某某物流", "某某物流"], ["", null]])(
    "%j → %j",
    (v, c) => {
      expect(carrierCodeOf(v)).toBe(c);
    },
  );
});
