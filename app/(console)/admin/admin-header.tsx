import { getTranslations } from "next-intl/server";
import { AdminTabs } from "@/components/admin/admin-tabs";
import { can, type Actor } from "@/lib/access/actor";
import { PageHeader } from "@/components/layout/page-header";

export async function AdminHeader({ actor }: { actor: Actor }) {
  const t = await getTranslations("access.admin");
  return (
    <div className="space-y-3">
      <PageHeader title={t("title")} description={t("description")} />
      <AdminTabs showUsers={can(actor, "admin.users")} showRoles={can(actor, "admin.roles")} />
    </div>
  );
}
