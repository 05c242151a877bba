import { getTranslations } from "next-intl/server";
import { ForbiddenNotice } from "@/components/layout/forbidden-notice";
import { PageHeader } from "@/components/layout/page-header";
import { SectionTabs } from "@/components/layout/section-tabs";
import { canWholeBook } from "@/lib/access/whole-book";
import { requireActor } from "@/lib/session";

export default async function IngestionLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  const t = await getTranslations("ingestion");
  if (!canWholeBook(actor, "ingestion.manage")) return <ForbiddenNotice />;
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} description={t("description")} />
      <SectionTabs tabs={[
        { href: "/ingestion", label: t("tabs.quality"), testId: "tab-quality" },
        { href: "/ingestion/quarantine", label: t("tabs.quarantine"), testId: "tab-quarantine" },
        { href: "/ingestion/imports", label: t("tabs.imports"), testId: "tab-imports" },
      ]} />
      {children}
    </div>
  );
}
