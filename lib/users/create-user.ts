import { z } from "zod";
import { assertCan, type Actor } from "../access/actor";
import { recordAudit } from "../audit/record-audit";
import { withTx, type Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { hashPassword } from "./password";
import { assertStrongPassword, NewPassword, resolveRoleAndChannels, ScopeFields, userSnapshot } from "./user-admin-shared";

export const CreateUserInput = z.object({
  username: z.string().trim().toLowerCase().regex(/^[a-z0-9_.-]{2,32}$/),
  password: NewPassword,
  ...ScopeFields,
});
export type CreateUserInput = z.input<typeof CreateUserInput>;

export async function createUser(db: Db, actor: Actor, raw: CreateUserInput) {
  assertCan(actor, "admin.users");
  const input = CreateUserInput.parse(raw);
  assertStrongPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  return withTx(db, async (tx) => {
    if (await tx.user.findUnique({ where: { username: input.username }, select: { id: true } })) throw new AppError("USERNAME_TAKEN");
    const { role, channelIds } = await resolveRoleAndChannels(tx, input.roleKey, input.channelIds);
    const user = await tx.user.create({
      data: {
        username: input.username, displayName: input.displayName, passwordHash, roleId: role.id, region: input.region,
        channelScope: { create: channelIds.map((channelId) => ({ channelId })) },
      },
      select: { id: true },
    });
    const after = await userSnapshot(tx, user.id);
    await recordAudit(tx, actor, { action: "user.create", entityType: "user", entityId: user.id, detail: { before: null, after } });
    return { id: user.id };
  });
}
