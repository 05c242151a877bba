import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { MergesTable } from "@/components/customers/merges-table";
import { ProposalsTable } from "@/components/customers/proposals-table";
import { RunMatchingButton } from "@/components/customers/run-matching-button";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { can } from "@/lib/access/actor";
import { listProposals, listRecentMerges } from "@/lib/customers/list-proposals";
import { searchCustomers, type CustomerHit } from "@/lib/customers/search-customers";
import { getDb } from "@/lib/db/client";
import { formatBizTime } from "@/lib/time/biz-time";
import { requireActor } from "@/lib/session";
import { PageHeader } from "@/components/layout/page-header";

export default async function CustomersPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const actor = await requireActor();
  if (!can(actor, "customer.view")) return null; // the layout shows the refusal
  const t = await getTranslations("customers");
  const locale = await getLocale();
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? "";
  const db = getDb();
  const merger = can(actor, "customer.merge");
  const hits: CustomerHit[] | null = q.length >= 2 ? await searchCustomers(db, actor, q) : null;
  // Proposals and merges are the merge tool's (their evidence spans every channel): mergers only.
  const [proposals, merges] = merger ? await Promise.all([listProposals(db, actor, { take: 30 }), listRecentMerges(db, actor)]) : [null, null];
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} description={t("description")} />
      <form className="flex max-w-xl gap-2" action="/customers">
        <Input name="q" defaultValue={q} placeholder={t("searchPlaceholder")} aria-label={t("searchPlaceholder")} maxLength={100} />
        <Button type="submit">{t("search")}</Button>
      </form>
      {hits ? (
        <Card data-testid="customer-hits">
          <CardContent className="pt-6">
            {hits.length === 0 ? (
              <Alert><AlertDescription>{t("noHits")} {t("hint")}</AlertDescription></Alert>
            ) : (
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHead>{t("name")}</TableHead><TableHead>{t("phone")}</TableHead><TableHead>{t("orders")}</TableHead>
                    <TableHead>{t("channels")}</TableHead><TableHead>{t("lastOrder")}</TableHead><TableHead />
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {hits.map((h) => (
                    <TableRow key={h.id} data-testid="customer-hit">
                      <TableCell className="font-medium">{h.displayName}{h.mergedIntoId ? <span className="ml-2 text-xs text-muted-foreground">({t("merged")})</span> : null}</TableCell>
                      <TableCell className="font-mono">{h.phone ?? "—"}</TableCell>
                      <TableCell>{h.orderCount}</TableCell>
                      <TableCell className="text-sm">{h.channels.join("、")}</TableCell>
                      <TableCell className="whitespace-nowrap">{h.lastOrderAt ? formatBizTime(h.lastOrderAt, locale) : "—"}</TableCell>
                      <TableCell><Link className="text-primary hover:underline" href={`/customers/${h.id}`}>{t("open")}</Link></TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </CardContent>
        </Card>
      ) : null}
      {proposals ? (
        <Card data-testid="customer-proposals">
          <CardHeader className="flex flex-row items-center justify-between gap-2">
            <CardTitle>{t("proposals")}</CardTitle>
            <RunMatchingButton />
          </CardHeader>
          <CardContent><ProposalsTable rows={proposals} canMerge /></CardContent>
        </Card>
      ) : null}
      {merges ? (
        <Card data-testid="customer-merges">
          <CardHeader><CardTitle>{t("merges")}</CardTitle></CardHeader>
          <CardContent><MergesTable rows={merges.map((m) => ({ ...m, mergedAt: m.mergedAt.toISOString(), unmergedAt: m.unmergedAt?.toISOString() ?? null }))} /></CardContent>
        </Card>
      ) : null}
    </div>
  );
}
