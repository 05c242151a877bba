import { describe, expect, it } from "vitest";
import { buildBaseline } from "../../../lib/reconciliation/build-baseline";
import { checkPeriod, closePeriod } from "../../../lib/reconciliation/close-period";
import { decideCandidate } from "../../../lib/reconciliation/decide-candidate";
import { listDiscrepancies, type DiscrepancyQueryInput } from "../../../lib/reconciliation/list-discrepancies";
import { exportDiscrepancies } from "../../../lib/reconciliation/export-discrepancies";
import { explainDiscrepancies } from "../../../lib/reconciliation/explain-discrepancies";
import { locateOpenItems } from "../../../lib/reconciliation/locate-open-items";
import { startStatementImport } from "../../../lib/reconciliation/start-statement-import";
import { writeWechatBill, type BillEntry } from "../../../lib/reconciliation/write-wechat-bill";
import { actorFor, testDb } from "../helpers";
import { orderWithPayment } from "./scenario";

const D1 = "2026-06-18";
const D2 = "2026-06-19";
const at = (day: string, hms: string) => new Date(`${day}T${hms}+08:00`);
const db = () => testDb();

async function importBill(entries: BillEntry[], name: string, mutate?: (text: string) => string) {
  const finance = await actorFor("finance");
  const text = writeWechatBill(entries);
  return startStatementImport(db(), finance, { fileName: name, bytes: Buffer.from(mutate ? mutate(text) : text, "utf8") }, null);
}
const discrepancies = (where: object) => db().discrepancy.findMany({ where, select: { id: true, type: true, status: true, amountFen: true, orderId: true, paymentId: true } });

