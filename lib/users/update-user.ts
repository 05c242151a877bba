import { z } from "zod";
import { assertCan, type Actor } from "../access/actor";
import { recordAudit } from "../audit/record-audit";
import { withTx, type Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { resolveRoleAndChannels, ScopeFields, userSnapshot } from "./user-admin-shared";

export const UpdateUserInput = z.object({ id: z.string().min(1).max(64), ...ScopeFields });
export type UpdateUserInput = z.input<typeof UpdateUserInput>;

/** Name, role and scope (region, shops); takes effect on the user's next request. */
export async function updateUser(db: Db, actor: Actor, raw: UpdateUserInput) {
  assertCan(actor, "admin.users");
  const input = UpdateUserInput.parse(raw);
  return withTx(db, async (tx) => {
    const before = await userSnapshot(tx, input.id);
    // An admin demoting themselves could leave nobody able to undo it.
    if (input.id === actor.id && input.roleKey !== before.role) throw new AppError("CANNOT_CHANGE_SELF");
    const { role, channelIds } = await resolveRoleAndChannels(tx, input.roleKey, input.channelIds);
    await tx.user.update({ where: { id: input.id }, data: { displayName: input.displayName, roleId: role.id, region: input.region } });
    await tx.userChannelScope.deleteMany({ where: { userId: input.id } });
    if (channelIds.length) await tx.userChannelScope.createMany({ data: channelIds.map((channelId) => ({ userId: input.id, channelId })) });
    const after = await userSnapshot(tx, input.id);
    await recordAudit(tx, actor, { action: "user.update", entityType: "user", entityId: input.id, detail: { before, after } });
    return { id: input.id };
  });
}
