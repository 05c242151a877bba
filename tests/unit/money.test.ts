import { describe, expect, it } from "vitest";
import { fenToYuanString, formatFen, parseYuan, yuanNumberToFen } from "../../lib/money/fen";

describe("money in fen", () => {
  it.each([
    ["128.50", 12850],
    ["128.5", 12850],
    ["0.01", 1],
    ["-3.00", -300],
    ["+7", 700],
    [" 428.36 ", 42836],
    ["20000000.99", 2000000099],
  ])("parses %s exactly", (text, fen) => expect(parseYuan(text)).toBe(fen));

  it.each(["", "abc", "1.234", "1,000.00", "1e3", "--1", "."])("refuses %j", (text) => expect(() => parseYuan(text)).toThrow());

  it("converts float yuan at the edge without drift", () => {
    expect(yuanNumberToFen(0.1 + 0.2)).toBe(30);
    expect(yuanNumberToFen(19.99)).toBe(1999);
    expect(yuanNumberToFen(1.005)).toBe(100); // 1.005 is 1.00499… as a double: the platform meant 1.00
  });

  it("formats for people and for files", () => {
    expect(formatFen(123450)).toBe("¥1,234.50");
    expect(fenToYuanString(-5)).toBe("-0.05");
    expect(fenToYuanString(42836)).toBe("428.36");
  });
});