describe("statement import, matching, discrepancies, diff locator and period close", () => {
  let s: Record<string, Awaited<ReturnType<typeof orderWithPayment>>>;
  let entries: BillEntry[];

  it("imports a WeChat bill: exact, by order number, coupon, fee, fuzzy, ambiguous, refunds, offline, missing, timing", async () => {
    s = {
      exact: await orderWithPayment(db(), { paidAt: `${D1}T09:12:05`, fen: 12_800 }),
      byOrderNo: await orderWithPayment(db(), { paidAt: `${D1}T10:03:41`, fen: 5_990 }),
      coupon: await orderWithPayment(db(), { paidAt: `${D1}T11:27:18`, fen: 9_900, couponFen: 500 }),
      fee: await orderWithPayment(db(), { paidAt: `${D1}T12:00:00`, fen: 25_600 }),
      timing: await orderWithPayment(db(), { paidAt: `${D1}T23:55:00`, fen: 4_550 }),
      missing: await orderWithPayment(db(), { paidAt: `${D1}T14:00:00`, fen: 7_700 }),
      fuzzy: await orderWithPayment(db(), { paidAt: `${D1}T15:00:00`, fen: 8_800 }),
      twinA: await orderWithPayment(db(), { paidAt: `${D1}T16:00:00`, fen: 6_660 }),
      twinB: await orderWithPayment(db(), { paidAt: `${D1}T16:03:00`, fen: 6_660 }),
      yesterday: await orderWithPayment(db(), { paidAt: `2026-06-17T20:00:00`, fen: 3_000 }),
    };
    const refund = await db().refund.create({ data: { refundNo: `RFT${s.yesterday.orderNo.slice(3)}`, orderId: s.yesterday.orderId, amountFen: 2_000, status: "COMPLETED", requestedAt: at(D1, "17:00:00"), completedAt: at(D1, "17:20:45") } });
    await db().order.update({ where: { id: s.yesterday.orderId }, data: { refundedFen: 2_000 } });
    entries = [
      { at: s.exact.paidAt, txnId: s.exact.txnId, outTradeNo: s.exact.orderNo, amountFen: 12_800 },
      { at: s.byOrderNo.paidAt, txnId: "4200000000000000000000000999", outTradeNo: s.byOrderNo.orderNo, amountFen: 5_990 },
      { at: s.coupon.paidAt, txnId: s.coupon.txnId, outTradeNo: s.coupon.orderNo, amountFen: 9_400 },
      { at: s.fee.paidAt, txnId: s.fee.txnId, outTradeNo: s.fee.orderNo, amountFen: 25_600, feeMilli: 200_000 },
      { at: at(D1, "15:05:00"), txnId: "4200000000000000000000000888", outTradeNo: `ZZ${s.fuzzy.orderNo.slice(2)}`, amountFen: 8_800 },
      { at: at(D1, "16:01:00"), txnId: "4200000000000000000000000777", outTradeNo: "", amountFen: 6_660 },
      { at: at(D1, "17:20:45"), txnId: s.yesterday.txnId, outTradeNo: s.yesterday.orderNo, amountFen: 2_000, refund: { refundId: "50300000000000000000000000001", refundNo: refund.refundNo } },
      { at: at(D1, "10:00:00"), txnId: "4200009920260618000000001", outTradeNo: "XD20260618001", amountFen: 15_800 },
      { at: at(D1, "11:00:00"), txnId: "4200009920260618000000002", outTradeNo: "XD20260618002", amountFen: 18_000 },
      { at: at(D1, "12:00:00"), txnId: "4200009920260618000000003", outTradeNo: "XD20260618003", amountFen: 9_036 },
    ];
    // One row damaged on the way: listed with its reason, the rest imported.
    const out = await importBill(entries, "wx-0618.csv", (t) => t.replace("\r\n`", "\r\n`2026-06-18 08:00:00,`wx,`1,`0,`,`4200000000000000000000000111,`OH1,`o,`JSAPI,`SUCCESS,`OTHERS,`CNY,`1O.00,`0.00,`0,`0,`0.00,`0.00,`,`,`x,`,`0.06000,`0.60%,`10.00,`0.00,`\r\n`"));
    expect(out).toMatchObject({ duplicate: false, status: "DONE" });
    const file = await db().statementFile.findUniqueOrThrow({ where: { id: out.id } });
    expect(file).toMatchObject({ source: "WECHAT", totalLines: 11, newLines: 10, failedLines: 1, matchedLines: 5, candidateLines: 2, unmatchedLines: 3, dayFrom: D1, dayTo: D1, checksumOk: false });
    expect(await db().statementFileError.findMany({ where: { fileId: out.id }, select: { lineNo: true, code: true } })).toEqual([{ lineNo: 2, code: "BAD_AMOUNT" }]);

    const lines = await db().statementLine.findMany({ where: { fileId: out.id }, select: { merchantOrderNo: true, match: true, matchMethod: true, paymentId: true, refundId: true } });
    const lineFor = (orderNo: string) => lines.find((l) => l.merchantOrderNo === orderNo)!;
    expect(lineFor(s.exact.orderNo)).toMatchObject({ match: "MATCHED", matchMethod: "TXN", paymentId: s.exact.paymentId });
    expect(lineFor(s.byOrderNo.orderNo)).toMatchObject({ match: "MATCHED", matchMethod: "ORDER_NO", paymentId: s.byOrderNo.paymentId });
    // The refund of yesterday's payment matches its original payment and the hub refund, whatever the day.
    expect(lines.find((l) => l.refundId === refund.id)).toMatchObject({ match: "MATCHED", matchMethod: "REFUND_NO", paymentId: s.yesterday.paymentId });

    const all = await discrepancies({ bizDay: D1 });
    const of = (type: string) => all.filter((d) => d.type === type);
    expect(of("COUPON_FACE_VS_ACTUAL")).toEqual([expect.objectContaining({ amountFen: -500, paymentId: s.coupon.paymentId, status: "OPEN" })]);
    expect(of("FEE_DIFFERENCE")).toEqual([expect.objectContaining({ amountFen: 154 - 200, paymentId: s.fee.paymentId })]);
    expect(of("OFFLINE_ORDER_NOT_ENTERED").map((d) => d.amountFen).sort((a, b) => a - b)).toEqual([9_036, 15_800, 18_000]);
    expect(of("MISSING_IN_BILL")).toEqual([expect.objectContaining({ amountFen: -7_700, paymentId: s.missing.paymentId })]);
    expect(of("TIMING")).toEqual([expect.objectContaining({ amountFen: -4_550, paymentId: s.timing.paymentId })]);
  });

  it("the tracker filters by absolute amount range; the export holds that filter up to the role's row cap", async () => {
    const finance = await actorFor("finance");
    const day = { dayFrom: D1, dayTo: D1 };
    const all = await listDiscrepancies(db(), finance, day);
    expect(all.rows.map((r) => r.amountFen)).toEqual([18_000, 15_800, 9_036, -7_700, -4_550, -500, -46]);
    // 5.00 to 90.36 by absolute value: the −5.00 coupon and −45.50 timing are in, the −0.46 fee and 158.00 out.
    const ranged = await listDiscrepancies(db(), finance, { ...day, minFen: 500, maxFen: 9_036 });
    expect(ranged.rows.map((r) => [r.type, r.amountFen])).toEqual([["OFFLINE_ORDER_NOT_ENTERED", 9_036], ["MISSING_IN_BILL", -7_700], ["TIMING", -4_550], ["COUPON_FACE_VS_ACTUAL", -500]]);
    expect(ranged.total).toBe(4);
    expect((await listDiscrepancies(db(), finance, { ...day, minFen: 47, maxFen: 499 })).rows).toEqual([]);
    // A bad tracker URL (?page=0, ?type=FOO, ?from=2026-1-1) is refused with a code, never a 500.
    await expect(listDiscrepancies(db(), finance, { page: 0 })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(listDiscrepancies(db(), finance, { type: "FOO" as DiscrepancyQueryInput["type"] })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(listDiscrepancies(db(), finance, { dayFrom: "2026-1-1" })).rejects.toMatchObject({ code: "INVALID_INPUT" });

    await expect(exportDiscrepancies(db(), { ...finance, exportRowCap: 6 }, day, "csv")).rejects.toMatchObject({ code: "EXPORT_TOO_LARGE", context: { cap: 6 } });
    expect((await exportDiscrepancies(db(), { ...finance, exportRowCap: 7 }, day, "csv")).rowCount).toBe(7);
    expect((await exportDiscrepancies(db(), { ...finance, exportRowCap: 4 }, { ...day, minFen: 500, maxFen: 9_036 }, "csv")).rowCount).toBe(4);
  });

  it("the same file twice adds nothing; an overlapping file adds only its new lines", async () => {
    const again = await importBill(entries, "wx-0618-again.csv", (t) => t.replace("\r\n`", "\r\n`2026-06-18 08:00:00,`wx,`1,`0,`,`4200000000000000000000000111,`OH1,`o,`JSAPI,`SUCCESS,`OTHERS,`CNY,`1O.00,`0.00,`0,`0,`0.00,`0.00,`,`,`x,`,`0.06000,`0.60%,`10.00,`0.00,`\r\n`"));
    expect(again.duplicate).toBe(true);
    const before = await db().discrepancy.count();
    const extra = await orderWithPayment(db(), { paidAt: `${D1}T18:00:00`, fen: 1_000 });
    const overlap = await importBill([...entries].reverse().concat({ at: extra.paidAt, txnId: extra.txnId, outTradeNo: extra.orderNo, amountFen: 1_000 }), "wx-0618-v2.csv");
    const file = await db().statementFile.findUniqueOrThrow({ where: { id: overlap.id } });
    expect(file).toMatchObject({ newLines: 1, duplicateLines: entries.length, matchedLines: 1 });
    expect(await db().discrepancy.count()).toBe(before);
  });

  it("a file it cannot recognise is refused with a code, and kept with the reason", async () => {
    const finance = await actorFor("finance");
    const junk = { fileName: "not-a-bill.csv", bytes: Buffer.from("订单号,金额\nOH1,12.00\n", "utf8") };
    await expect(startStatementImport(db(), finance, junk, null)).rejects.toMatchObject({ code: "STATEMENT_FILE_INVALID" });
    await expect(startStatementImport(db(), finance, junk, null)).rejects.toMatchObject({ code: "STATEMENT_FILE_INVALID" });
    expect(await db().statementFile.findMany({ where: { fileName: "not-a-bill.csv" }, select: { status: true, errorCode: true } })).toEqual([{ status: "FAILED", errorCode: "STATEMENT_FILE_INVALID" }]);
    await expect(startStatementImport(db(), await actorFor("ops"), { fileName: "e.csv", bytes: new Uint8Array() }, null)).rejects.toMatchObject({ code: "STATEMENT_FILE_INVALID" });
  });

  it("fuzzy candidates: a single one is confirmed by a person; two equally good ones are never matched automatically", async () => {
    const finance = await actorFor("finance");
    const pool = await db().matchCandidate.findMany({ where: { status: "PROPOSED", paymentId: { in: [s.fuzzy.paymentId, s.twinA.paymentId, s.twinB.paymentId] } } });
    const single = pool.filter((c) => c.paymentId === s.fuzzy.paymentId);
    expect(single).toEqual([expect.objectContaining({ ambiguous: false })]);
    const twins = pool.filter((c) => c.paymentId !== s.fuzzy.paymentId);
    expect(twins).toHaveLength(2);
    expect(twins.every((c) => c.ambiguous)).toBe(true);
    expect(await db().statementLine.findUniqueOrThrow({ where: { id: twins[0].lineId }, select: { match: true } })).toEqual({ match: "CANDIDATE" });

    await decideCandidate(db(), finance, { id: single[0].id, decision: "CONFIRM" });
    expect(await db().statementLine.findUniqueOrThrow({ where: { id: single[0].lineId }, select: { match: true, matchMethod: true, paymentId: true } })).toEqual({ match: "MATCHED", matchMethod: "FUZZY_CONFIRMED", paymentId: s.fuzzy.paymentId });
    await expect(decideCandidate(db(), finance, { id: single[0].id, decision: "CONFIRM" })).rejects.toMatchObject({ code: "CANDIDATE_NOT_FOUND" });
    // Rejecting both twins leaves the line unmatched: it becomes a discrepancy, and both payments are missing in the bill.
    for (const c of twins) await decideCandidate(db(), finance, { id: c.id, decision: "REJECT" });
    expect(await db().statementLine.findUniqueOrThrow({ where: { id: twins[0].lineId }, select: { match: true } })).toEqual({ match: "UNMATCHED" });
    expect(await discrepancies({ dedupeKey: `line:${twins[0].lineId}` })).toEqual([expect.objectContaining({ amountFen: 6_660, status: "OPEN" })]);
    await expect(decideCandidate(db(), await actorFor("cs"), { id: twins[0].id, decision: "CONFIRM" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("a TIMING item becomes missing in bill when the next day's bill lacks it too", async () => {
    const next = await orderWithPayment(db(), { paidAt: `${D2}T09:00:00`, fen: 3_300 });
    await importBill([{ at: next.paidAt, txnId: next.txnId, outTradeNo: next.orderNo, amountFen: 3_300 }], "wx-0619.csv");
    expect(await discrepancies({ paymentId: s.timing.paymentId })).toEqual([expect.objectContaining({ type: "MISSING_IN_BILL", status: "OPEN" })]);
  });

  it("locates 428.36 among the open items as the three offline orders", async () => {
    const finance = await actorFor("finance");
    const r = await locateOpenItems(db(), finance, { amount: "428.36", dayFrom: D1, dayTo: D1 });
    expect(r.targetFen).toBe(42_836);
    expect(r.combinations[0].map((i) => i.amountFen).sort((a, b) => a - b)).toEqual([9_036, 15_800, 18_000]);
    expect(r.combinations[0].every((i) => i.kind === "DISCREPANCY" && i.label === "OFFLINE_ORDER_NOT_ENTERED")).toBe(true);
    // Signed: the coupon (−5.00) and the fee (−0.46) together.
    const neg = await locateOpenItems(db(), finance, { amount: "-5.46", dayFrom: D1, dayTo: D1 });
    expect(neg.combinations[0].map((i) => i.amountFen).sort((a, b) => a - b)).toEqual([-500, -46]);
    expect((await locateOpenItems(db(), finance, { amount: "0.01", dayFrom: D1, dayTo: D1 })).combinations).toEqual([]);
    await expect(locateOpenItems(db(), await actorFor("warehouse"), { amount: "1.00" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("builds the day's baseline: six dimensions from orders and the bill", async () => {
    const b = await buildBaseline(db(), D1);
    // The ten orders paid on D1 (12,800 + 5,990 + 9,900 + 25,600 + 4,550 + 7,700 + 8,800 + 6,660 + 6,660 + the extra 1,000).
    expect(Number(b.receivableFen)).toBe(89_660);
    // The 9 payments of wx-0618 (12,800 + 5,990 + 9,400 + 25,600 + 8,800 + 6,660 + 15,800 + 18,000 + 9,036) and the extra 1,000 of wx-0618-v2.
    expect(Number(b.receivedFen)).toBe(113_086);
    expect(Number(b.refundedFen)).toBe(2_000);
    expect(Number(b.refundDueFen)).toBe(2_000);
    // 13% VAT contained in 896.60: 896.60 × 13 / 113 = 103.1487 → 103.15.
    expect(Number(b.taxFen)).toBe(10_315);
    // Fees at the contracted 0.6%, rounded to the fen per line (77 + 36 + 56 + 53 + 40 + 95 + 108 + 54, and 6 for the extra
    // 1,000), the fee line's own 200, less the 12 returned with the 2,000 refund.
    expect(Number(b.commissionFen)).toBe(713);
  });

  it("refuses to close with the list of what disagrees; closes once it agrees; then the day is locked", async () => {
    const finance = await actorFor("finance");
    const unshipped = await orderWithPayment(db(), { paidAt: `${D1}T08:00:00`, fen: 5_000, delivered: `${D1}T20:00:00`, status: "DELIVERED" });
    const refused = await closePeriod(db(), finance, { day: D1 }).catch((e) => e);
    expect(refused.code).toBe("PERIOD_NOT_CLOSABLE");
    const kinds = new Set(refused.context.issues.map((i: { kind: string }) => i.kind));
    expect(kinds).toEqual(new Set(["NO_OUTBOUND", "OPEN_DISCREPANCY"]));
    expect(refused.context.issues.find((i: { kind: string }) => i.kind === "NO_OUTBOUND").orderNo).toBe(unshipped.orderNo);

    await db().shipment.create({ data: { orderId: unshipped.orderId, carrierCode: "shunfeng", trackingNo: `SFT${unshipped.orderNo}`, shippedAt: at(D1, "09:00:00") } });
    const open = await discrepancies({ bizDay: D1, status: "OPEN" });
    await explainDiscrepancies(db(), finance, { ids: open.map((d) => d.id), status: "EXPLAINED", explanation: "三笔线下代付订单未录入应收；其余已核实" });
    expect((await checkPeriod(db(), finance, D1)).issues).toEqual([]);
    // The check rebuilt the day's baseline (and its postings): audited like a rebuild from the page.
    const rebuilt = await db().auditLog.findFirstOrThrow({ where: { action: "reconciliation.baseline", entityId: D1, actorId: finance.id }, orderBy: { id: "desc" }, select: { entityType: true, detail: true } });
    expect(rebuilt).toMatchObject({ entityType: "reconBaseline", detail: { days: expect.arrayContaining([D1]) } });
    await expect(closePeriod(db(), await actorFor("cs"), { day: D1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await closePeriod(db(), finance, { day: D1 });

    expect((await db().reconBaseline.findUniqueOrThrow({ where: { bizDay: D1 } })).frozenAt).not.toBeNull();
    expect(await db().discrepancy.count({ where: { bizDay: D1, status: { not: "CLOSED" } } })).toBe(0);
    await expect(buildBaseline(db(), D1)).rejects.toMatchObject({ code: "PERIOD_CLOSED" });
    await expect(closePeriod(db(), finance, { day: D1 })).rejects.toMatchObject({ code: "PERIOD_CLOSED" });
  });

  it("a later change to the closed day becomes an adjustment in the open day; an after-sale refund of it too", async () => {
    // A refund that completes on the closed day but arrives afterwards.
    await db().refund.create({ data: { refundNo: `RFT${s.exact.orderNo.slice(3)}`, orderId: s.exact.orderId, amountFen: 1_000, status: "COMPLETED", requestedAt: at(D1, "22:00:00"), completedAt: at(D1, "22:10:00") } });
    await db().order.update({ where: { id: s.exact.orderId }, data: { refundedFen: 1_000 } });
    await buildBaseline(db(), D2);
    const late = await db().reconAdjustment.findMany({ where: { orderId: s.exact.orderId, reason: "LATE_CHANGE" } });
    expect(late).toEqual([expect.objectContaining({ bizDay: D2, originalDay: D1, amountFen: -1_000, status: "OPEN" })]);
    await buildBaseline(db(), D2); // booked once
    expect(await db().reconAdjustment.count({ where: { orderId: s.exact.orderId, reason: "LATE_CHANGE" } })).toBe(1);

    // The bill of the 19th refunds a payment of the closed 18th.
    await importBill([{ at: at(D2, "10:00:00"), txnId: s.coupon.txnId, outTradeNo: s.coupon.orderNo, amountFen: 1_000, refund: { refundId: "50300000000000000000000000002", refundNo: "RF-NOT-IN-HUB" } }], "wx-0619-refund.csv");
    expect(await discrepancies({ type: "AFTER_SALE_CLOSED_PERIOD" })).toEqual([expect.objectContaining({ status: "ADJUSTED", amountFen: -1_000, orderId: s.coupon.orderId })]);
    expect(await db().reconAdjustment.findMany({ where: { reason: "AFTER_SALE_CLOSED_PERIOD" }, select: { bizDay: true, originalDay: true, amountFen: true } })).toEqual([{ bizDay: D2, originalDay: D1, amountFen: -1_000 }]);
  });

  it("the tracker's document type: refund-side items (a hub refund, or a refund line of a bill) apart from payment-side ones", async () => {
    const finance = await actorFor("finance");
    const days = { dayFrom: D1, dayTo: D2, size: 200 };
    const refundSide = await listDiscrepancies(db(), finance, { ...days, docType: "REFUND" });
    // The 19th's refund of the closed 18th's coupon payment: unknown to the hub, and an after-sale change of a closed day.
    expect(refundSide.rows.map((r) => [r.type, r.amountFen, r.refundNo]).sort()).toEqual([["AFTER_SALE_CLOSED_PERIOD", -1_000, "RF-NOT-IN-HUB"], ["UNKNOWN", -1_000, "RF-NOT-IN-HUB"]]);
    const paymentSide = await listDiscrepancies(db(), finance, { ...days, docType: "PAYMENT" });
    const all = await listDiscrepancies(db(), finance, days);
    expect(paymentSide.total).toBe(all.total - 2);
    const refundIds = new Set(refundSide.rows.map((r) => r.id));
    expect(paymentSide.rows.map((r) => r.id).sort()).toEqual(all.rows.filter((r) => !refundIds.has(r.id)).map((r) => r.id).sort());
    expect(paymentSide.rows.every((r) => r.refundNo === null)).toBe(true);
  });
});
