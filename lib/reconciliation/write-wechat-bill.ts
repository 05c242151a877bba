/**
 * Writes a WeChat Pay ALL trade bill in its real layout (UTF-8, a backtick before every detail cell,
 * \r\n, summary header + row): the demo data, the e2e and the benchmark feed the importer real files.
 */
import { fenToYuanString } from "../money/fen";
import { formatChinaTime } from "../time/biz-time";
import { RECON } from "./recon-config";

export interface BillEntry {
  at: Date;
  txnId: string;
  outTradeNo: string;
  /** Settled amount (应结订单金额) for payments; the refund amount (positive) for refunds. */
  amountFen: number;
  refund?: { refundId: string; refundNo: string };
  /** Fee in thousandths of a fen; default: the contracted rate, rounded to the fen. */
  feeMilli?: number;
}

const HEADER = "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注";
const SUMMARY = "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额";
const fee5 = (milli: number) => `${milli < 0 ? "-" : ""}${fenToYuanString(Math.trunc(Math.abs(milli) / 1000))}${String(Math.abs(milli) % 1000).padStart(3, "0")}`;
export const contractFeeMilli = (fen: number) => Math.round((fen * RECON.contractFeeBp.WECHAT) / 10_000) * 1000;

export function writeWechatBill(entries: BillEntry[]): string {
  const rows = [HEADER];
  let settled = 0;
  let refunded = 0;
  let fees = 0;
  for (const e of entries) {
    const y = fenToYuanString(e.amountFen);
    const fee = e.feeMilli ?? (e.refund ? -contractFeeMilli(e.amountFen) : contractFeeMilli(e.amountFen));
    fees += fee;
    const cells = e.refund
      ? [formatChinaTime(e.at), "wx1234567890abcdef", "1900000109", "0", "", e.txnId, e.outTradeNo, "oDemoOpenId", "JSAPI", "REFUND", "OTHERS", "CNY", "0.00", "0.00", e.refund.refundId, e.refund.refundNo, y, "0.00", "ORIGINAL", "SUCCESS", "商品", "", fee5(fee), "0.60%", "0.00", y, ""]
      : [formatChinaTime(e.at), "wx1234567890abcdef", "1900000109", "0", "", e.txnId, e.outTradeNo, "oDemoOpenId", "JSAPI", "SUCCESS", "OTHERS", "CNY", y, "0.00", "0", "0", "0.00", "0.00", "", "", "商品", "", fee5(fee), "0.60%", y, "0.00", ""];
    if (e.refund) refunded += e.amountFen;
    else settled += e.amountFen;
    rows.push(cells.map((c) => `\`${c}`).join(","));
  }
  rows.push(SUMMARY, [String(entries.length), fenToYuanString(settled), fenToYuanString(refunded), "0.00", fee5(fees), fenToYuanString(settled), fenToYuanString(refunded)].map((c) => `\`${c}`).join(","));
  return `${rows.join("\r\n")}\r\n`;
}
