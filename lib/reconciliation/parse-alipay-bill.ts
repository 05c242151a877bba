/**
 * Alipay 业务明细 (shared/formats/payments.md §3.2): `#` banner, marker and footer lines around a
 * comma-separated table whose id-like cells end with a TAB; refunds are 业务类型 退款 with negative
 * amounts. The footer (交易合计 / 退款合计) is the checksum. 服务费's sign is unconfirmed [U]: read as
 * the sample has it (negative = charged), so the fee charged is −服务费.
 */
import Papa from "papaparse";
import { fenToYuanString } from "../money/fen";
import { feeCell, hasHeaders, headerIndex, present, readLine, timeCell, yuanCell } from "./read-cells";
import { LineReadError, type LineError, type ParsedLine, type ParsedStatement } from "./statement-types";

export const isAlipayBill = (headers: string[]) => hasHeaders(headers, "支付宝交易号", "商户订单号", "业务类型");

const cellsOf = (line: string) => (Papa.parse<string[]>(line, { delimiter: "," }).data[0] ?? []).map((c) => c.replace(/\t+$/, "").replace(/^\t+/, "").trim());

export function parseAlipayBill(lines: string[], headerAt: number): ParsedStatement {
  const headers = cellsOf(lines[headerAt]);
  const col = headerIndex(headers);
  const out: ParsedLine[] = [];
  const errors: LineError[] = [];
  const footer: string[] = [];
  for (let i = headerAt + 1; i < lines.length; i++) {
    const raw = lines[i];
    if (raw.trim() === "") continue;
    if (raw.startsWith("#")) {
      footer.push(raw);
      continue;
    }
    const cells = cellsOf(raw);
    const line = readLine(errors, i + 1, raw, () => {
      if (cells.length !== headers.length) throw new LineReadError("COLUMN_COUNT", `${cells.length} ≠ ${headers.length}`);
      return alipayLine(i + 1, cells, col);
    });
    if (line) out.push(line);
  }
  const summary = readFooter(footer);
  return { source: "ALIPAY", lines: out, errors, summary, checksumOk: summary ? checksum(out, summary) : null };
}

function alipayLine(lineNo: number, cells: string[], col: ReturnType<typeof headerIndex>): ParsedLine {
  const txn = present(col(cells, "支付宝交易号"));
  if (!txn) throw new LineReadError("MISSING_ID", "支付宝交易号");
  const type = col(cells, "业务类型");
  const { at, day } = timeCell(col(cells, "完成时间", "创建时间"), "完成时间");
  const received = yuanCell(col(cells, "商家实收（元）", "商家实收(元)"), "商家实收（元）");
  const gross = yuanCell(col(cells, "订单金额（元）", "订单金额(元)"), "订单金额（元）");
  const fee = -feeCell(col(cells, "服务费（元）", "服务费(元)"), "服务费（元）");
  const base = { lineNo, occurredAt: at, bizDay: day, providerTxnId: txn, merchantOrderNo: present(col(cells, "商户订单号")), amountFen: received, grossFen: gross, feeMilli: fee };
  if (type === "交易") return { ...base, kind: "PAYMENT", lineKey: `ALIPAY:PAY:${txn}`, merchantRefundNo: null };
  if (type === "退款") {
    const batch = present(col(cells, "退款批次号/请求号"));
    return { ...base, kind: "REFUND", lineKey: `ALIPAY:REFUND:${txn}:${batch ?? at.toISOString()}`, merchantRefundNo: batch };
  }
  throw new LineReadError("UNKNOWN_KIND", `业务类型: ${type ?? ""}`);
}

function readFooter(footer: string[]): Record<string, string> | null {
  const s: Record<string, string> = {};
  for (const f of footer) {
    const trade = /#交易合计：(\d+)笔，商家实收共(-?[\d.]+)元/.exec(f);
    if (trade) [s.tradeCount, s.tradeReceived] = [trade[1], trade[2]];
    const refund = /#退款合计：(\d+)笔，商家实收退款共(-?[\d.]+)元/.exec(f);
    if (refund) [s.refundCount, s.refundReceived] = [refund[1], refund[2]];
  }
  return Object.keys(s).length ? s : null;
}

function checksum(lines: ParsedLine[], s: Record<string, string>): boolean {
  const of = (kind: ParsedLine["kind"]) => lines.filter((l) => l.kind === kind);
  const total = (ls: ParsedLine[]) => fenToYuanString(ls.reduce((a, l) => a + l.amountFen, 0));
  const checks: boolean[] = [];
  if (s.tradeCount !== undefined) checks.push(Number(s.tradeCount) === of("PAYMENT").length, fenToYuanString(yuanCell(s.tradeReceived, "交易合计")) === total(of("PAYMENT")));
  if (s.refundCount !== undefined) checks.push(Number(s.refundCount) === of("REFUND").length, fenToYuanString(yuanCell(s.refundReceived, "退款合计")) === total(of("REFUND")));
  return checks.every(Boolean);
}
