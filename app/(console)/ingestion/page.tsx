import { getTranslations } from "next-intl/server";
import { DataQualityTables } from "@/components/ingestion/data-quality-tables";
import { PullStatusTable } from "@/components/ingestion/pull-status-table";
import { getDb } from "@/lib/db/client";
import { dataQuality } from "@/lib/ingestion/console/data-quality";
import { canWholeBook } from "@/lib/access/whole-book";
import { requireActor } from "@/lib/session";

export default async function IngestionQualityPage() {
  const actor = await requireActor();
  if (!canWholeBook(actor, "ingestion.manage")) return null; // the layout shows the refusal
  const t = await getTranslations("ingestion.quality");
  const q = await dataQuality(getDb(), actor, { days: 7 });
  return (
    <section className="space-y-2">
      <h2 className="text-lg font-medium">
        {t("title")} <span className="text-sm font-normal text-muted-foreground">· {t("range", { days: q.days })}</span>
      </h2>
      <DataQualityTables channels={q.channels} rows={q.rows} fieldRates={q.fieldRates} />
      <PullStatusTable channels={q.channels} pulls={q.pulls} />
    </section>
  );
}
