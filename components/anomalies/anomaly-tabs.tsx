import { getTranslations } from "next-intl/server";
import { SectionTabs } from "@/components/layout/section-tabs";

/**
 * 队列 / 周复盘 / 规则: one area over three pages (the rules page lives outside /exceptions, so no
 * shared layout). SectionTabs marks the current page from the path.
 */
export async function AnomalyTabs({ showRules }: { showRules: boolean }) {
  const t = await getTranslations("anomalies.tabs");
  return (
    <SectionTabs tabs={[
      { href: "/exceptions", label: t("queue"), testId: "tab-queue" },
      { href: "/exceptions/weekly", label: t("weekly"), testId: "tab-weekly" },
      ...(showRules ? [{ href: "/rules", label: t("rules"), testId: "tab-rules" }] : []),
    ]} />
  );
}
