import { describe, expect, it } from "vitest";
import { parseJsonLossless, quoteBigIntegers } from "@/lib/ingestion/mappers";
import { fixture } from "./helpers";

describe("parseJsonLossless", () => {
  it.each([
    ["Taobao tid", '{"tid": 2100000000000000777}', { tid: "2100000000000000777" }],
    ["negative big integer", "[-12345678901234567890]", ["-12345678901234567890"]],
    ["Douyin s_ids array", '{"s_ids":[6930000000000000001,6930000000000000002]}', { s_ids: ["6930000000000000001", "6930000000000000002"] }],
    ["16 digits are quoted too (ids stay one type)", "[9007199254740993, 1234567890123456]", ["9007199254740993", "1234567890123456"]],
    ["15 digits stay numbers", "[123456789012345, 0, -7, 128]", [123456789012345, 0, -7, 128]],
    ["floats and exponents stay numbers", "[128.5, 1.5e3, 1234567890123456789e-3]", [128.5, 1500, 1234567890123456.8]],
    ["digits inside strings untouched", '{"a":"12345678901234567890","b":"x\\"12345678901234567\\""}', { a: "12345678901234567890", b: 'x"12345678901234567"' }],
    ["escaped backslash before a closing quote", '{"a":"c:\\\\","b":12345678901234567890}', { a: "c:\\", b: "12345678901234567890" }],
    ["a UTF-8 BOM", '\uFEFF{"tid":2100000000000000001}', { tid: "2100000000000000001" }],
    ["unicode text around", '{"n":"李**","oid":2100000000000000778,"t":"中通快递"}', { n: "李**", oid: "2100000000000000778", t: "中通快递" }],
  ])("%s", (_label, raw, expected) => {
    expect(parseJsonLossless(raw)).toEqual(expected);
  });

  it("is needed: plain JSON.parse corrupts the same ids", () => {
    expect(String(JSON.parse('{"p_id":6930000000000000001}').p_id)).not.toBe("6930000000000000001");
    expect(String(JSON.parse('{"tid":2100000000000000777}').tid)).not.toBe("2100000000000000777");
  });

  it("keeps the Taobao fixture's tid/oid and promotion ids exact", () => {
    const t = fixture("taobao-t2").trade_fullinfo_get_response.trade;
    expect(t.tid).toBe("2100000000000000777");
    expect(t.orders.order.map((o: { oid: string }) => o.oid)).toEqual(["2100000000000000778", "2100000000000000779", "2100000000000000780"]);
    expect(t.promotion_details.promotion_detail[0].id).toBe("2100000000000000778");
  });

  it("keeps Douyin product_id exact, and works on a push's inner data string", () => {
    const child = fixture("douyin-normal").data.shop_order_detail.sku_order_list[0];
    expect(child.product_id).toBe("3660200000000000001");
    const body = '[{"tag":"101","msg_id":"7380000000000000001","data":"{\\"p_id\\":6930000000000000001,\\"s_ids\\":[6930000000000000001],\\"pay_amount\\":8980}"}]';
    const [msg] = parseJsonLossless(body) as { data: string }[];
    expect(parseJsonLossless(msg.data)).toEqual({ p_id: "6930000000000000001", s_ids: ["6930000000000000001"], pay_amount: 8980 });
  });

  it.each(["{", '{"a":01}', '{"a" 12345678901234567}', "[12345678901234567 1]", '{"a":"unterminated}'])(
    "still rejects invalid JSON: %s",
    (raw) => {
      expect(() => parseJsonLossless(raw)).toThrow(SyntaxError);
    },
  );

  it("returns the input unchanged when there is nothing to quote", () => {
    const raw = '{"a":[1,2,3],"b":"x"}';
    expect(quoteBigIntegers(raw)).toBe(raw);
  });
});
