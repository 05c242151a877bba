import { getLocale } from "next-intl/server";
import { ForbiddenNotice } from "@/components/layout/forbidden-notice";
import { UsersTable } from "@/components/admin/users-table";
import { can } from "@/lib/access/actor";
import { listRoles } from "@/lib/access/list-roles";
import { getDb } from "@/lib/db/client";
import { requireActor } from "@/lib/session";
import { listUsers } from "@/lib/users/list-users";
import { AdminHeader } from "../admin-header";

export default async function AdminUsersPage() {
  const actor = await requireActor();
  if (!can(actor, "admin.users")) return <ForbiddenNotice />;
  const db = getDb();
  const locale = await getLocale();
  const [users, roles, channels] = await Promise.all([
    listUsers(db, actor),
    listRoles(db, actor),
    db.channel.findMany({ select: { id: true, name: true }, orderBy: { id: "asc" }, take: 200 }),
  ]);
  return (
    <div className="space-y-4">
      <AdminHeader actor={actor} />
      <UsersTable
        users={users}
        roles={roles.map((r) => ({ key: r.key, name: locale === "en" ? r.nameEn : r.nameZh, rowScope: r.rowScope }))}
        channels={channels}
        selfId={actor.id}
      />
    </div>
  );
}
