"use client";
import { ChartColumn, ClipboardList, Contact, DatabaseZap, HeartPulse, KeyRound, PlugZap, Scale, ScrollText, TriangleAlert, UsersRound } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";

const ICONS = { orders: ClipboardList, unmask: KeyRound, audit: ScrollText, admin: UsersRound, ingestion: DatabaseZap, integrations: PlugZap, customers: Contact, reconciliation: Scale, exceptions: TriangleAlert, dashboards: ChartColumn, health: HeartPulse };

export function SidebarNav({ items }: { items: { href: string; label: string; icon: keyof typeof ICONS }[] }) {
  const pathname = usePathname();
  return (
    <nav className="flex flex-col gap-1">
      {items.map((item) => {
        const Icon = ICONS[item.icon];
        const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <Link
            key={item.href}
            href={item.href}
            className={cn(
              "flex items-center gap-2 rounded-md px-3 py-2 text-sm transition-colors",
              active ? "bg-sidebar-accent font-medium text-sidebar-accent-foreground" : "text-sidebar-foreground/80 hover:bg-sidebar-accent/60",
            )}
          >
            <Icon className="size-4" />
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
