import { z } from "zod";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { SALES_REGIONS } from "../geo/regions";

/** At least 8 characters with a letter and a digit; longer is better, nothing else is forced. */
export const NewPassword = z.string().min(1).max(256);
export function assertStrongPassword(p: string): void {
  if (p.length < 8 || !/[A-Za-z]/.test(p) || !/\d/.test(p)) throw new AppError("PASSWORD_TOO_WEAK");
}

/** Who can see what, as it is audited before and after a change. */
export async function userSnapshot(db: Db, userId: string) {
  const u = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, username: true, displayName: true, active: true, region: true, role: { select: { key: true } }, channelScope: { select: { channelId: true }, orderBy: { channelId: "asc" } } },
  });
  if (!u) throw new AppError("USER_NOT_FOUND");
  return { id: u.id, username: u.username, displayName: u.displayName, active: u.active, role: u.role.key, region: u.region, channels: u.channelScope.map((c) => c.channelId) };
}

export const ScopeFields = {
  displayName: z.string().trim().min(1).max(64),
  roleKey: z.string().min(1).max(64),
  region: z.enum(SALES_REGIONS).nullish().transform((v) => v ?? null),
  channelIds: z.array(z.string().min(1).max(64)).max(50).default([]),
};

/** The role by key, and the shops that really exist (an unknown shop id is bad input, not ignored). */
export async function resolveRoleAndChannels(db: Db, roleKey: string, channelIds: string[]) {
  const role = await db.role.findUnique({ where: { key: roleKey }, select: { id: true, key: true } });
  if (!role) throw new AppError("ROLE_NOT_FOUND");
  const unique = [...new Set(channelIds)];
  const found = await db.channel.count({ where: { id: { in: unique } } });
  if (found !== unique.length) throw new AppError("INVALID_INPUT", { field: "channelIds" });
  return { role, channelIds: unique };
}
