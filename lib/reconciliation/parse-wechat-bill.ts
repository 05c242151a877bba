/**
 * WeChat Pay trade bill (交易账单, shared/formats/payments.md §1): comma-separated, no quoting, one
 * backtick before every detail cell, a summary header + row at the end (a checksum, never a trade).
 * Columns by name: ALL (27), SUCCESS (20), REFUND (29) and the legacy 24-column layout all read.
 */
import { fenToYuanString } from "../money/fen";
import { feeCell, hasHeaders, headerIndex, present, readLine, timeCell, yuanCell } from "./read-cells";
import { LineReadError, type LineError, type ParsedLine, type ParsedStatement } from "./statement-types";

const SUMMARY_FIRST = "总交易单数";

export const isWechatBill = (headers: string[]) => hasHeaders(headers, "交易时间", "微信订单号", "商户订单号", "交易状态");

const stripTick = (cell: string) => (cell.startsWith("`") ? cell.slice(1) : cell);

export function parseWechatBill(lines: string[]): ParsedStatement {
  const headers = lines[0].split(",");
  const col = headerIndex(headers);
  const out: ParsedLine[] = [];
  const errors: LineError[] = [];
  let summary: Record<string, string> | null = null;
  for (let i = 1; i < lines.length; i++) {
    const raw = lines[i];
    if (raw.trim() === "") continue;
    if (raw.startsWith(SUMMARY_FIRST)) {
      const keys = raw.split(",");
      const values = (lines[i + 1] ?? "").split(",").map(stripTick);
      summary = Object.fromEntries(keys.map((k, j) => [k.trim(), (values[j] ?? "").trim()]));
      break;
    }
    const cells = raw.split(",").map(stripTick);
    const line = readLine(errors, i + 1, raw, () => {
      if (cells.length !== headers.length) throw new LineReadError("COLUMN_COUNT", `${cells.length} ≠ ${headers.length}`);
      return wechatLine(i + 1, cells, col);
    });
    if (line) out.push(line);
  }
  return { source: "WECHAT", lines: out, errors, summary, checksumOk: summary ? checksum(out, errors.length, summary) : null };
}

function wechatLine(lineNo: number, cells: string[], col: ReturnType<typeof headerIndex>): ParsedLine {
  const state = col(cells, "交易状态");
  const txn = present(col(cells, "微信订单号"));
  if (!txn) throw new LineReadError("MISSING_ID", "微信订单号");
  const { at, day } = timeCell(col(cells, "交易时间"), "交易时间");
  const fee = feeCell(col(cells, "手续费"), "手续费");
  const base = { lineNo, occurredAt: at, bizDay: day, providerTxnId: txn, merchantOrderNo: present(col(cells, "商户订单号")), feeMilli: fee };
  if (state === "SUCCESS") {
    const settled = yuanCell(col(cells, "应结订单金额", "总金额"), "应结订单金额");
    const gross = col(cells, "订单金额") !== undefined ? yuanCell(col(cells, "订单金额"), "订单金额") : settled;
    return { ...base, kind: "PAYMENT", lineKey: `WECHAT:PAY:${txn}`, merchantRefundNo: null, amountFen: settled, grossFen: gross };
  }
  if (state === "REFUND") {
    const refundId = present(col(cells, "微信退款单号"));
    const refundNo = present(col(cells, "商户退款单号"));
    if (!refundId && !refundNo) throw new LineReadError("MISSING_ID", "微信退款单号");
    const refund = yuanCell(col(cells, "退款金额"), "退款金额");
    const requested = col(cells, "申请退款金额") !== undefined ? yuanCell(col(cells, "申请退款金额"), "申请退款金额") : refund;
    return { ...base, kind: "REFUND", lineKey: `WECHAT:REFUND:${refundId ?? `${txn}:${refundNo}`}`, merchantRefundNo: refundNo, amountFen: -refund, grossFen: -requested };
  }
  // REVOKED and anything newer is kept out of the ledger and listed for a person.
  throw new LineReadError("UNKNOWN_KIND", `交易状态: ${state ?? ""}`);
}

/** Row count and column sums against the summary row (fees summed in sub-fen units). */
function checksum(lines: ParsedLine[], failed: number, s: Record<string, string>): boolean {
  const sum = (f: (l: ParsedLine) => number) => lines.reduce((a, l) => a + f(l), 0);
  const settled = fenToYuanString(sum((l) => (l.kind === "PAYMENT" ? l.amountFen : 0)));
  const refunded = fenToYuanString(sum((l) => (l.kind === "REFUND" ? -l.amountFen : 0)));
  const checks: boolean[] = [Number(s["总交易单数"]) === lines.length + failed];
  if (s["应结订单总金额"] !== undefined) checks.push(s["应结订单总金额"] === settled);
  if (s["退款总金额"] !== undefined) checks.push(s["退款总金额"] === refunded);
  if (s["手续费总金额"] !== undefined) {
    try {
      checks.push(feeCell(s["手续费总金额"], "手续费总金额") === sum((l) => l.feeMilli));
    } catch {
      checks.push(false);
    }
  }
  return checks.every(Boolean);
}
