import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { startStatementImport } from "../../../lib/reconciliation/start-statement-import";
import { actorFor, testDb } from "../helpers";
import { orderWithPayment } from "./scenario";

const db = () => testDb();

describe("Alipay bill and platform settlement through the import", () => {
  it("imports the Alipay ZIP (GBK) and matches its trade on the transaction id", async () => {
    const paid = await orderWithPayment(db(), { paidAt: "2024-06-18T09:12:05", fen: 12_800, provider: "ALIPAY", txnId: "2024061822001400000000000001" });
    const zip = readFileSync(new URL("../../unit/reconciliation/fixtures/20881234567890120156_20240618.csv.zip", import.meta.url));
    const out = await startStatementImport(db(), await actorFor("finance"), { fileName: "alipay.zip", bytes: zip }, null);
    const file = await db().statementFile.findUniqueOrThrow({ where: { id: out.id } });
    expect(file).toMatchObject({ source: "ALIPAY", totalLines: 8, newLines: 8, checksumOk: true, dayFrom: "2024-06-18", dayTo: "2024-06-18" });
    const line = await db().statementLine.findFirstOrThrow({ where: { fileId: out.id, kind: "PAYMENT", providerTxnId: "2024061822001400000000000001" } });
    expect(line).toMatchObject({ match: "MATCHED", matchMethod: "TXN", paymentId: paid.paymentId, amountFen: 12_800 });
    // The full refund of that trade links to its order; the hub has no such refund: a discrepancy of −128.00.
    const refund = await db().statementLine.findFirstOrThrow({ where: { fileId: out.id, kind: "REFUND", providerTxnId: "2024061822001400000000000001" } });
    expect(refund).toMatchObject({ orderId: paid.orderId, amountFen: -12_800 });
    expect(await db().discrepancy.findFirst({ where: { lineId: refund.id }, select: { type: true, amountFen: true } })).toEqual({ type: "UNKNOWN", amountFen: -12_800 });
  });

  it("imports a platform settlement for a shop and matches it on the platform order id", async () => {
    const order = await db().order.findFirstOrThrow({ where: { channelId: "ch_tmall", paidAt: { not: null }, payments: { some: { provider: "PLATFORM" } } }, select: { id: true, platformOrderId: true, paidFen: true } });
    const yuan = (fen: number) => (fen / 100).toFixed(2);
    const csv = `结算时间,平台订单号,类型,结算金额（元）,平台佣金（元）,结算单号\n2026-06-20 10:00:00,${order.platformOrderId},收入,${yuan(order.paidFen)},${yuan(Math.round(order.paidFen * 0.05))},JS-1\n`;
    const finance = await actorFor("finance");
    await expect(startStatementImport(db(), finance, { fileName: "tmall.csv", bytes: Buffer.from(csv) }, null)).rejects.toMatchObject({ code: "CHANNEL_NOT_FOUND" });
    const out = await startStatementImport(db(), finance, { fileName: "tmall-settlement.csv", bytes: Buffer.from(csv), channelId: "ch_tmall" }, null);
    const line = await db().statementLine.findFirstOrThrow({ where: { fileId: out.id } });
    expect(line).toMatchObject({ source: "PLATFORM", match: "MATCHED", matchMethod: "PLATFORM_ORDER", orderId: order.id, amountFen: order.paidFen });
  });
});
