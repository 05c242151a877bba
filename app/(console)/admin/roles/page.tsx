import { ForbiddenNotice } from "@/components/admin/forbidden-notice";
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
        <RoleEditor key={`${r.key}-${r.permissions.join()}-${r.unmaskedFields.join()}-${r.exportRowCap}-${r.rowScope}`} role={r} />
      ))}
    </div>
  );
}
