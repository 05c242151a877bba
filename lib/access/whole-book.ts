import { AppError } from "../errors/app-error";
import { can, type Actor } from "./actor";
import type { Permission } from "./roles";

/**
 * Some permissions act on the whole book and cannot be cut to a row scope: finance (statements,
 * baselines and period close cover every shop and region) and ingestion (quarantine, data quality
 * and file imports span every channel). An actor whose row scope is not ALL is refused them, the
 * same way a missing permission is.
 */
export const canWholeBook = (actor: Actor, permission: Permission) => can(actor, permission) && actor.rowScope === "ALL";

export function assertWholeBook(actor: Actor, permission: Permission): void {
  if (!canWholeBook(actor, permission)) throw new AppError("FORBIDDEN", { permission });
}
