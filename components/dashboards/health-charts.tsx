"use client";
import { useTranslations } from "next-intl";
import type { DashboardFilter } from "@/lib/dashboards/dashboard-filter";
import type { OrderStatus } from "@/lib/db/generated/prisma/enums";
import { ordersHref } from "./drill-links";
import { DrillChart } from "./charts";

/** Orders per status (a bar opens that status's orders). */
export function StatusChart({ filter, rows }: { filter: DashboardFilter; rows: { status: OrderStatus; orders: number }[] }) {
  const t = useTranslations();
  const data = rows.map((r) => ({ ...r, label: t(`status.${r.status}`) }));
  return (
    <DrillChart
      testId="chart-status"
      data={data}
      category="label"
      series={[{ key: "orders", name: t("dashboards.health.orders") }]}
      hrefs={rows.map((r) => ordersHref(filter, { status: [r.status] }))}
    />
  );
}

/** Refused attempts, rollbacks and manual overrides per day (a day opens the rolled-back orders of that day). */
export function AbnormalChart({ filter, rows }: { filter: DashboardFilter; rows: { day: string; REFUSED: number; ROLLBACK: number; OVERRIDE: number }[] }) {
  const t = useTranslations("dashboards.health.kind");
  return (
    <DrillChart
      testId="chart-abnormal"
      data={rows}
      category="day"
      series={(["REFUSED", "ROLLBACK", "OVERRIDE"] as const).map((k) => ({ key: k, name: t(k), stack: "a" }))}
      hrefs={rows.map((r) => {
        const kind = r.ROLLBACK ? "ROLLBACK" : r.OVERRIDE ? "OVERRIDE" : r.REFUSED ? "REFUSED" : null;
        return kind ? ordersHref(filter, { from: null, to: null, kind, evFrom: r.day, evTo: r.day }) : null;
      })}
    />
  );
}

/** Data-quality score per channel and day (one line per channel). */
export function QualityChart({ rows, channels }: { rows: { day: string; channelId: string; score: number | null }[]; channels: { id: string; name: string }[] }) {
  const t = useTranslations("dashboards.health");
  const days = [...new Set(rows.map((r) => r.day))].sort();
  const data = days.map((day) => ({ day, ...Object.fromEntries(rows.filter((r) => r.day === day).map((r) => [r.channelId, r.score === null ? null : r.score / 100])) }));
  const seen = channels.filter((c) => rows.some((r) => r.channelId === c.id));
  if (!seen.length) return <p className="text-sm text-muted-foreground">{t("noIntake")}</p>;
  return (
    <DrillChart
      testId="chart-quality"
      data={data}
      category="day"
      series={seen.map((c) => ({ key: c.id, name: c.name, kind: "line" as const, format: "pct" as const }))}
      hrefs={data.map(() => "/ingestion")}
    />
  );
}
