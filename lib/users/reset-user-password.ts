import { z } from "zod";
import { assertCan, type Actor } from "../access/actor";
import { recordAudit } from "../audit/record-audit";
import { withTx, type Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { hashPassword } from "./password";
import { assertStrongPassword, NewPassword } from "./user-admin-shared";

export const ResetPasswordInput = z.object({ id: z.string().min(1).max(64), password: NewPassword });
export type ResetPasswordInput = z.infer<typeof ResetPasswordInput>;

/** An admin sets a new password (told to the user in person); the audit row never holds it. */
export async function resetUserPassword(db: Db, actor: Actor, raw: ResetPasswordInput) {
  assertCan(actor, "admin.users");
  const input = ResetPasswordInput.parse(raw);
  assertStrongPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  return withTx(db, async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.id }, select: { id: true, username: true } });
    if (!user) throw new AppError("USER_NOT_FOUND");
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    // Clears the lock-out so the user can sign in with the new password right away.
    await tx.loginAttempt.deleteMany({ where: { username: user.username, succeeded: false } });
    await recordAudit(tx, actor, { action: "user.resetPassword", entityType: "user", entityId: user.id, detail: { username: user.username } });
    return { id: user.id };
  });
}
