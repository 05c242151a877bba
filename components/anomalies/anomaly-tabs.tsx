import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { cn } from "@/lib/utils";

/** 队列 / 周复盘 / 规则: one area, three pages. */
export async function AnomalyTabs({ active, showRules }: { active: "queue" | "weekly" | "rules"; showRules: boolean }) {
  const t = await getTranslations("anomalies.tabs");
  const tabs = [
    { key: "queue", href: "/exceptions" },
    { key: "weekly", href: "/exceptions/weekly" },
    ...(showRules ? [{ key: "rules", href: "/rules" }] : []),
  ] as const;
  return (
    <nav className="flex gap-1 border-b">
      {tabs.map((tab) => (
        <Link key={tab.key} href={tab.href} data-testid={`tab-${tab.key}`}
          className={cn("-mb-px border-b-2 px-3 py-2 text-sm", active === tab.key ? "border-primary font-medium" : "border-transparent text-muted-foreground hover:text-foreground")}>
          {t(tab.key)}
        </Link>
      ))}
    </nav>
  );
}
