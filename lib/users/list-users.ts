import { assertCan, type Actor } from "../access/actor";
import type { Db } from "../db/client";

export const USER_LIST_LIMIT = 500;

/** Every account for the admin page (a merchant's staff is hundreds, not millions). */
export async function listUsers(db: Db, actor: Actor) {
  assertCan(actor, "admin.users");
  const users = await db.user.findMany({
    orderBy: [{ active: "desc" }, { username: "asc" }],
    take: USER_LIST_LIMIT,
    select: {
      id: true, username: true, displayName: true, active: true, region: true, createdAt: true, deactivatedAt: true,
      role: { select: { key: true, nameZh: true, nameEn: true, rowScope: true } },
      channelScope: { select: { channelId: true }, orderBy: { channelId: "asc" } },
    },
  });
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    active: u.active,
    region: u.region,
    roleKey: u.role.key,
    roleName: { zh: u.role.nameZh, en: u.role.nameEn },
    rowScope: u.role.rowScope,
    channelIds: u.channelScope.map((c) => c.channelId),
    createdAt: u.createdAt.toISOString(),
    deactivatedAt: u.deactivatedAt?.toISOString() ?? null,
  }));
}
export type UserListRow = Awaited<ReturnType<typeof listUsers>>[number];
