import { AppError } from "../errors/app-error";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { verifyPassword } from "./password";

export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_WINDOW_MS = 15 * 60_000;

export interface AuthenticatedUser {
  id: string;
  username: string;
  displayName: string;
  locale: string;
}

/**
 * Checks a username/password. Five failures for an account within 15 minutes lock it until the
 * oldest of them leaves the window; attempts during the lock are audited but not counted, so the
 * lock cannot be extended forever by someone hammering it.
 */
export async function authenticate(db: Db, usernameRaw: string, password: string, now = new Date()): Promise<AuthenticatedUser> {
  const username = usernameRaw.trim().toLowerCase();
  if (!username || !password || username.length > 64 || password.length > 256) throw new AppError("LOGIN_FAILED");
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const failures = await db.loginAttempt.count({ where: { username, succeeded: false, createdAt: { gte: since } } });
  if (failures >= LOGIN_MAX_FAILURES) {
    await recordAudit(db, { id: null, displayName: username }, { action: "auth.login.locked", entityType: "user", detail: { username } });
    throw new AppError("LOGIN_RATE_LIMITED", { minutes: LOGIN_WINDOW_MS / 60_000 });
  }
  const user = await db.user.findUnique({
    where: { username },
    select: { id: true, username: true, displayName: true, passwordHash: true, active: true, locale: true },
  });
  const ok = user ? await verifyPassword(user.passwordHash, password) : false;
  await db.loginAttempt.create({ data: { username, succeeded: ok && !!user?.active, createdAt: now } });
  if (!user || !ok) {
    await recordAudit(db, { id: user?.id ?? null, displayName: username }, { action: "auth.login.failed", entityType: "user", entityId: user?.id });
    throw new AppError("LOGIN_FAILED");
  }
  if (!user.active) {
    await recordAudit(db, { id: user.id, displayName: user.displayName }, { action: "auth.login.deactivated", entityType: "user", entityId: user.id });
    throw new AppError("USER_DEACTIVATED");
  }
  await recordAudit(db, { id: user.id, displayName: user.displayName }, { action: "auth.login", entityType: "user", entityId: user.id });
  return { id: user.id, username: user.username, displayName: user.displayName, locale: user.locale };
}
