import { formatFen } from "@/lib/money/fen";
import { BUSINESS_TIME_ZONE, formatDuration } from "@/lib/time/biz-time";

/** Display helpers for dashboard (and data-quality) figures (null = no data → "—"). */
export const fmt = {
  yuan: (fen: number | null, locale: string) => (fen === null ? "—" : formatFen(Math.round(fen), locale)),
  /** ¥ axis ticks: whole yuan, grouped ("¥12,345"). */
  yuanTick: (fen: number, locale: string) =>
    new Intl.NumberFormat(locale, { style: "currency", currency: "CNY", maximumFractionDigits: 0, notation: fen >= 1e8 ? "compact" : "standard" }).format(fen / 100),
  pct: (v: number | null, locale: string, digits = 1) =>
    v === null ? "—" : new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v),
  count: (n: number | null, locale: string) => (n === null ? "—" : new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n)),
  minutes: (m: number | null, locale: string) => (m === null ? "—" : formatDuration(Math.round(m * 60_000), locale)),
  ms: (ms: number | null, locale: string) =>
    ms === null ? "—" : ms < 1000 ? `${Math.round(ms)} ms` : ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : formatDuration(ms, locale),
  /** "11-30" for day axes. */
  day: (ymd: string) => ymd.slice(5),
  /** "14:05:09" in the business zone (when a dashboard part was loaded). */
  time: (ms: number, locale: string) =>
    new Intl.DateTimeFormat(locale, { timeZone: BUSINESS_TIME_ZONE, hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false }).format(ms),
};

/** Chart colours from the theme's chart palette (globals.css --chart-1…5), with fallbacks. */
export const CHART_COLORS = ["var(--chart-1, #2563eb)", "var(--chart-2, #16a34a)", "var(--chart-3, #f59e0b)", "var(--chart-4, #dc2626)", "var(--chart-5, #7c3aed)", "#0891b2", "#db2777"];

