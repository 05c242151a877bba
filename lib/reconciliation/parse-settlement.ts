/**
 * Platform settlement file (天猫/京东/拼多多/抖音 结算明细): the platforms' own exports differ and are not
 * documented in shared/formats, so the hub reads one CSV layout (README "Reconciliation"), columns by
 * name: 结算时间, 平台订单号, 类型 (收入 | 退款), 结算金额（元） (refunds negative), 平台佣金（元）, optional 结算单号.
 */
import Papa from "papaparse";
import { feeCell, hasHeaders, headerIndex, present, readLine, timeCell, yuanCell } from "./read-cells";
import { LineReadError, type LineError, type ParsedLine, type ParsedStatement } from "./statement-types";

export const isSettlement = (headers: string[]) => hasHeaders(headers, "结算时间", "平台订单号", "类型", "结算金额（元）");

export function parseSettlement(text: string, channelId: string): ParsedStatement {
  const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
  const headers = rows[0].map((h) => h.trim());
  const col = headerIndex(headers);
  const lines: ParsedLine[] = [];
  const errors: LineError[] = [];
  rows.slice(1).forEach((cells, k) => {
    const lineNo = k + 2;
    const line = readLine(errors, lineNo, cells.join(","), (): ParsedLine => {
      if (cells.length !== headers.length) throw new LineReadError("COLUMN_COUNT", `${cells.length} ≠ ${headers.length}`);
      const orderNo = present(col(cells, "平台订单号")?.trim());
      if (!orderNo) throw new LineReadError("MISSING_ID", "平台订单号");
      const type = col(cells, "类型")?.trim();
      if (type !== "收入" && type !== "退款") throw new LineReadError("UNKNOWN_KIND", `类型: ${type ?? ""}`);
      const { at, day } = timeCell(col(cells, "结算时间"), "结算时间");
      const amount = yuanCell(col(cells, "结算金额（元）"), "结算金额（元）");
      const settlementNo = present(col(cells, "结算单号")?.trim()) ?? at.toISOString();
      return {
        lineNo, kind: type === "收入" ? "PAYMENT" : "REFUND", lineKey: `PLATFORM:${channelId}:${type === "收入" ? "PAY" : "REFUND"}:${orderNo}:${settlementNo}`,
        occurredAt: at, bizDay: day, providerTxnId: null, merchantOrderNo: orderNo, merchantRefundNo: null,
        amountFen: amount, grossFen: amount, feeMilli: feeCell(col(cells, "平台佣金（元）"), "平台佣金（元）"),
      };
    });
    if (line) lines.push(line);
  });
  return { source: "PLATFORM", lines, errors, summary: null, checksumOk: null };
}
