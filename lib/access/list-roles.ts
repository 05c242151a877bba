import type { Db } from "../db/client";
import { assertCan, type Actor } from "./actor";
import type { Permission, RowScope, SensitiveField } from "./roles";

export interface RoleRow {
  id: string;
  key: string;
  nameZh: string;
  nameEn: string;
  permissions: Permission[];
  rowScope: RowScope;
  unmaskedFields: SensitiveField[];
  exportRowCap: number;
  userCount: number;
}

/** Roles with their rules, for the admin pages (roles page, and the role picker on the users page). */
export async function listRoles(db: Db, actor: Actor): Promise<RoleRow[]> {
  if (!actor.permissions.has("admin.users")) assertCan(actor, "admin.roles");
  const roles = await db.role.findMany({ orderBy: { id: "asc" }, take: 100, include: { _count: { select: { users: true } } } });
  return roles.map((r) => ({
    id: r.id, key: r.key, nameZh: r.nameZh, nameEn: r.nameEn,
    permissions: r.permissions as Permission[], rowScope: r.rowScope as RowScope,
    unmaskedFields: r.unmaskedFields as SensitiveField[], exportRowCap: r.exportRowCap, userCount: r._count.users,
  }));
}
