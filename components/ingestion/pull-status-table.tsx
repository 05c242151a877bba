import { useLocale, useTranslations } from "next-intl";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatBizTime } from "@/lib/time/biz-time";

interface Pull {
  channelId: string;
  cursorAt: Date | null;
  lastRunAt: Date | null;
  lastErrorCode: string | null;
  runs: number;
  failedRuns: number;
}

export function PullStatusTable({ channels, pulls }: { channels: { id: string; name: string }[]; pulls: Pull[] }) {
  const t = useTranslations("ingestion.quality");
  const locale = useLocale();
  return (
    <div className="space-y-2 pt-4">
      <h3 className="font-medium">{t("pull")}</h3>
      <div className="rounded-md border">
        <Table data-testid="pull-status">
          <TableHeader>
            <TableRow>
              <TableHead>{t("channel")}</TableHead>
              <TableHead>{t("lastRun")}</TableHead>
              <TableHead>{t("cursor")}</TableHead>
              <TableHead className="text-right">{t("runs")}</TableHead>
              <TableHead className="text-right">{t("successRate")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {channels.map((c) => {
              const p = pulls.find((x) => x.channelId === c.id);
              return (
                <TableRow key={c.id}>
                  <TableCell>{c.name}</TableCell>
                  <TableCell className="tabular-nums">
                    {p?.lastRunAt ? formatBizTime(p.lastRunAt, locale) : t("never")}
                    {p?.lastErrorCode && <span className="ml-2 text-xs text-destructive">{p.lastErrorCode}</span>}
                  </TableCell>
                  <TableCell className="tabular-nums">{p?.cursorAt ? formatBizTime(p.cursorAt, locale) : "—"}</TableCell>
                  <TableCell className="text-right tabular-nums">{p ? `${p.runs} / ${p.failedRuns}` : "0 / 0"}</TableCell>
                  <TableCell className="text-right tabular-nums">{p?.runs ? `${(((p.runs - p.failedRuns) / p.runs) * 100).toFixed(1)}%` : "—"}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
