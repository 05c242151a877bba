/** What every statement parser produces: signed lines keyed by their business key, plus what it could not read. */
export type StatementSourceKey = "WECHAT" | "ALIPAY" | "PLATFORM";

export interface ParsedLine {
  lineNo: number;
  kind: "PAYMENT" | "REFUND";
  /** Business key: the same trade in two files is one line. */
  lineKey: string;
  occurredAt: Date;
  bizDay: string;
  providerTxnId: string | null;
  merchantOrderNo: string | null;
  merchantRefundNo: string | null;
  /** What the merchant should receive; refunds negative. */
  amountFen: number;
  grossFen: number;
  /** Fee charged in thousandths of a fen; a returned fee is negative. */
  feeMilli: number;
}

/** Codes of unreadable lines; the UI shows reconciliation.lineErrors.<code>. */
export type LineErrorCode = "COLUMN_COUNT" | "BAD_AMOUNT" | "BAD_TIME" | "MISSING_ID" | "UNKNOWN_KIND";

export interface LineError {
  lineNo: number;
  code: LineErrorCode;
  message: string;
  raw: string;
}

export interface ParsedStatement {
  source: StatementSourceKey;
  lines: ParsedLine[];
  errors: LineError[];
  /** The file's own totals, if it has them. */
  summary: Record<string, string> | null;
  /** Whether the parsed lines add up to the summary (null: no summary). */
  checksumOk: boolean | null;
}

export class LineReadError extends Error {
  constructor(readonly code: LineErrorCode, message: string) {
    super(message);
  }
}
