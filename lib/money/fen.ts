import { AppError } from "../errors/app-error";

/** Money is integer fen (分) everywhere; never floats. Sums that may pass 2^31 use bigint in SQL. */
export type Fen = number;

const DECIMALS = { 2: /^([-+]?)(\d+)(?:\.(\d{1,2}))?$/, 5: /^([-+]?)(\d+)(?:\.(\d{1,5}))?$/ };

/** A signed decimal string with up to `decimals` places, exactly, as an integer of 10^-decimals units. */
function parseScaled(text: string, decimals: 2 | 5): number {
  const m = DECIMALS[decimals].exec(text.trim());
  if (!m) throw new AppError("INVALID_INPUT", { field: "amount", text });
  const abs = Number(m[2]) * 10 ** decimals + Number((m[3] ?? "").padEnd(decimals, "0"));
  if (!Number.isSafeInteger(abs)) throw new AppError("INVALID_INPUT", { field: "amount", text });
  return m[1] === "-" ? -abs : abs;
}

/** Parses a yuan decimal string ("128.5", "-3.00") exactly into fen. */
export const parseYuan = (text: string): Fen => parseScaled(text, 2);

/** Converts a JSON float in yuan (e.g. Pinduoduo's 128.5) at the edge. */
export const yuanNumberToFen = (yuan: number): Fen => Math.round(yuan * 100);

/** "1234.50" — for inputs and exports, no currency sign. */
export function fenToYuanString(fen: Fen): string {
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** "¥1,234.50" in the UI. */
export function formatFen(fen: Fen, locale = "zh-CN"): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency: "CNY" }).format(fen / 100);
}

/**
 * Parses a yuan string with up to 5 decimals (WeChat bill fees: "0.77000", "-0.18000") exactly into
 * thousandths of a fen, so sub-fen fees can be summed before rounding.
 */
export const parseYuanMilliFen = (text: string): number => parseScaled(text, 5);
