import { describe, expect, it } from "vitest";
import en from "../../messages/en.json";
import zh from "../../messages/zh-CN.json";
import { ERROR_CODES } from "../../lib/errors/app-error";
import { OrderStatus } from "../../lib/db/generated/prisma/enums";
import { classifySearch } from "../../lib/orders/search-orders";

describe("search classification", () => {
  it.each([
    ["13812345678", "phone", "13812345678"],
    ["138 1234 5678", "phone", "13812345678"],
    ["+8613812345678", "phone", "13812345678"],
    ["OH26113012345678", "number", "OH26113012345678"],
    ["sf1234567890123", "number", "SF1234567890123"],
    ["4200001234202611301234567890", "number", "4200001234202611301234567890"],
  ])("reads %s as %s", (raw, kind, value) => expect(classifySearch(raw)).toEqual({ kind, value }));

  it.each(["", "ab", "<script>", "订单", "x".repeat(65), "1' OR '1'='1"])("refuses %j", (raw) => expect(() => classifySearch(raw)).toThrow());
});

describe("messages", () => {
  it("have a Chinese and an English text for every error code and status", () => {
    for (const code of ERROR_CODES) {
      expect(zh.errors, code).toHaveProperty(code);
      expect(en.errors, code).toHaveProperty(code);
    }
    for (const s of Object.values(OrderStatus)) {
      expect(zh.status).toHaveProperty(s);
      expect(en.status).toHaveProperty(s);
    }
  });

  it("have the same keys in both languages", () => {
    const keys = (o: object, prefix = ""): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === "object" && v ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
    expect(keys(en).sort()).toEqual(keys(zh).sort());
  });
});
