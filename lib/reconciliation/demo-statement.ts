/**
 * A demo WeChat bill for one business day, built from the hub's own WeChat payments of that day, plus
 * seed 001's story: three offline 代付 orders that were never entered, 158.00 + 180.00 + 90.36 = 428.36.
 * Used by the demo seed, the e2e test and the integration tests.
 */
import type { Db } from "../db/client";
import { bizDayRange } from "../time/biz-time";
import { writeWechatBill, type BillEntry } from "./write-wechat-bill";

export const OFFLINE_STORY_FEN = [15_800, 18_000, 9_036];

export async function demoWechatBill(db: Db, day: string, opts: { offline?: boolean } = {}): Promise<string> {
  const { gte, lt } = bizDayRange(day);
  const payments = await db.payment.findMany({
    where: { provider: "WECHAT", paidAt: { gte, lt }, providerTxnId: { not: null }, order: { isTest: false } },
    select: { providerTxnId: true, amountFen: true, paidAt: true, order: { select: { orderNo: true } } },
    orderBy: { paidAt: "asc" },
    take: 5000,
  });
  const entries: BillEntry[] = payments.map((p) => ({ at: p.paidAt, txnId: p.providerTxnId!, outTradeNo: p.order?.orderNo ?? "", amountFen: p.amountFen }));
  if (opts.offline !== false) {
    const digits = day.replaceAll("-", "");
    OFFLINE_STORY_FEN.forEach((fen, i) => {
      entries.push({ at: new Date(gte.getTime() + (10 + i) * 3_600_000), txnId: `42000099${digits}${String(9_000_000_000 + i).slice(-10)}`, outTradeNo: `XD${digits}00${i + 1}`, amountFen: fen });
    });
  }
  return writeWechatBill(entries);
}
