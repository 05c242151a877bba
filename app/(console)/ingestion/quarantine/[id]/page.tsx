import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { QuarantineEditor } from "@/components/ingestion/quarantine-editor";
import { Badge } from "@/components/ui/badge";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { getQuarantined } from "@/lib/ingestion/console/list-quarantine";
import { canWholeBook } from "@/lib/access/whole-book";
import { requireActor } from "@/lib/session";
import { formatBizTime } from "@/lib/time/biz-time";

export default async function QuarantineItemPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  if (!canWholeBook(actor, "ingestion.manage")) return null; // the layout shows the refusal
  const { id } = await params;
  const t = await getTranslations("ingestion");
  const locale = await getLocale();
  let item;
  try {
    item = await getQuarantined(getDb(), actor, id);
  } catch (err) {
    if (isAppError(err) && err.code === "QUARANTINE_NOT_FOUND") notFound();
    throw err;
  }
  return (
    <section className="space-y-4">
      <Link href="/ingestion/quarantine" className="text-sm text-muted-foreground hover:underline">← {t("quarantine.back")}</Link>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
        <dt className="text-muted-foreground">{t("quarantine.channel")}</dt><dd>{item.channelName ?? item.channelId}</dd>
        <dt className="text-muted-foreground">{t("quarantine.source")}</dt><dd>{t(`source.${item.source as "PLATFORM_PUSH"}`)}{item.rowNo ? ` · ${t("quarantine.row")} ${item.rowNo}` : ""}</dd>
        <dt className="text-muted-foreground">{t("quarantine.time")}</dt><dd>{formatBizTime(item.createdAt, locale)}</dd>
        <dt className="text-muted-foreground">{t("quarantine.reasonCode")}</dt><dd><Badge variant="destructive">{item.reasonCode}</Badge></dd>
        <dt className="text-muted-foreground">{t("quarantine.reason")}</dt><dd data-testid="q-reason">{item.reason}</dd>
        {item.field && (<><dt className="text-muted-foreground">{t("quarantine.field")}</dt><dd className="font-mono text-xs">{item.field}</dd></>)}
        <dt className="text-muted-foreground">{t("quarantine.platformOrderId")}</dt><dd className="font-mono">{item.platformOrderId ?? "—"}</dd>
      </dl>
      <QuarantineEditor id={item.id} rawBody={item.rawBody} open={item.status === "OPEN"} status={item.status} />
    </section>
  );
}
