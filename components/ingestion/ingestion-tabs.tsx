"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";

const TABS = [
  { href: "/ingestion", key: "quality" },
  { href: "/ingestion/quarantine", key: "quarantine" },
  { href: "/ingestion/imports", key: "imports" },
] as const;

export function IngestionTabs({ labels }: { labels: Record<(typeof TABS)[number]["key"], string> }) {
  const pathname = usePathname();
  return (
    <nav className="flex gap-1 border-b">
      {TABS.map((tab) => {
        const active = tab.href === "/ingestion" ? pathname === tab.href : pathname.startsWith(tab.href);
        return (
          <Link key={tab.href} href={tab.href} data-testid={`tab-${tab.key}`}
            className={cn("-mb-px border-b-2 px-3 py-2 text-sm", active ? "border-primary font-medium" : "border-transparent text-muted-foreground hover:text-foreground")}>
            {labels[tab.key]}
          </Link>
        );
      })}
    </nav>
  );
}
