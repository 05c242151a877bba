"use client";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { unmergeCustomersAction } from "@/app/(console)/customers/actions";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatBizTime } from "@/lib/time/biz-time";
import { useAction } from "@/components/data/use-action";

export interface MergeRow {
  id: string;
  survivorId: string;
  survivorName: string;
  mergedId: string;
  mergedName: string;
  orders: number;
  mergedAt: string;
  unmergedAt: string | null;
}

/** Merge history with an undo for merges still in force. */
export function MergesTable({ rows, canUnmerge = true }: { rows: MergeRow[]; canUnmerge?: boolean }) {
  const t = useTranslations("customers");
  const locale = useLocale();
  const { busy, error, run } = useAction();
  if (rows.length === 0) return <p className="text-sm text-muted-foreground">{t("noMerges")}</p>;
  return (
    <div className="space-y-2">
      {error ? <p className="text-sm text-destructive" role="alert">{error}</p> : null}
      <Table>
        <TableHeader>
          <TableRow><TableHead>{t("keep")}</TableHead><TableHead>{t("mergeIn")}</TableHead><TableHead>{t("orders")}</TableHead><TableHead>{t("mergedAt")}</TableHead><TableHead /></TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((m) => (
            <TableRow key={m.id} data-testid="merge-row">
              <TableCell><Link className="text-primary hover:underline" href={`/customers/${m.survivorId}`}>{m.survivorName}</Link></TableCell>
              <TableCell><Link className="text-primary hover:underline" href={`/customers/${m.mergedId}`}>{m.mergedName}</Link></TableCell>
              <TableCell>{t("movedOrders", { count: m.orders })}</TableCell>
              <TableCell className="whitespace-nowrap">{formatBizTime(new Date(m.mergedAt), locale)}</TableCell>
              <TableCell className="text-right">
                {m.unmergedAt ? (
                  <span className="text-xs text-muted-foreground">{t("unmergedAt")} {formatBizTime(new Date(m.unmergedAt), locale)}</span>
                ) : canUnmerge ? (
                  <Button size="sm" variant="outline" disabled={busy} onClick={() => run(() => unmergeCustomersAction({ mergeId: m.id }))}>{t("unmerge")}</Button>
                ) : null}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
