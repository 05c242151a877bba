import { useLocale, useTranslations } from "next-intl";
import { fmt } from "@/components/dashboards/format";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { FieldRate, QualityDay } from "@/lib/ingestion/console/data-quality";

export function DataQualityTables({ channels, rows, fieldRates }: { channels: { id: string; name: string }[]; rows: QualityDay[]; fieldRates: FieldRate[] }) {
  const t = useTranslations("ingestion.quality");
  const locale = useLocale();
  const name = (id: string) => channels.find((c) => c.id === id)?.name ?? id;
  if (rows.length === 0) return <p className="py-8 text-center text-sm text-muted-foreground" data-testid="quality-empty">{t("none")}</p>;
  return (
    <div className="space-y-6">
      <div className="rounded-md border">
        <Table data-testid="quality-table">
          <TableHeader>
            <TableRow>
              <TableHead>{t("day")}</TableHead>
              <TableHead>{t("channel")}</TableHead>
              <TableHead className="text-right">{t("attempts")}</TableHead>
              <TableHead className="text-right">{t("succeeded")}</TableHead>
              <TableHead className="text-right">{t("quarantined")}</TableHead>
              <TableHead className="text-right">{t("successRate")}</TableHead>
              <TableHead className="text-right">{t("latencyP50")}</TableHead>
              <TableHead className="text-right">{t("latencyP95")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={`${r.day}-${r.channelId}`}>
                <TableCell className="tabular-nums">{r.day}</TableCell>
                <TableCell>{name(r.channelId)}</TableCell>
                <TableCell className="text-right tabular-nums">{r.attempts}</TableCell>
                <TableCell className="text-right tabular-nums">{r.succeeded}</TableCell>
                <TableCell className="text-right tabular-nums">{r.quarantined}</TableCell>
                <TableCell className={`text-right tabular-nums ${r.successRate < 0.95 ? "text-destructive" : ""}`}>{fmt.pct(r.successRate, locale)}</TableCell>
                <TableCell className="text-right tabular-nums">{fmt.ms(r.latencyP50Ms, locale)}</TableCell>
                <TableCell className="text-right tabular-nums">{fmt.ms(r.latencyP95Ms, locale)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <div className="space-y-2">
        <h3 className="font-medium">{t("fieldsTitle")}</h3>
        <div className="rounded-md border">
          <Table data-testid="field-rates">
            <TableHeader>
              <TableRow>
                <TableHead>{t("channel")}</TableHead>
                <TableHead>{t("field")}</TableHead>
                <TableHead>{t("kind")}</TableHead>
                <TableHead className="text-right">{t("count")}</TableHead>
                <TableHead className="text-right">{t("rate")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {fieldRates.map((f) => (
                <TableRow key={`${f.channelId}-${f.kind}-${f.field}`}>
                  <TableCell>{name(f.channelId)}</TableCell>
                  <TableCell className="font-mono text-xs">{f.field}</TableCell>
                  <TableCell>{t(f.kind)}</TableCell>
                  <TableCell className="text-right tabular-nums">{f.count}</TableCell>
                  <TableCell className="text-right tabular-nums">{fmt.pct(f.rate, locale)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </div>
    </div>
  );
}
