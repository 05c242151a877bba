import { getTranslations } from "next-intl/server";
import { AdminTabs } from "@/components/admin/admin-tabs";
import { can, type Actor } from "@/lib/access/actor";

export async function AdminHeader({ actor }: { actor: Actor }) {
  const t = await getTranslations("access.admin");
  return (
    <div className="space-y-3">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-muted-foreground">{t("description")}</p>
      </div>
      <AdminTabs showUsers={can(actor, "admin.users")} showRoles={can(actor, "admin.roles")} />
    </div>
  );
}
