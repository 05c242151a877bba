import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { processImportJob } from "../../../lib/ingestion/import/process-import";
import { startImport } from "../../../lib/ingestion/import/start-import";
import { importReportFile } from "../../../lib/ingestion/import/import-report";
import { importRowResults } from "../../../lib/ingestion/import/list-imports";
import { TEMPLATE_COLUMNS } from "../../../lib/ingestion/import/template";
import { replayQuarantined } from "../../../lib/ingestion/console/replay-quarantined";
import { actorFor, testDb } from "../helpers";

const tag = `${process.pid}${Date.now()}`.slice(-10);
type Row = Partial<Record<(typeof TEMPLATE_COLUMNS)[number], string>>;
const base = (no: string, over: Row = {}): Row => ({
  订单号: no, 订单状态: "PAID", 下单时间: "2026-11-20 09:12:05", 付款时间: "2026-11-20 09:12:40", 更新时间: "2026-11-20 09:12:41",
  收件人: "王芳", 手机号: "13900001111", 省: "广东", 市: "东莞市", 详细地址: "南城街道 8 号",
  SKU编码: "TS-WHT-M", 商品名称: "T恤", 数量: "2", 单价: "79.00", 实付金额: "158.00", 支付方式: "支付宝", 支付流水号: `2026112022001${tag}`, ...over,
});
function csv(rows: Row[]): string {
  const esc = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [TEMPLATE_COLUMNS.join(","), ...rows.map((r) => TEMPLATE_COLUMNS.map((c) => esc(r[c] ?? "")).join(","))].join("\n");
}

async function runImport(bytes: Uint8Array, fileName = "orders.csv") {
  const admin = await actorFor("ops");
  const { id } = await startImport(testDb(), admin, { channelId: "ch_own_mall", fileName, bytes }, null);
  expect(await processImportJob(testDb(), id)).toEqual({ status: "DONE" });
  return testDb().importJob.findUniqueOrThrow({ where: { id } });
}

