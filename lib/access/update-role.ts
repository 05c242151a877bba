import { z } from "zod";
import { recordAudit } from "../audit/record-audit";
import { withTx, type Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { assertCan, type Actor } from "./actor";
import { PERMISSIONS, ROW_SCOPES, SENSITIVE_FIELDS } from "./roles";

export const UpdateRoleInput = z.object({
  key: z.string().min(1).max(64),
  permissions: z.array(z.enum(PERMISSIONS)).max(PERMISSIONS.length),
  rowScope: z.enum(ROW_SCOPES),
  unmaskedFields: z.array(z.enum(SENSITIVE_FIELDS)).max(SENSITIVE_FIELDS.length),
  exportRowCap: z.number().int().min(0).max(1_000_000),
});
export type UpdateRoleInput = z.infer<typeof UpdateRoleInput>;

const sorted = <T extends string>(xs: readonly T[]) => [...new Set(xs)].sort();

/** Permissions, row scope, unmasked fields and export cap of a role; every holder gets them on their next request. */
export async function updateRole(db: Db, actor: Actor, raw: UpdateRoleInput) {
  assertCan(actor, "admin.roles");
  const input = UpdateRoleInput.parse(raw);
  // Taking admin rights away from one's own role could leave nobody able to give them back.
  if (input.key === actor.roleKey && (!input.permissions.includes("admin.roles") || !input.permissions.includes("admin.users"))) {
    throw new AppError("CANNOT_CHANGE_SELF");
  }
  return withTx(db, async (tx) => {
    const role = await tx.role.findUnique({ where: { key: input.key } });
    if (!role) throw new AppError("ROLE_NOT_FOUND");
    const before = { permissions: sorted(role.permissions), rowScope: role.rowScope, unmaskedFields: sorted(role.unmaskedFields), exportRowCap: role.exportRowCap };
    const after = { permissions: sorted(input.permissions), rowScope: input.rowScope, unmaskedFields: sorted(input.unmaskedFields), exportRowCap: input.exportRowCap };
    await tx.role.update({ where: { id: role.id }, data: after });
    await recordAudit(tx, actor, { action: "role.update", entityType: "role", entityId: role.key, detail: { before, after } });
    return { key: role.key };
  });
}
