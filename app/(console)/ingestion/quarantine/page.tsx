import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { createLoader, parseAsInteger, parseAsStringLiteral, type SearchParams } from "nuqs/server";
import { QuarantineTable } from "@/components/ingestion/quarantine-table";
import { Button } from "@/components/ui/button";
import { getDb } from "@/lib/db/client";
import { listQuarantine } from "@/lib/ingestion/console/list-quarantine";
import { canWholeBook } from "@/lib/access/whole-book";
import { requireActor } from "@/lib/session";
import { cn } from "@/lib/utils";

const STATUSES = ["OPEN", "REPLAYED", "DISCARDED", "ALL"] as const;
const loadParams = createLoader({ status: parseAsStringLiteral(STATUSES).withDefault("OPEN"), page: parseAsInteger.withDefault(1) });

export default async function QuarantinePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  if (!canWholeBook(actor, "ingestion.manage")) return null; // the layout shows the refusal
  const t = await getTranslations("ingestion.quarantine");
  const sp = await loadParams(searchParams);
  const list = await listQuarantine(getDb(), actor, { status: sp.status, page: sp.page });
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const href = (over: { status?: string; page?: number }) => `/ingestion/quarantine?status=${over.status ?? sp.status}&page=${over.page ?? 1}`;
  return (
    <section className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        {STATUSES.map((s) => (
          <Link key={s} href={href({ status: s })} data-testid={`q-status-${s}`}
            className={cn("rounded-full border px-3 py-1 text-sm", s === sp.status ? "bg-primary text-primary-foreground" : "hover:bg-muted")}>
            {t(`status.${s}`)}
          </Link>
        ))}
        <span className="ml-auto text-sm text-muted-foreground">{t("total", { total: list.total })}</span>
      </div>
      <QuarantineTable rows={list.rows} />
      {pages > 1 && (
        <div className="flex items-center justify-end gap-2">
          <Button asChild variant="outline" size="sm" disabled={sp.page <= 1}><Link href={href({ page: Math.max(1, sp.page - 1) })}>{t("prev")}</Link></Button>
          <span className="text-sm tabular-nums">{sp.page} / {pages}</span>
          <Button asChild variant="outline" size="sm" disabled={sp.page >= pages}><Link href={href({ page: Math.min(pages, sp.page + 1) })}>{t("next")}</Link></Button>
        </div>
      )}
    </section>
  );
}
