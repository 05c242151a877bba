/** Cell-level helpers shared by the statement parsers: money, times and the header map. */
import { parseYuan, parseYuanMilliFen } from "../money/fen";
import { bizDay, parseChinaTime } from "../time/biz-time";
import { LineReadError, type LineError } from "./statement-types";

export function yuanCell(value: string | undefined, column: string): number {
  try {
    return parseYuan(value ?? "");
  } catch {
    throw new LineReadError("BAD_AMOUNT", `${column}: ${value ?? ""}`);
  }
}

export function feeCell(value: string | undefined, column: string): number {
  if (!value) return 0;
  try {
    return parseYuanMilliFen(value);
  } catch {
    throw new LineReadError("BAD_AMOUNT", `${column}: ${value}`);
  }
}

/** Bill times are zone-less China time; the bill day is the business day of that instant. */
export function timeCell(value: string | undefined, column: string): { at: Date; day: string } {
  const at = parseChinaTime(value);
  if (!at) throw new LineReadError("BAD_TIME", `${column}: ${value ?? ""}`);
  return { at, day: bizDay(at) };
}

/** Columns are picked by header name (layouts drift between bill versions). */
export function headerIndex(headers: string[]) {
  const at = new Map(headers.map((h, i) => [h.trim(), i]));
  return (cells: string[], ...names: string[]): string | undefined => {
    for (const n of names) {
      const i = at.get(n);
      if (i !== undefined) return cells[i];
    }
    return undefined;
  };
}

export const hasHeaders = (headers: string[], ...names: string[]) => names.every((n) => headers.some((h) => h.trim() === n));

export const present = (v: string | undefined) => (v && v !== "0" ? v : null);

/** Reads one line; a line it cannot read goes to `errors` with its reason instead of stopping the file. */
export function readLine<T>(errors: LineError[], lineNo: number, raw: string, read: () => T): T | null {
  try {
    return read();
  } catch (err) {
    if (!(err instanceof LineReadError)) throw err;
    errors.push({ lineNo, code: err.code, message: err.message, raw });
    return null;
  }
}
