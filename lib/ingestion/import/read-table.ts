/**
 * An uploaded order file → header + rows of strings. CSV in UTF-8 (with or without BOM) or GBK
 * (what Excel on a Chinese Windows saves), or XLSX (first worksheet). Columns are picked by header
 * name later, so column order and extra columns do not matter (FORMATS rule 9).
 */
import type ExcelJS from "exceljs";
import iconv from "iconv-lite";
import Papa from "papaparse";
import { fenToYuanString, yuanNumberToFen } from "../../money/fen";

export interface Table {
  headers: string[];
  /**
   * Data rows, cells trimmed and in header order (a short row just has fewer); `line` is the row's
   * line in the file (the header is line 1). Arrays, not objects keyed by header: on a 100,000-row
   * file building those objects took longer than parsing the CSV.
   */
  rows: { line: number; values: string[] }[];
}

export class FileReadError extends Error {
  name = "FileReadError";
}

/** A ZIP container (XLSX, or Alipay's zipped bills): the local file header signature "PK\x03\x04". */
export const isZip = (b: Uint8Array) => b.length > 3 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** Bytes → text: BOM first, then UTF-8, else GB18030 (a superset of GBK, what Excel and Alipay write). */
export function decodeText(bytes: Uint8Array): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.subarray(3).toString("utf8");
  const utf8 = new TextDecoder("utf-8", { fatal: false }).decode(buf);
  // Invalid UTF-8 shows up as U+FFFD: then it is GBK (GB18030 is its superset).
  return utf8.includes("\uFFFD") ? iconv.decode(buf, "gb18030") : utf8;
}

function fromCsv(text: string): Table {
  // Empty lines are kept by the parser (and skipped below), so a row's index is its line in the file.
  const { data } = Papa.parse<string[]>(text);
  const head = data[0];
  if (!head || head.length < 2) throw new FileReadError("no header row");
  const rows: Table["rows"] = [];
  for (let i = 1; i < data.length; i++) {
    const values = data[i];
    let filled = false;
    for (let j = 0; j < values.length; j++) filled = (values[j] = values[j].trim()) !== "" || filled;
    if (filled) rows.push({ line: i + 1, values });
  }
  return { headers: head.map((h) => h.trim()), rows };
}

const p2 = (n: number) => String(n).padStart(2, "0");

/** Excel keeps wall-clock times; exceljs hands them over as UTC dates with those fields. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return `${v.getUTCFullYear()}-${p2(v.getUTCMonth() + 1)}-${p2(v.getUTCDate())} ${p2(v.getUTCHours())}:${p2(v.getUTCMinutes())}:${p2(v.getUTCSeconds())}`;
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : fenToYuanString(yuanNumberToFen(v));
  if (typeof v === "object" && "richText" in v) return v.richText.map((r) => r.text).join("");
  if (typeof v === "object" && "text" in v) return String(v.text);
  if (typeof v === "object" && "result" in v) return cellText(v.result as ExcelJS.CellValue);
  return String(v).trim();
}

async function fromXlsx(bytes: Uint8Array): Promise<Table> {
  // Loaded on first use: half a second of module loading that a CSV import never needs.
  const { default: Excel } = await import("exceljs");
  const wb = new Excel.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) throw new FileReadError("no worksheet");
  const headers: string[] = [];
  ws.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => (headers[col - 1] = cellText(cell.value).trim()));
  if (headers.filter(Boolean).length < 2) throw new FileReadError("no header row");
  const rows: Table["rows"] = [];
  ws.eachRow((row, line) => {
    if (line === 1) return;
    const values = headers.map((_, j) => cellText(row.getCell(j + 1).value));
    if (values.some((c) => c !== "")) rows.push({ line, values });
  });
  return { headers, rows };
}

export async function readTable(bytes: Uint8Array): Promise<Table> {
  try {
    return isZip(bytes) ? await fromXlsx(bytes) : fromCsv(decodeText(bytes));
  } catch (e) {
    if (e instanceof FileReadError) throw e;
    throw new FileReadError("unreadable file");
  }
}
