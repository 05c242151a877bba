import { ForbiddenNotice } from "@/components/layout/forbidden-notice";
import { RoleEditor } from "@/components/admin/role-editor";
import { can } from "@/lib/access/actor";
import { listRoles } from "@/lib/access/list-roles";
import { getDb } from "@/lib/db/client";
import { requireActor } from "@/lib/session";
import { AdminHeader } from "../admin-header";

export default async function AdminRolesPage() {
  const actor = await requireActor();
  if (!can(actor, "admin.roles")) return <ForbiddenNotice />;
  const roles = await listRoles(getDb(), actor);
  return (
    <div className="space-y-4">
      <AdminHeader actor={actor} />
      {roles.map((r) => (
        // Keyed by role only: a key that changed with the saved values remounted the editor when the save
        // revalidated the page, which could swallow its "已保存" message (a flaky e2e showed it).
        <RoleEditor key={r.key} role={r} />
      ))}
    </div>
  );
}
