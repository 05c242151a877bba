import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { SectionTabs } from "@/components/layout/section-tabs";
import { ForbiddenNotice } from "@/components/layout/forbidden-notice";
import { canWholeBook } from "@/lib/access/whole-book";
import { requireActor } from "@/lib/session";

export default async function ReconciliationLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  const t = await getTranslations("reconciliation");
  if (!canWholeBook(actor, "finance.reconcile")) return <ForbiddenNotice />;
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} description={t("description")} />
      <SectionTabs tabs={[
        { href: "/reconciliation", label: t("tabs.tracker"), testId: "tab-tracker" },
        { href: "/reconciliation/statements", label: t("tabs.statements"), testId: "tab-statements" },
        { href: "/reconciliation/candidates", label: t("tabs.candidates"), testId: "tab-candidates" },
        { href: "/reconciliation/periods", label: t("tabs.periods"), testId: "tab-periods" },
      ]} />
      {children}
    </div>
  );
}
