import { readFileSync } from "node:fs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { parseStatement } from "../../../lib/reconciliation/parse-statement";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const wechatText = () => fixture("wechat-all-2024-06-18.csv").toString("utf8");

describe("WeChat Pay trade bill (ALL, UTF-8 with BOM, backticks, summary rows)", () => {
  const s = parseStatement(fixture("wechat-all-2024-06-18.csv"), null);

  it("reads 5 payments and 3 refunds, never the summary row as a trade", () => {
    expect(s.source).toBe("WECHAT");
    expect(s.lines.filter((l) => l.kind === "PAYMENT")).toHaveLength(5);
    expect(s.lines.filter((l) => l.kind === "REFUND")).toHaveLength(3);
    expect(s.errors).toEqual([]);
    expect(s.summary?.["总交易单数"]).toBe("8");
    expect(s.checksumOk).toBe(true);
  });

  it("strips one backtick per cell, keeps 28-digit ids as strings, amounts in fen, fees in thousandths of a fen", () => {
    const first = s.lines[0];
    expect(first).toMatchObject({ providerTxnId: "4200002215202406189876543210", merchantOrderNo: "OH20240618000101", amountFen: 12800, grossFen: 12800, feeMilli: 77000, bizDay: "2024-06-18" });
    expect(first.occurredAt.toISOString()).toBe("2024-06-18T01:12:05.000Z");
    const refund = s.lines.find((l) => l.merchantRefundNo === "RF20240618000103")!;
    expect(refund).toMatchObject({ kind: "REFUND", amountFen: -3000, feeMilli: -18000, providerTxnId: "4200002217202406181234500003" });
    // 20.00 of an order paid the day before: matched later on its transaction id, not its date.
    expect(s.lines.find((l) => l.merchantRefundNo === "RF20240617000088")).toMatchObject({ amountFen: -2000, bizDay: "2024-06-18" });
    expect(s.lines.find((l) => l.merchantOrderNo === "OH20240618000104")!.feeMilli).toBe(0);
  });

  it("net settlement is 362.72 (542.91 − 178.00 − 2.19)", () => {
    const net = s.lines.reduce((a, l) => a + l.amountFen, 0) - s.lines.reduce((a, l) => a + l.feeMilli, 0) / 1000;
    expect(net).toBe(36272);
  });

  it("plain UTF-8 without BOM and \\n line endings read the same", () => {
    const plain = Buffer.from(wechatText().replace(/^\ufeff/, "").replace(/\r\n/g, "\n"), "utf8");
    expect(parseStatement(plain, null).lines).toEqual(s.lines);
  });

  it("lists lines it cannot read with the reason and flags the checksum", () => {
    const rows = wechatText().split("\r\n");
    rows[2] = rows[2].replace("`59.90,", "`59.9O,"); // a letter O
    rows[3] = rows[3].split(",").slice(0, 20).join(","); // cut short
    const bad = parseStatement(Buffer.from(rows.join("\r\n"), "utf8"), null);
    expect(bad.errors.map((e) => [e.lineNo, e.code])).toEqual([[3, "BAD_AMOUNT"], [4, "COLUMN_COUNT"]]);
    expect(bad.lines).toHaveLength(6);
    expect(bad.checksumOk).toBe(false);
  });

  it("maps the legacy 24-column header (总金额) by name", () => {
    const legacy = ["交易时间,公众账号ID,商户号,子商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,总金额,企业红包金额,微信退款单号,商户退款单号,退款金额,企业红包退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率",
      "`2024-06-18 00:00:05,`wx1,`19,`0,`,`4200000000000000000000000001,`OH1,`o1,`JSAPI,`SUCCESS,`CFT,`CNY,`10.00,`0.00,`0,`0,`0.00,`0.00,`,`,`x,`,`0.06000,`0.60%"].join("\n");
    const l = parseStatement(Buffer.from(legacy), null).lines[0];
    // 00:00:05 belongs to that day's bill, not the day before.
    expect(l).toMatchObject({ amountFen: 1000, grossFen: 1000, feeMilli: 6000, bizDay: "2024-06-18" });
  });
});

describe("Alipay 业务明细 (GBK, # banner and footer, TAB-suffixed ids)", () => {
  for (const name of ["alipay-2024-06-18.csv", "20881234567890120156_20240618.csv.zip"]) {
    it(`reads ${name}: 6 trades, 2 negative refunds, footer as checksum`, () => {
      const s = parseStatement(fixture(name), null);
      expect(s.source).toBe("ALIPAY");
      expect(s.lines).toHaveLength(8);
      expect(s.errors).toEqual([]);
      expect(s.checksumOk).toBe(true);
      expect(s.lines[0]).toMatchObject({ providerTxnId: "2024061822001400000000000001", merchantOrderNo: "OH20240618000201", amountFen: 12800, feeMilli: 77000 });
      const refund = s.lines.find((l) => l.kind === "REFUND" && l.merchantRefundNo === "RF20240618000203")!;
      expect(refund).toMatchObject({ amountFen: -3000, feeMilli: -18000 });
      // Net 427.83 = 588.41 − 158.00 − 2.58.
      expect(s.lines.reduce((a, l) => a + l.amountFen * 1000 - l.feeMilli, 0)).toBe(42783 * 1000);
      // 23:59:52 stays on the 18th.
      expect(s.lines.find((l) => l.merchantOrderNo === "OH20240618000206")!.bizDay).toBe("2024-06-18");
    });
  }

  it("a copy re-saved as UTF-8 with BOM reads the same", () => {
    const gbk = fixture("alipay-2024-06-18.csv");
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(iconv.decode(gbk, "gbk"), "utf8")]);
    expect(parseStatement(utf8, null).lines).toEqual(parseStatement(gbk, null).lines);
  });
});

describe("platform settlement and unknown files", () => {
  it("reads the hub's settlement layout for a channel", () => {
    const csv = "结算时间,平台订单号,类型,结算金额（元）,平台佣金（元）,结算单号\n2026-11-20 10:00:00,T100,收入,99.00,0.99,S1\n2026-11-20 11:00:00,T100,退款,-9.00,-0.09,S2\n2026-11-20 11:00:00,T101,其他,1.00,0,S3\n";
    const s = parseStatement(Buffer.from(csv), "ch_tmall");
    expect(s.lines.map((l) => [l.kind, l.amountFen, l.feeMilli])).toEqual([["PAYMENT", 9900, 990 * 100], ["REFUND", -900, -9000]]);
    expect(s.errors.map((e) => e.code)).toEqual(["UNKNOWN_KIND"]);
  });

  it("refuses a file it does not recognise with a code", () => {
    expect(() => parseStatement(Buffer.from("a,b,c\n1,2,3\n"), null)).toThrow(expect.objectContaining({ code: "STATEMENT_FILE_INVALID" }));
    expect(() => parseStatement(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]), null)).toThrow(expect.objectContaining({ code: "STATEMENT_FILE_INVALID" }));
  });
});
