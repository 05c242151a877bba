import { z } from "zod";
import { assertCan, type Actor } from "../access/actor";
import { recordAudit } from "../audit/record-audit";
import { withTx, type Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { userSnapshot } from "./user-admin-shared";

export const SetUserActiveInput = z.object({ id: z.string().min(1).max(64), active: z.boolean() });
export type SetUserActiveInput = z.infer<typeof SetUserActiveInput>;

/**
 * 人走权停: a deactivated user's open session is refused on its very next request (the actor is
 * loaded from the database per request). The account stays for the audit trail.
 */
export async function setUserActive(db: Db, actor: Actor, raw: SetUserActiveInput) {
  assertCan(actor, "admin.users");
  const input = SetUserActiveInput.parse(raw);
  if (input.id === actor.id) throw new AppError("CANNOT_CHANGE_SELF");
  return withTx(db, async (tx) => {
    const before = await userSnapshot(tx, input.id);
    if (before.active === input.active) return { id: input.id, active: input.active };
    await tx.user.update({ where: { id: input.id }, data: { active: input.active, deactivatedAt: input.active ? null : new Date() } });
    await recordAudit(tx, actor, {
      action: input.active ? "user.reactivate" : "user.deactivate", entityType: "user", entityId: input.id,
      detail: { username: before.username, before: { active: before.active }, after: { active: input.active } },
    });
    return { id: input.id, active: input.active };
  });
}
