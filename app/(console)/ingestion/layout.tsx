import { getTranslations } from "next-intl/server";
import { IngestionTabs } from "@/components/ingestion/ingestion-tabs";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { can } from "@/lib/access/actor";
import { requireActor } from "@/lib/session";

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
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-muted-foreground">{t("description")}</p>
      </div>
      <IngestionTabs labels={{ quality: t("tabs.quality"), quarantine: t("tabs.quarantine"), imports: t("tabs.imports") }} />
      {children}
    </div>
  );
}
