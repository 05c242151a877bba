import type { Db } from "../db/client";
import { DEFAULT_ROLES } from "../access/roles";
import { hashPassword } from "./password";

/** Demo accounts, one per role (listed in the README). All share DEMO_PASSWORD. */
export const DEMO_PASSWORD = "OrderHub@2026";

export const DEMO_USERS = [
  { username: "admin", displayName: "林管理", role: "ADMIN" },
  { username: "ops", displayName: "周运营", role: "OPS_MANAGER" },
  { username: "east", displayName: "吴华东", role: "REGIONAL_MANAGER", region: "华东" },
  { username: "cs", displayName: "陈客服", role: "CS_AGENT", channels: ["ch_tmall", "ch_jd", "ch_pdd", "ch_douyin"] },
  { username: "warehouse", displayName: "郑仓储", role: "WAREHOUSE" },
  { username: "finance", displayName: "王财务", role: "FINANCE" },
  { username: "auditor", displayName: "冯审计", role: "AUDITOR" },
  // Left the company: the account stays for the audit trail but can no longer sign in.
  { username: "former", displayName: "赵离职", role: "CS_AGENT", channels: ["ch_tmall"], active: false },
] as const satisfies ReadonlyArray<{ username: string; displayName: string; role: string; region?: string; channels?: readonly string[]; active?: boolean }>;

/** Creates the roles and demo users when missing; never overwrites what an admin changed. */
export async function seedRolesAndUsers(db: Db): Promise<void> {
  for (const r of DEFAULT_ROLES) {
    await db.role.upsert({
      where: { key: r.key },
      update: {},
      create: { id: `role_${r.key.toLowerCase()}`, key: r.key, nameZh: r.nameZh, nameEn: r.nameEn, permissions: r.permissions, rowScope: r.rowScope, unmaskedFields: r.unmaskedFields, exportRowCap: r.exportRowCap },
    });
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const u of DEMO_USERS) {
    const exists = await db.user.findUnique({ where: { username: u.username }, select: { id: true } });
    if (exists) continue;
    const active = !("active" in u) || u.active !== false;
    await db.user.create({
      data: {
        username: u.username,
        displayName: u.displayName,
        passwordHash,
        roleId: `role_${u.role.toLowerCase()}`,
        region: "region" in u ? u.region : null,
        active,
        deactivatedAt: active ? null : new Date(),
        channelScope: "channels" in u ? { create: u.channels.map((channelId) => ({ channelId })) } : undefined,
      },
    });
  }
}
