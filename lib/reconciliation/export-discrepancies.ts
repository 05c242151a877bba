/** The tracker's current filter as a file, through the export permission and the role's row cap (lib/exports). */
import type { Actor } from "../access/actor";
import { assertWholeBook } from "../access/whole-book";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { assertExportFits, exportCap } from "../exports/export-cap";
import { tableFile, type ExportFile, type ExportFormat } from "../exports/table-file";
import { fenToYuanString } from "../money/fen";
import { bizDay } from "../time/biz-time";
import { countDiscrepancies, parseDiscrepancyQuery, queryDiscrepancies, type DiscrepancyQueryInput } from "./list-discrepancies";

const HEADERS = {
  zh: ["业务日", "差异类型", "状态", "差异金额(元)", "订单号", "支付单号", "交易号", "退款单号", "发票号", "对账单", "行号", "说明"],
  en: ["Business day", "Type", "Status", "Amount (CNY)", "Order no.", "Pay no.", "Transaction id", "Refund no.", "Invoice no.", "Statement", "Line", "Explanation"],
};

export async function exportDiscrepancies(db: Db, actor: Actor, input: DiscrepancyQueryInput, format: ExportFormat): Promise<ExportFile> {
  assertWholeBook(actor, "finance.reconcile");
  assertWholeBook(actor, "order.export");
  const cap = exportCap(actor);
  const q = parseDiscrepancyQuery(input);
  assertExportFits(actor, await countDiscrepancies(db, q, cap));
  const rows = await queryDiscrepancies(db, q, cap, 0);
  const en = actor.locale === "en";
  const file = await tableFile(format, `discrepancies-${bizDay(new Date())}`, en ? HEADERS.en : HEADERS.zh, rows.map((r) => [
    r.bizDay, r.type, r.status, fenToYuanString(r.amountFen), r.orderNo, r.payNo, r.providerTxnId, r.refundNo, r.invoiceNo, r.fileName, r.lineNo, r.explanation,
  ]));
  const { page: _page, size: _size, ...filter } = q;
  await recordAudit(db, actor, { action: "reconciliation.export", entityType: "discrepancy", detail: { format, rowCount: file.rowCount, filter } });
  return file;
}
