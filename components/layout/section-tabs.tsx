"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";

/** Sub-page tabs of a console area: the first tab is the area's root (exact match), the others match by prefix. */
export function SectionTabs({ tabs }: { tabs: { href: string; label: string; testId: string }[] }) {
  const pathname = usePathname();
  return (
    <nav className="flex gap-1 border-b">
      {tabs.map((tab, i) => {
        const active = i === 0 ? pathname === tab.href : pathname.startsWith(tab.href);
        return (
          <Link key={tab.href} href={tab.href} data-testid={tab.testId}
            className={cn("-mb-px border-b-2 px-3 py-2 text-sm", active ? "border-primary font-medium" : "border-transparent text-muted-foreground hover:text-foreground")}>
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