describe("file import", () => {
  it("imports a GBK CSV with a two-line order and a bad row; the bad row is quarantined and reported", async () => {
    const rows = [
      base(`F${tag}-1`),
      base(`F${tag}-1`, { SKU编码: "SOCK-3P", 商品名称: "袜子", 数量: "1", 单价: "19.90", 实付金额: "" }),
      base(`F${tag}-2`, { 单价: "79.0.0", 支付流水号: `x${tag}` }),
      base(`F${tag}-3`, { 实付金额: "79.00", 数量: "1", 支付流水号: `y${tag}`, 买家留言: "加急！要发票" }),
    ];
    rows[0].实付金额 = "177.90";
    const job = await runImport(new Uint8Array(iconv.encode(csv(rows), "gbk")));
    expect(job).toMatchObject({ status: "DONE", totalRows: 3, processedRows: 3, createdRows: 2, failedRows: 1 });
    const first = await testDb().order.findFirstOrThrow({ where: { platformOrderId: `F${tag}-1` }, include: { items: true, statusLog: true } });
    expect(first.items).toHaveLength(2);
    expect(first).toMatchObject({ paidFen: 17790, receiverProvince: "广东省", receiverCity: "东莞市", receiverDistrict: null, addressIncomplete: false });
    expect(first.statusLog[0].source).toBe("FILE_IMPORT");
    const third = await testDb().order.findFirstOrThrow({ where: { platformOrderId: `F${tag}-3` } });
    expect(third.tags.sort()).toEqual(["加急", "发票"].sort());

    const ops = await actorFor("ops");
    const report = await importRowResults(testDb(), ops, job.id, "failed");
    expect(report.rows).toMatchObject([{ row: 4, platformOrderId: `F${tag}-2`, errorCode: "INVALID_PAYLOAD" }]);
    // Every row's result, in file order: a two-line order has its first line's number.
    const all = await importRowResults(testDb(), ops, job.id, "all");
    expect(all.rows.map((r) => [r.row, r.outcome, r.platformOrderId])).toEqual([[2, "CREATED", `F${tag}-1`], [4, "QUARANTINED", `F${tag}-2`], [5, "CREATED", `F${tag}-3`]]);
    expect(all.rows[0].orderNo).toBe(first.orderNo);
    const file = await importReportFile(testDb(), ops, job.id, "all");
    expect(file.filename).toBe("orders-导入结果.csv");
    expect(new TextDecoder().decode(file.body).split("\r\n")[1]).toBe(`2,F${tag}-1,新建,${first.orderNo},,`);
    expect(await testDb().auditLog.count({ where: { action: "ingestion.importReport", entityId: job.id, actorId: ops.id } })).toBe(1);
    const q = await testDb().quarantinedPayload.findFirstOrThrow({ where: { importJobId: job.id } });
    expect(q).toMatchObject({ rowNo: 4, source: "FILE_IMPORT", status: "OPEN", field: "items.0.unitPrice" });

    // Re-importing the same file changes nothing: no new orders, no second quarantine row.
    const before = { orders: await testDb().order.count(), quarantined: await testDb().quarantinedPayload.count() };
    const again = await runImport(new Uint8Array(iconv.encode(csv(rows), "gbk")));
    expect(again).toMatchObject({ createdRows: 0, updatedRows: 0, unchangedRows: 2, failedRows: 1 });
    expect(await testDb().order.count()).toBe(before.orders);
    expect(await testDb().quarantinedPayload.count()).toBe(before.quarantined);

    // Correct and replay the bad row through the same write path.
    const fixed = q.rawBody.replace('"79.0.0"', '"79.00"');
    const out = await replayQuarantined(testDb(), ops, { id: q.id, body: fixed });
    expect(out.orderNos[0]).toMatch(/^OH/);
    expect(await testDb().quarantinedPayload.findUniqueOrThrow({ where: { id: q.id } })).toMatchObject({ status: "REPLAYED", replayedOrderId: out.orderIds[0] });
    await expect(replayQuarantined(testDb(), ops, { id: q.id, body: fixed })).rejects.toMatchObject({ code: "QUARANTINE_CLOSED" });
  });

  it("keeps every row's result across chunks, in file order, and a re-import finds them all unchanged", async () => {
    const n = 2_345; // more than two chunks
    // Distinct buyers, as in a real file (thousands of orders of one phone would be one customer's history).
    const rows = Array.from({ length: n }, (_, i) => base(`C${tag}-${i}`, { 收件人: `买家${i}`, 手机号: `137${tag.slice(-4)}${String(i).padStart(4, "0")}`, 数量: "1", 实付金额: "79.00", 支付流水号: `c${tag}${i}` }));
    rows[1_500].单价 = "七十九";
    const job = await runImport(new TextEncoder().encode(csv(rows)));
    expect(job).toMatchObject({ status: "DONE", totalRows: n, processedRows: n, createdRows: n - 1, failedRows: 1 });
    const ops = await actorFor("ops");
    const all = await importRowResults(testDb(), ops, job.id, "all");
    expect(all.rows.map((r) => r.row)).toEqual(Array.from({ length: n }, (_, i) => i + 2));
    expect(all.rows.filter((r) => r.outcome === "QUARANTINED")).toMatchObject([{ row: 1_502, platformOrderId: `C${tag}-1500`, errorCode: "INVALID_PAYLOAD" }]);
    expect(await testDb().importChunkResult.count({ where: { jobId: job.id } })).toBeGreaterThan(2);
    const again = await runImport(new TextEncoder().encode(csv(rows)));
    expect(again).toMatchObject({ createdRows: 0, unchangedRows: n - 1, failedRows: 1 });
    expect((await importRowResults(testDb(), ops, again.id, "all")).rows.filter((r) => r.outcome === "UNCHANGED")).toHaveLength(n - 1);
  });

  it("masks a phone a stored refusal quotes, for a role that sees phones masked", async () => {
    const ops = await actorFor("ops");
    const { id } = await startImport(testDb(), ops, { channelId: "ch_own_mall", fileName: "quoted.csv", bytes: new TextEncoder().encode(csv([base(`Q${tag}`)])) }, null);
    // A platform mapper's refusal quotes the bad value (金额字段 … 无效：…); stored as the worker stores it.
    const refusal = { row: 2, outcome: "QUARANTINED", platformOrderId: `Q${tag}`, orderNo: null, errorCode: "INVALID_AMOUNT", message: "金额字段 payment 无效：13912345678" };
    await testDb().importChunkResult.create({ data: { jobId: id, firstRow: 2, rows: [refusal] } });
    for (const which of ["failed", "all"] as const) {
      const { rows } = await importRowResults(testDb(), ops, id, which);
      expect(rows).toEqual([{ ...refusal, message: "金额字段 payment 无效：139****5678" }]);
      const file = new TextDecoder().decode((await importReportFile(testDb(), ops, id, which)).body);
      expect(file).toContain("139****5678");
      expect(file).not.toContain("13912345678");
    }
  });

  it("reads XLSX with numeric and date cells", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("订单");
    ws.addRow([...TEMPLATE_COLUMNS]);
    const r = base(`X${tag}-1`, { 支付流水号: `z${tag}` });
    ws.addRow(TEMPLATE_COLUMNS.map((c) => (c === "单价" ? 79 : c === "实付金额" ? 158 : c === "数量" ? 2 : c === "下单时间" ? new Date(Date.UTC(2026, 10, 20, 9, 12, 5)) : (r[c] ?? ""))));
    const job = await runImport(new Uint8Array(await wb.xlsx.writeBuffer()), "orders.xlsx");
    expect(job).toMatchObject({ createdRows: 1, failedRows: 0 });
    const o = await testDb().order.findFirstOrThrow({ where: { platformOrderId: `X${tag}-1` } });
    expect(o.paidFen).toBe(15800);
    expect(o.placedAt.toISOString()).toBe("2026-11-20T01:12:05.000Z");
  });

  it("fails a file that is not an order file, with a code", async () => {
    const admin = await actorFor("ops");
    const { id } = await startImport(testDb(), admin, { channelId: "ch_own_mall", fileName: "x.csv", bytes: new TextEncoder().encode("a,b\n1,2\n") }, null);
    expect(await processImportJob(testDb(), id)).toEqual({ status: "FAILED" });
    expect((await testDb().importJob.findUniqueOrThrow({ where: { id } })).errorCode).toBe("IMPORT_FILE_INVALID");
  });

  it("refuses imports to users without ingestion.manage", async () => {
    await expect(startImport(testDb(), await actorFor("cs"), { channelId: "ch_own_mall", fileName: "x.csv", bytes: new Uint8Array([1]) }, null)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
