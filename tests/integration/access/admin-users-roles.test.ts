import { describe, expect, it } from "vitest";
import { updateRole } from "../../../lib/access/update-role";
import { searchAuditLog } from "../../../lib/audit/search-audit-log";
import { authenticate } from "../../../lib/users/authenticate";
import { createUser } from "../../../lib/users/create-user";
import { loadActor } from "../../../lib/users/load-actor";
import { resetUserPassword } from "../../../lib/users/reset-user-password";
import { setUserActive } from "../../../lib/users/set-user-active";
import { updateUser } from "../../../lib/users/update-user";
import { actorFor, testDb } from "../helpers";

describe("user and role administration", () => {
  it("creates, rescopes, resets and deactivates a user; each change audited with before/after; effective on the next load", async () => {
    const admin = await actorFor("admin");
    await expect(createUser(testDb(), admin, { username: "weak1", password: "short", displayName: "弱", roleKey: "CS_AGENT" })).rejects.toMatchObject({ code: "PASSWORD_TOO_WEAK" });
    await expect(createUser(testDb(), admin, { username: "cs", password: "Good2026pass", displayName: "重", roleKey: "CS_AGENT" })).rejects.toMatchObject({ code: "USERNAME_TAKEN" });
    await expect(createUser(testDb(), admin, { username: "badshop", password: "Good2026pass", displayName: "店", roleKey: "CS_AGENT", channelIds: ["ch_nope"] })).rejects.toMatchObject({ code: "INVALID_INPUT" });

    const { id } = await createUser(testDb(), admin, { username: "NewAgent", password: "Good2026pass", displayName: "新客服", roleKey: "CS_AGENT", channelIds: ["ch_jd"] });
    let actor = await loadActor(testDb(), id);
    expect(actor).toMatchObject({ username: "newagent", roleKey: "CS_AGENT", channelIds: ["ch_jd"] });
    expect((await authenticate(testDb(), "newagent", "Good2026pass")).id).toBe(id);

    await updateUser(testDb(), admin, { id, displayName: "新区域经理", roleKey: "REGIONAL_MANAGER", region: "华南", channelIds: [] });
    actor = await loadActor(testDb(), id);
    expect(actor).toMatchObject({ roleKey: "REGIONAL_MANAGER", region: "华南", channelIds: [], rowScope: "REGION" });
    const change = await testDb().auditLog.findFirstOrThrow({ where: { action: "user.update", entityId: id } });
    expect(change.detail).toMatchObject({ before: { role: "CS_AGENT", channels: ["ch_jd"] }, after: { role: "REGIONAL_MANAGER", region: "华南", channels: [] } });

    await resetUserPassword(testDb(), admin, { id, password: "Other2026pass" });
    await expect(authenticate(testDb(), "newagent", "Good2026pass")).rejects.toMatchObject({ code: "LOGIN_FAILED" });
    expect((await authenticate(testDb(), "newagent", "Other2026pass")).id).toBe(id);
    const reset = await testDb().auditLog.findFirstOrThrow({ where: { action: "user.resetPassword", entityId: id } });
    expect(JSON.stringify(reset.detail)).not.toContain("Other2026pass");

    await setUserActive(testDb(), admin, { id, active: false });
    expect(await loadActor(testDb(), id)).toBeNull(); // 人走权停: the next request has no actor
    await expect(authenticate(testDb(), "newagent", "Other2026pass")).rejects.toMatchObject({ code: "USER_DEACTIVATED" });
    await setUserActive(testDb(), admin, { id, active: true });
    expect(await loadActor(testDb(), id)).not.toBeNull();

    const auditor = await actorFor("auditor");
    const trail = await searchAuditLog(testDb(), auditor, { entityId: id, size: 50 });
    expect(trail.rows.map((r) => r.action).sort()).toEqual(["auth.login", "auth.login", "auth.login.deactivated", "auth.login.failed", "user.create", "user.deactivate", "user.reactivate", "user.resetPassword", "user.update"].sort());
  });

  it("never lets an admin lock themselves out", async () => {
    const admin = await actorFor("admin");
    await expect(setUserActive(testDb(), admin, { id: admin.id, active: false })).rejects.toMatchObject({ code: "CANNOT_CHANGE_SELF" });
    await expect(updateUser(testDb(), admin, { id: admin.id, displayName: "x", roleKey: "CS_AGENT" })).rejects.toMatchObject({ code: "CANNOT_CHANGE_SELF" });
    await expect(updateRole(testDb(), admin, { key: "ADMIN", permissions: ["order.view"], rowScope: "ALL", unmaskedFields: [], exportRowCap: 0 })).rejects.toMatchObject({ code: "CANNOT_CHANGE_SELF" });
  });

  it("changes a role's permissions, unmasked fields and export cap for every holder at once, audited", async () => {
    const admin = await actorFor("admin");
    const before = await actorFor("finance");
    await updateRole(testDb(), admin, { key: "FINANCE", permissions: [...before.permissions, "order.viewAddress"], rowScope: "ALL", unmaskedFields: ["phone"], exportRowCap: 20_000 });
    const after = await actorFor("finance");
    expect(after.permissions.has("order.viewAddress")).toBe(true);
    expect([...after.unmaskedFields]).toEqual(["phone"]);
    expect(after.exportRowCap).toBe(20_000);
    const row = await testDb().auditLog.findFirstOrThrow({ where: { action: "role.update", entityId: "FINANCE" }, orderBy: { id: "desc" } });
    expect(row.detail).toMatchObject({ before: { unmaskedFields: [], exportRowCap: 50_000 }, after: { unmaskedFields: ["phone"], exportRowCap: 20_000 } });
    // put it back for the other tests
    await updateRole(testDb(), admin, { key: "FINANCE", permissions: [...before.permissions], rowScope: "ALL", unmaskedFields: [], exportRowCap: 50_000 });
  });
});
