import { useTranslations } from "next-intl";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { FieldRate, QualityDay } from "@/lib/ingestion/console/data-quality";

const pct = (r: number) => `${(r * 100).toFixed(1)}%`;
function ms(v: number | null): string {
  if (v === null) return "—";
  if (v < 1000) return `${v} ms`;
  if (v < 120_000) return `${(v / 1000).toFixed(1)} s`;
  if (v < 7_200_000) return `${Math.round(v / 60_000)} min`;
  return `${(v / 3_600_000).toFixed(1)} h`;
}

export function DataQualityTables({ channels, rows, fieldRates }: { channels: { id: string; name: string }[]; rows: QualityDay[]; fieldRates: FieldRate[] }) {
  const t = useTranslations("ingestion.quality");
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
                <TableCell className={`text-right tabular-nums ${r.successRate < 0.95 ? "text-destructive" : ""}`}>{pct(r.successRate)}</TableCell>
                <TableCell className="text-right tabular-nums">{ms(r.latencyP50Ms)}</TableCell>
                <TableCell className="text-right tabular-nums">{ms(r.latencyP95Ms)}</TableCell>
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
                  <TableCell className="text-right tabular-nums">{pct(f.rate)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </div>
    </div>
  );
}
