import { describe, expect, it } from "vitest";
import type { Actor } from "../../../lib/access/actor";
import { rebuildBaseline } from "../../../lib/reconciliation/build-baseline";
import { checkPeriod, closePeriod } from "../../../lib/reconciliation/close-period";
import { decideCandidate } from "../../../lib/reconciliation/decide-candidate";
import { explainDiscrepancies } from "../../../lib/reconciliation/explain-discrepancies";
import { exportDiscrepancies } from "../../../lib/reconciliation/export-discrepancies";
import { listDiscrepancies } from "../../../lib/reconciliation/list-discrepancies";
import { listCandidates, listStatements, statementChannels, statementErrors } from "../../../lib/reconciliation/list-statements";
import { locateOpenItems } from "../../../lib/reconciliation/locate-open-items";
import { loadPeriodView } from "../../../lib/reconciliation/period-view";
import { startStatementImport } from "../../../lib/reconciliation/start-statement-import";
import { writeWechatBill } from "../../../lib/reconciliation/write-wechat-bill";
import { addBizDays, bizDay } from "../../../lib/time/biz-time";
import { actorFor, testDb } from "../helpers";

const db = () => testDb();
const DAY = "2026-07-02";
const NO_ID = "00000000-0000-7000-8000-000000000000";
const bill = () => Buffer.from(writeWechatBill([{ at: new Date(`${DAY}T10:00:00+08:00`), txnId: "4200000000000000000000070201", outTradeNo: "XD-WHOLE-BOOK", amountFen: 1_000 }]), "utf8");

/** Every reconciliation entry point, with input it would accept from a whole-book actor. */
const ENTRY_POINTS: Record<string, (a: Actor) => Promise<unknown>> = {
  listDiscrepancies: (a) => listDiscrepancies(db(), a, { dayFrom: DAY, dayTo: DAY }),
  exportDiscrepancies: (a) => exportDiscrepancies(db(), a, { dayFrom: DAY, dayTo: DAY }, "csv"),
  closePeriod: (a) => closePeriod(db(), a, { day: DAY }),
  checkPeriod: (a) => checkPeriod(db(), a, DAY),
  rebuildBaseline: (a) => rebuildBaseline(db(), a, DAY),
  loadPeriodView: (a) => loadPeriodView(db(), a, DAY),
  startStatementImport: (a) => startStatementImport(db(), a, { fileName: "wx-whole-book.csv", bytes: bill() }, null),
  listStatements: (a) => listStatements(db(), a),
  statementChannels: (a) => statementChannels(db(), a),
  statementErrors: (a) => statementErrors(db(), a, NO_ID),
  listCandidates: (a) => listCandidates(db(), a),
  decideCandidate: (a) => decideCandidate(db(), a, { id: NO_ID, decision: "REJECT" }),
  explainDiscrepancies: (a) => explainDiscrepancies(db(), a, { ids: [NO_ID], status: "EXPLAINED", explanation: "scope" }),
  locateOpenItems: (a) => locateOpenItems(db(), a, { amount: "0.01", dayFrom: DAY, dayTo: DAY }),
};

describe("reconciliation is whole-book: a finance role cut to a row scope is refused", () => {
  it.each([
    ["REGION", (f: Actor): Actor => ({ ...f, rowScope: "REGION", region: "浙江" })],
    ["CHANNELS", (f: Actor): Actor => ({ ...f, rowScope: "CHANNELS", channelIds: ["ch_own_mall"] })],
  ])("with a %s scope, every entry point refuses and nothing is written", async (_scope, cut) => {
    const scoped = cut(await actorFor("finance"));
    expect(scoped.permissions.has("finance.reconcile") && scoped.permissions.has("finance.close") && scoped.permissions.has("order.export")).toBe(true);
    const auditsBefore = await db().auditLog.count({ where: { actorId: scoped.id } });
    for (const [name, call] of Object.entries(ENTRY_POINTS)) {
      await expect(call(scoped), name).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await db().statementFile.count({ where: { fileName: "wx-whole-book.csv" } })).toBe(0);
    expect(await db().reconBaseline.count({ where: { bizDay: DAY } })).toBe(0);
    expect(await db().reconPeriod.count({ where: { bizDay: DAY } })).toBe(0);
    expect(await db().auditLog.count({ where: { actorId: scoped.id } })).toBe(auditsBefore);
  });

  it("the same role with the whole book gets through", async () => {
    const finance = await actorFor("finance");
    expect((await listDiscrepancies(db(), finance, { dayFrom: DAY, dayTo: DAY })).rows).toEqual([]);
    expect((await exportDiscrepancies(db(), finance, { dayFrom: DAY, dayTo: DAY }, "csv")).rowCount).toBe(0);
    expect(await loadPeriodView(db(), finance, DAY)).toMatchObject({ day: DAY, baseline: null, closed: false });
    expect((await loadPeriodView(db(), finance, "not-a-day")).day).toBe(addBizDays(bizDay(new Date()), -1));
  });
});
