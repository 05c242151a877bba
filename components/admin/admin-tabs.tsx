"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/utils";

export function AdminTabs({ showUsers, showRoles }: { showUsers: boolean; showRoles: boolean }) {
  const t = useTranslations("access.admin");
  const pathname = usePathname();
  const tabs = [
    ...(showUsers ? [{ href: "/admin/users", label: t("usersTab") }] : []),
    ...(showRoles ? [{ href: "/admin/roles", label: t("rolesTab") }] : []),
  ];
  return (
    <nav className="inline-flex gap-1 rounded-lg bg-muted p-1">
      {tabs.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          className={cn("rounded-md px-3 py-1.5 text-sm", pathname.startsWith(tab.href) ? "bg-background font-medium shadow-sm" : "text-muted-foreground hover:text-foreground")}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
