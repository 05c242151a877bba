import { describe, expect, it } from "vitest";
import { recordAudit } from "../../../lib/audit/record-audit";
import { searchAuditLog } from "../../../lib/audit/search-audit-log";
import { bizDay } from "../../../lib/time/biz-time";
import { actorFor, testDb } from "../helpers";

describe("审计 search", () => {
  it("finds rows by actor (username or name), action prefix, entity and day, newest first, paginated", async () => {
    const auditor = await actorFor("auditor");
    const ops = await actorFor("ops");
    for (let i = 0; i < 3; i++) await recordAudit(testDb(), ops, { action: "search.test", entityType: "widget", entityId: `w${i}` });
    const byUser = await searchAuditLog(testDb(), auditor, { actor: "ops", action: "search.", size: 20 });
    expect(byUser.rows.map((r) => r.entityId)).toEqual(["w2", "w1", "w0"]);
    const byName = await searchAuditLog(testDb(), auditor, { actor: ops.displayName, action: "search.test" });
    expect(byName.total).toBe(3);
    const one = await searchAuditLog(testDb(), auditor, { entityType: "widget", entityId: "w1" });
    expect(one.rows).toHaveLength(1);
    const today = bizDay(new Date());
    expect((await searchAuditLog(testDb(), auditor, { action: "search.test", from: today, to: today })).total).toBe(3);
    expect((await searchAuditLog(testDb(), auditor, { action: "search.test", to: "2020-01-01" })).total).toBe(0);
    const paged = await searchAuditLog(testDb(), auditor, { action: "search.test", size: 20, page: 1 });
    expect(paged.pageCount).toBe(1);
    await expect(searchAuditLog(testDb(), auditor, { from: "2026-02-01", to: "2026-01-01" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(searchAuditLog(testDb(), ops, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
