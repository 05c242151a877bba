"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { mergeCustomersAction, rejectProposalAction } from "@/app/(console)/customers/actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ProposalRow } from "@/lib/customers/list-proposals";
import { useAction } from "@/components/data/use-action";

type Side = ProposalRow["a"];

function CustomerCell({ c }: { c: Side }) {
  const t = useTranslations("customers");
  return (
    <div>
      <Link className="font-medium text-primary hover:underline" href={`/customers/${c.id}`}>{c.displayName}</Link>
      <div className="font-mono text-xs text-muted-foreground">{c.phone ?? "—"} · {t("movedOrders", { count: c.orders })}</div>
    </div>
  );
}

/** Open merge proposals with their evidence; B is merged into the older A. */
export function ProposalsTable({ rows, canMerge }: { rows: ProposalRow[]; canMerge: boolean }) {
  const t = useTranslations("customers");
  const { busy, error, run } = useAction();
  if (rows.length === 0) return <p className="text-sm text-muted-foreground">{t("noProposals")}</p>;
  return (
    <div className="space-y-2">
      {error ? <p className="text-sm text-destructive" role="alert">{error}</p> : null}
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>{t("keep")}</TableHead><TableHead>{t("mergeIn")}</TableHead><TableHead>{t("score")}</TableHead><TableHead>{t("evidence")}</TableHead>
            {canMerge ? <TableHead /> : null}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((p) => (
            <TableRow key={p.id} data-testid="proposal-row">
              <TableCell><CustomerCell c={p.a} /></TableCell>
              <TableCell><CustomerCell c={p.b} /></TableCell>
              <TableCell className="font-mono">{Math.round(p.score * 100)}%</TableCell>
              <TableCell>
                <div className="flex flex-wrap gap-1">
                  {p.evidence.map((e) => (
                    <Badge key={`${e.kind}-${e.display}`} variant="secondary" title={`${Math.round(e.weight * 100)}%`}>
                      {t(`identityKind.${e.kind}`)} {e.display}
                    </Badge>
                  ))}
                </div>
              </TableCell>
              {canMerge ? (
                <TableCell className="whitespace-nowrap text-right">
                  <Button size="sm" disabled={busy} onClick={() => run(() => mergeCustomersAction({ proposalId: p.id }))}>{busy ? t("merging") : t("merge")}</Button>
                  <Button size="sm" variant="ghost" disabled={busy} onClick={() => run(() => rejectProposalAction({ proposalId: p.id }))}>{t("reject")}</Button>
                </TableCell>
              ) : null}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
