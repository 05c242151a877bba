/**
 * Demo data for 对账: invoice numbers for delivered orders that asked for one, and a WeChat bill of the
 * day a week before the demo's last day, imported as the system (seed 001's 428.36 story included).
 */
import type { DbClient } from "../db/client";
import { addBizDays } from "../time/biz-time";
import { demoWechatBill } from "./demo-statement";
import { issueDueInvoices } from "./invoices";
import { processStatementFile } from "./process-statement";
import { storeStatementFile } from "./start-statement-import";

export async function seedReconciliationDemo(db: DbClient, endDay: string) {
  await issueDueInvoices(db);
  const day = addBizDays(endDay, -7);
  const bill = await demoWechatBill(db, day);
  const stored = await storeStatementFile(db, null, { fileName: `wechat_tradebill_${day}.csv`, bytes: Buffer.from(bill, "utf8") });
  if (!stored.duplicate) await processStatementFile(db, stored.id);
  return { day, fileId: stored.id };
}
