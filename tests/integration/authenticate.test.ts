import { describe, expect, it } from "vitest";
import { AppError } from "../../lib/errors/app-error";
import { authenticate, LOGIN_MAX_FAILURES } from "../../lib/users/authenticate";
import { hashPassword } from "../../lib/users/password";
import { DEMO_PASSWORD } from "../../lib/users/seed-users";
import { loadActor } from "../../lib/users/load-actor";
import { testDb } from "./helpers";

async function newUser(username: string, active = true) {
  return testDb().user.create({
    data: { username, displayName: username, passwordHash: await hashPassword("right-password"), roleId: "role_cs_agent", active },
  });
}

const codeOf = (p: Promise<unknown>) => p.then(() => "OK", (e: unknown) => (e instanceof AppError ? e.code : String(e)));

describe("authenticate", () => {
  it("signs in a demo user with the demo password and audits it", async () => {
    const user = await authenticate(testDb(), "cs", DEMO_PASSWORD);
    expect(user.username).toBe("cs");
    const audit = await testDb().auditLog.findFirst({ where: { action: "auth.login", entityId: user.id } });
    expect(audit).not.toBeNull();
  });

  it("refuses a wrong password and records the failure", async () => {
    await newUser("wrong_pw_user");
    expect(await codeOf(authenticate(testDb(), "wrong_pw_user", "nope"))).toBe("LOGIN_FAILED");
    expect(await testDb().loginAttempt.count({ where: { username: "wrong_pw_user", succeeded: false } })).toBe(1);
    expect(await testDb().auditLog.count({ where: { action: "auth.login.failed", actorName: "wrong_pw_user" } })).toBe(1);
  });

  it("locks an account after 5 failures in 15 minutes, even for the right password, and unlocks later", async () => {
    await newUser("locked_user");
    const t0 = new Date("2026-11-30T02:00:00Z");
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) {
      expect(await codeOf(authenticate(testDb(), "locked_user", "bad", new Date(t0.getTime() + i * 1000)))).toBe("LOGIN_FAILED");
    }
    const during = new Date(t0.getTime() + 10 * 60_000);
    expect(await codeOf(authenticate(testDb(), "locked_user", "right-password", during))).toBe("LOGIN_RATE_LIMITED");
    const after = new Date(t0.getTime() + 16 * 60_000);
    expect(await codeOf(authenticate(testDb(), "locked_user", "right-password", after))).toBe("OK");
  });

  it("refuses a deactivated user, and loadActor drops their live session", async () => {
    const user = await newUser("leaver");
    expect(await loadActor(testDb(), user.id)).not.toBeNull();
    await testDb().user.update({ where: { id: user.id }, data: { active: false, deactivatedAt: new Date() } });
    expect(await codeOf(authenticate(testDb(), "leaver", "right-password"))).toBe("USER_DEACTIVATED");
    expect(await loadActor(testDb(), user.id)).toBeNull();
  });

  it("applies a role change on the very next load", async () => {
    const user = await newUser("role_changer");
    expect((await loadActor(testDb(), user.id))!.roleKey).toBe("CS_AGENT");
    await testDb().user.update({ where: { id: user.id }, data: { roleId: "role_finance" } });
    const actor = (await loadActor(testDb(), user.id))!;
    expect(actor.roleKey).toBe("FINANCE");
    expect(actor.permissions.has("order.viewAddress")).toBe(false);
  });
});
