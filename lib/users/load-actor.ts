import type { Actor } from "../access/actor";
import type { Permission, RowScope, SensitiveField } from "../access/roles";
import type { Db } from "../db/client";

/**
 * Loads the actor for a session's user id, fresh on every request: a deactivated user or a
 * changed role takes effect at once, not when a token expires (seed 000's 人走权停).
 * Returns null for an unknown or deactivated user.
 */
export async function loadActor(db: Db, userId: string): Promise<Actor | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true, username: true, displayName: true, active: true, region: true, locale: true,
      role: { select: { key: true, nameZh: true, nameEn: true, permissions: true, rowScope: true, unmaskedFields: true, exportRowCap: true } },
      channelScope: { select: { channelId: true } },
    },
  });
  if (!user || !user.active) return null;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roleKey: user.role.key,
    roleName: { zh: user.role.nameZh, en: user.role.nameEn },
    permissions: new Set(user.role.permissions as Permission[]),
    rowScope: user.role.rowScope as RowScope,
    unmaskedFields: new Set(user.role.unmaskedFields as SensitiveField[]),
    exportRowCap: user.role.exportRowCap,
    region: user.region,
    channelIds: user.channelScope.map((c) => c.channelId),
    locale: user.locale,
  };
}
