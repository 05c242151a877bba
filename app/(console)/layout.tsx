import { getLocale, getTranslations } from "next-intl/server";
import { navItemsFor } from "@/components/layout/nav-items";
import { SidebarNav } from "@/components/layout/sidebar-nav";
import { UserMenu } from "@/components/layout/user-menu";
import { requireActor } from "@/lib/session";
import { bellFor } from "@/components/anomalies/bell-data";
import { NotificationBell } from "@/components/anomalies/notification-bell";

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  const t = await getTranslations();
  const locale = await getLocale();
  const bell = await bellFor(actor); // issue 6: in-app exception alerts
  const items = navItemsFor(actor).map((i) => ({ href: i.href, label: t(i.labelKey), icon: i.icon }));
  return (
    <div className="flex min-h-screen">
      <aside className="hidden w-56 shrink-0 border-r bg-sidebar p-4 md:block">
        <div className="mb-6 px-3">
          <div className="text-lg font-semibold">{t("app.name")}</div>
          <div className="text-xs text-muted-foreground">{t("app.tagline")}</div>
        </div>
        <div className="mb-2 px-3 text-xs font-medium text-muted-foreground">{t("nav.section")}</div>
        <SidebarNav items={items} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-14 items-center justify-end gap-2 border-b px-6">
          {bell ? <NotificationBell unread={bell.unread} items={bell.items} /> : null}
          <UserMenu displayName={actor.displayName} roleName={locale === "en" ? actor.roleName.en : actor.roleName.zh} />
        </header>
        <main className="min-w-0 flex-1 p-6">{children}</main>
      </div>
    </div>
  );
}
