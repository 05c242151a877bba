import { getTranslations } from "next-intl/server";
import { IngestionTabs } from "@/components/ingestion/ingestion-tabs";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { can } from "@/lib/access/actor";
import { requireActor } from "@/lib/session";
import { PageHeader } from "@/components/layout/page-header";

export default async function IngestionLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  const t = await getTranslations("ingestion");
  if (!can(actor, "ingestion.manage")) {
    const te = await getTranslations("errors");
    return (
      <Alert variant="destructive" data-testid="ingestion-forbidden">
        <AlertDescription>{te("FORBIDDEN")}</AlertDescription>
      </Alert>
    );
  }
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} description={t("description")} />
      <IngestionTabs labels={{ quality: t("tabs.quality"), quarantine: t("tabs.quarantine"), imports: t("tabs.imports") }} />
      {children}
    </div>
  );
}
