import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { QuarantineRow } from "@/lib/ingestion/console/list-quarantine";
import { formatBizTime } from "@/lib/time/biz-time";

export function QuarantineTable({ rows }: { rows: QuarantineRow[] }) {
  const t = useTranslations("ingestion");
  const locale = useLocale();
  if (rows.length === 0) return <p className="py-8 text-center text-sm text-muted-foreground" data-testid="quarantine-empty">{t("quarantine.none")}</p>;
  return (
    <div className="rounded-md border">
      <Table data-testid="quarantine-table">
        <TableHeader>
          <TableRow>
            <TableHead>{t("quarantine.time")}</TableHead>
            <TableHead>{t("quarantine.channel")}</TableHead>
            <TableHead>{t("quarantine.source")}</TableHead>
            <TableHead>{t("quarantine.platformOrderId")}</TableHead>
            <TableHead>{t("quarantine.reason")}</TableHead>
            <TableHead />
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.id} data-testid="quarantine-row">
              <TableCell className="whitespace-nowrap tabular-nums">{formatBizTime(r.createdAt, locale)}</TableCell>
              <TableCell>{r.channelName ?? r.channelId}</TableCell>
              <TableCell className="whitespace-nowrap">{t(`source.${r.source as "PLATFORM_PUSH"}`)}{r.rowNo ? ` #${r.rowNo}` : ""}</TableCell>
              <TableCell className="font-mono text-xs">{r.platformOrderId ?? "—"}</TableCell>
              <TableCell className="max-w-md">
                <Badge variant={r.status === "OPEN" ? "destructive" : "secondary"} className="mr-2">{r.reasonCode}</Badge>
                <span className="text-sm">{r.reason}</span>
              </TableCell>
              <TableCell><Link className="text-sm text-primary hover:underline" href={`/ingestion/quarantine/${r.id}`}>{t("quarantine.open")}</Link></TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
