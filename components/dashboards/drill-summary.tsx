import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { OrderSearchParams } from "@/app/(console)/orders/search-params";
import { UNROUTED } from "@/lib/dashboards/drill-filter";

/** On the order list: which dashboard drill-down filters are active, and a way out of them. */
export async function DrillSummary({ sp, clearHref }: { sp: OrderSearchParams; clearHref: string }) {
  const t = await getTranslations("dashboards.drill");
  const parts: string[] = [];
  if (sp.wh) parts.push(t("warehouse", { wh: sp.wh === UNROUTED ? t("unrouted") : sp.wh }));
  for (const f of sp.flag) parts.push(t(`flag.${f}`));
  if (sp.kind) parts.push(t(`kind.${sp.kind}`));
  if (sp.src) parts.push(t("source", { src: sp.src }));
  if (sp.act) parts.push(t("action", { act: sp.act }));
  if (sp.actor) parts.push(t("actor", { actor: sp.actor }));
  if (sp.rule) parts.push(t("rule", { rule: sp.rule }));
  if (sp.evFrom || sp.evTo) parts.push(t("between", { from: sp.evFrom || "…", to: sp.evTo || "…" }));
  if (!parts.length) return null;
  return (
    <div className="flex flex-wrap items-center gap-2 rounded-md border border-dashed px-3 py-2 text-sm" data-testid="drill-summary">
      <span className="text-muted-foreground">{t("title")}</span>
      {parts.map((p) => <span key={p} className="rounded bg-muted px-2 py-0.5">{p}</span>)}
      <Link href={clearHref} className="ml-auto text-xs underline">{t("clear")}</Link>
    </div>
  );
}
