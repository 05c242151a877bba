import ExcelJS from "exceljs";
import Papa from "papaparse";

export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportFile {
  filename: string;
  contentType: string;
  body: Uint8Array;
  rowCount: number;
}

type Cell = string | number | null;

/** CSV with a BOM (so Excel opens the Chinese text as UTF-8) or a one-sheet XLSX. */
export async function tableFile(format: ExportFormat, name: string, headers: string[], rows: Cell[][]): Promise<ExportFile> {
  if (format === "csv") {
    const text = "\uFEFF" + Papa.unparse({ fields: headers, data: rows.map((r) => r.map((c) => c ?? "")) });
    return { filename: `${name}.csv`, contentType: "text/csv; charset=utf-8", body: new TextEncoder().encode(text), rowCount: rows.length };
  }
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(name.slice(0, 31));
  sheet.addRow(headers).font = { bold: true };
  for (const r of rows) sheet.addRow(r.map((c) => c ?? ""));
  sheet.columns.forEach((c) => (c.width = 18));
  const buf = await book.xlsx.writeBuffer();
  return {
    filename: `${name}.xlsx`,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    body: new Uint8Array(buf as ArrayBuffer),
    rowCount: rows.length,
  };
}
