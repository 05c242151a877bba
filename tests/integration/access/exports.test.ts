import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { maskPhone } from "../../../lib/access/mask";
import { exportAuditLog } from "../../../lib/exports/export-audit-log";
import { exportOrders } from "../../../lib/exports/export-orders";
import { actorFor, testDb } from "../helpers";

const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe("exports", () => {
  it("exports the filtered orders masked, within scope, and audits filter and row count", async () => {
    const east = await actorFor("east");
    const file = await exportOrders(testDb(), east, { includeTest: false }, "csv");
    const expected = await testDb().order.count({ where: { receiverRegion: "华东", isTest: false } });
    expect(file.rowCount).toBe(expected);
    const csv = text(file.body);
    expect(csv.split("\n")[0]).toContain("订单号");
    const phones = await testDb().order.findMany({ where: { receiverRegion: "华东", isTest: false, receiverPhone: { startsWith: "1", not: { contains: "*" } } }, select: { receiverPhone: true }, take: 50 });
    // Only plain numbers: a platform that sends a masked copy (131*******0) stores just that.
    for (const p of phones.filter((x) => /^1\d{10}$/.test(x.receiverPhone!))) {
      expect(csv).not.toContain(p.receiverPhone!);
      expect(csv).toContain(maskPhone(p.receiverPhone!));
    }
    const audit = await testDb().auditLog.findFirstOrThrow({ where: { action: "order.export", actorId: east.id }, orderBy: { id: "desc" } });
    expect(audit.detail).toMatchObject({ format: "csv", rowCount: expected, filter: { includeTest: false } });
  });

  it("stores a searched phone masked in the audit row, and writes valid XLSX", async () => {
    const ops = await actorFor("ops");
    const o = await testDb().order.findFirstOrThrow({ where: { receiverPhone: { startsWith: "1", not: { contains: "*" } } }, select: { receiverPhone: true } });
    const file = await exportOrders(testDb(), ops, { q: o.receiverPhone! }, "xlsx");
    expect(file.rowCount).toBeGreaterThan(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.body) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.rowCount).toBe(file.rowCount + 1);
    expect(String(sheet.getRow(2).getCell(6).value)).toBe(maskPhone(o.receiverPhone!));
    const audit = await testDb().auditLog.findFirstOrThrow({ where: { action: "order.export", actorId: ops.id }, orderBy: { id: "desc" } });
    expect(JSON.stringify(audit.detail)).not.toContain(o.receiverPhone!);
    expect(audit.detail).toMatchObject({ filter: { q: maskPhone(o.receiverPhone!) } });
  });

  it("refuses above the role's cap and leaves finance without receiver columns", async () => {
    const ops = await actorFor("ops");
    await expect(exportOrders(testDb(), { ...ops, exportRowCap: 5 }, {}, "csv")).rejects.toMatchObject({ code: "EXPORT_TOO_LARGE", context: { cap: 5 } });
    const finance = await actorFor("finance");
    const csv = text((await exportOrders(testDb(), finance, { size: 20 }, "csv")).body);
    const firstRow = csv.split("\n")[1].split(",");
    expect(firstRow[4]).toBe(""); // receiver
    expect(firstRow[5]).toBe(""); // phone
  });

  it("lets auditors export the audit log, which audits that too", async () => {
    const auditor = await actorFor("auditor");
    const file = await exportAuditLog(testDb(), auditor, { action: "order.export" }, "csv");
    expect(file.rowCount).toBeGreaterThan(0);
    expect(text(file.body)).toContain("order.export");
    const last = await testDb().auditLog.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(last.action).toBe("audit.export");
    expect(last.detail).toMatchObject({ rowCount: file.rowCount, filter: { action: "order.export" } });
  });
});
