// FORMATS.md traps that live outside one platform's mapper: rule 4 (a stored plain value is never
// overwritten by a masked one), rule 9 (files: columns by header name, encodings, BOM) and rule 2
// (zone-less template times are China time) on the import template, which feeds the own-mall mapper.
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { readTable } from "@/lib/ingestion/import/read-table";
import { templateOrders, templatePayload } from "@/lib/ingestion/import/template";
import { mapOwnMallOrder } from "@/lib/ingestion/mappers";
import { keepPlainPii, type OrderColumns } from "@/lib/ingestion/order-columns";

describe("rule 4: a stored plain value is never overwritten by a masked one", () => {
  const stored = { receiverName: "张三", receiverPhone: "13812345678", receiverDetail: "文三路 100 号", buyerNick: "tb_小张" };
  const incoming = (over: Partial<OrderColumns>) => ({ receiverName: "张*", receiverPhone: "138****5678", receiverDetail: "文三路****", buyerNick: "t***张", ...over }) as OrderColumns;
  it.each([
    ["masked copies (PDD after shipment)", {}, stored],
    ["nothing sent", { receiverName: "", receiverPhone: null, receiverDetail: "", buyerNick: null }, stored],
    ["a new plain phone replaces the old one", { receiverPhone: "13900001111" }, { ...stored, receiverPhone: "13900001111" }],
  ])("%s", (_label, over, expected) => {
    const out = keepPlainPii(incoming(over as Partial<OrderColumns>), stored);
    expect({ receiverName: out.receiverName, receiverPhone: out.receiverPhone, receiverDetail: out.receiverDetail, buyerNick: out.buyerNick }).toEqual(expected);
  });
  it("a masked stored value is replaced by a plain one when it finally arrives", () => {
    const out = keepPlainPii(incoming({ receiverPhone: "13812345678" }), { ...stored, receiverPhone: "138****5678" });
    expect(out.receiverPhone).toBe("13812345678");
  });
});

describe("rule 9: the import template is read by header name, whatever the layout", () => {
  const header = "备注,实付金额,SKU编码,订单号,订单状态,数量,单价,下单时间,更新时间,付款时间,支付方式,收件人,手机号,省,市,区,详细地址,渠道内部列";
  const line = (no: string, sku: string, paid: string) => `随便写,${paid},${sku},${no},PAID,1,79.00,2026-11-20 09:12,2026-11-20 09:12:41,2026-11-20 09:12:40,微信,李雷,13812345678,浙江,杭州市,西湖区,文三路 100 号,x`;
  const file = [header, line("M1", "TS-1", "158.00"), line("M1", "TS-2", ""), line("M2", "TS-1", "79.00")].join("\r\n");

  it.each([
    ["UTF-8 with BOM", new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(file, "utf8")]))],
    ["GBK (Excel on Chinese Windows)", new Uint8Array(iconv.encode(file, "gbk"))],
  ])("%s: columns moved and extra columns ignored; a two-line order is one order", async (_label, bytes) => {
    const orders = templateOrders(await readTable(bytes));
    expect(orders.map((o) => [o.platformOrderId, o.rows.map((r) => r.line)])).toEqual([["M1", [2, 3]], ["M2", [4]]]);
    const mapped = mapOwnMallOrder(templatePayload(orders[0]));
    expect(mapped.ok).toBe(true);
    if (!mapped.ok) return;
    expect(mapped.order.items.map((i) => i.skuCode)).toEqual(["TS-1", "TS-2"]);
    expect(mapped.order.receiver).toMatchObject({ name: "李雷", phone: "13812345678", detail: "文三路 100 号" });
    // Rule 2: zone-less times are China time; a time without seconds is whole minutes.
    expect(mapped.order.placedAt.toISOString()).toBe("2026-11-20T01:12:00.000Z");
    expect(mapped.order.platformModifiedAt.toISOString()).toBe("2026-11-20T01:12:41.000Z");
  });

  it("numbers rows by their line in the file, past blank lines, and drops rows with nothing in them", async () => {
    const file = [header, line("M1", "TS-1", "79.00"), "", ",,,, ,", line("M2", "TS-1", "79.00"), "  ", `没单号,79.00,TS-9,,PAID,1,79.00`, ""].join("\n");
    const orders = templateOrders(await readTable(new TextEncoder().encode(file)));
    expect(orders.map((o) => [o.platformOrderId, o.line])).toEqual([["M1", 2], ["M2", 5], ["", 7]]);
    // A row without an order number stays whole (header → cell) for the quarantine to show.
    expect(templatePayload(orders[2])).toMatchObject({ 备注: "没单号", SKU编码: "TS-9", 订单号: "", 收件人: "" });
  });

  it.each([["2026-13-01 10:00:00"], ["2026-02-30 10:00:00"], ["20/11/2026 09:12"]])("an impossible or foreign time %j is refused, not shifted", async (bad) => {
    const orders = templateOrders(await readTable(new TextEncoder().encode([header, line("M3", "TS-1", "79.00").replace("2026-11-20 09:12,", `${bad},`)].join("\n"))));
    const mapped = mapOwnMallOrder(templatePayload(orders[0]));
    expect(mapped).toMatchObject({ ok: false, code: "INVALID_PAYLOAD", field: "createdAt" });
  });
});
