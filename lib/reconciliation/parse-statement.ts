/** Recognises a statement file by its header row and hands it to its parser. */
import { AppError } from "../errors/app-error";
import { decodeText, isZip } from "../ingestion/import/read-table";
import { isAlipayBill, parseAlipayBill } from "./parse-alipay-bill";
import { isSettlement, parseSettlement } from "./parse-settlement";
import { isWechatBill, parseWechatBill } from "./parse-wechat-bill";
import { readZip } from "./read-zip";
import type { ParsedStatement } from "./statement-types";

/** Alipay's ZIP holds the detail file and a summary file; the detail one is the one with trades. */
function unzipAlipay(bytes: Buffer): string {
  for (const data of readZip(bytes)) {
    const text = decodeText(data);
    if (text.includes("#支付宝业务明细查询") || text.includes("业务明细列表")) {
      if (!text.includes("业务汇总")) return text;
    }
  }
  throw new AppError("STATEMENT_FILE_INVALID");
}

export function parseStatement(bytes: Buffer, channelId: string | null): ParsedStatement {
  let text: string;
  try {
    text = isZip(bytes) ? unzipAlipay(bytes) : decodeText(bytes);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError("STATEMENT_FILE_INVALID");
  }
  const lines = text.split(/\r?\n/);
  const first = lines.findIndex((l) => l.trim() !== "" && !l.startsWith("#"));
  if (first < 0) throw new AppError("STATEMENT_FILE_INVALID");
  const headers = lines[first].split(",").map((h) => h.replace(/\t/g, "").trim());
  if (isWechatBill(headers)) return parseWechatBill(lines.slice(first));
  if (isAlipayBill(headers)) return parseAlipayBill(lines, first);
  if (isSettlement(headers)) {
    if (!channelId) throw new AppError("CHANNEL_NOT_FOUND");
    return parseSettlement(lines.slice(first).join("\n"), channelId);
  }
  throw new AppError("STATEMENT_FILE_INVALID");
}
