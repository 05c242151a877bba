import { AppError } from "../errors/app-error";
import type { Permission, RowScope, SensitiveField } from "./roles";

/** The signed-in user as every domain service sees them, loaded fresh from the database per request. */
export interface Actor {
  id: string;
  username: string;
  displayName: string;
  roleKey: string;
  roleName: { zh: string; en: string };
  permissions: ReadonlySet<Permission>;
  rowScope: RowScope;
  unmaskedFields: ReadonlySet<SensitiveField>;
  /** Most rows one export may hold (0: none). */
  exportRowCap: number;
  region: string | null;
  channelIds: readonly string[];
  locale: string;
}

/** The system itself (jobs, webhooks); sees everything, masks nothing. */
export const SYSTEM_ACTOR_NAME = "系统";

export const can = (actor: Actor, permission: Permission) => actor.permissions.has(permission);

export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new AppError("FORBIDDEN", { permission });
}
