/** The role's export row cap (SPEC §7): a role without one may not export; a file above it is refused (narrow the filter instead). */
import type { Actor } from "../access/actor";
import { AppError } from "../errors/app-error";

/** The actor's row cap; FORBIDDEN when the role has none. */
export function exportCap(actor: Actor): number {
  if (actor.exportRowCap <= 0) throw new AppError("FORBIDDEN", { permission: "order.export" });
  return actor.exportRowCap;
}

/** Refuses a file of `count` rows (counted up to cap + 1) above the actor's cap. */
export function assertExportFits(actor: Actor, count: number): void {
  if (count > actor.exportRowCap) throw new AppError("EXPORT_TOO_LARGE", { cap: actor.exportRowCap });
}
