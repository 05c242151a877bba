/**
 * The one time module. Instants are stored in UTC; business days, cut-offs and display use the
 * business zone (default Asia/Shanghai, which has no DST, so its offset is a fixed +08:00).
 * Never use the server's local zone (seed 004's incident).
 */
import { z } from "zod";

export const BUSINESS_TIME_ZONE = process.env.BUSINESS_TIME_ZONE ?? "Asia/Shanghai";
const BIZ_OFFSET = "+08:00";
const DAY_MS = 86_400_000;

/** Parses a platform's zone-less "yyyy-MM-dd HH:mm:ss" as China time. "" and JD's 0001/1970 sentinels mean unset. */
export function parseChinaTime(text: string | null | undefined): Date | null {
  if (!text) return null;
  const t = text.trim();
  if (t === "" || t.startsWith("0001-01-01") || t.startsWith("1970-01-01")) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (!m) return null;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? "00"}${BIZ_OFFSET}`);
  return Number.isNaN(d.getTime()) ? null : d;
}

// Built once: constructing an Intl.DateTimeFormat costs far more than formatting (a 130k-line bill calls this per line).
const DAY_FORMAT = new Intl.DateTimeFormat("en-CA", { timeZone: BUSINESS_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/** The business day ("2026-11-30") an instant falls on. */
export function bizDay(d: Date): string {
  return DAY_FORMAT.format(d);
}

/** [start, end) of a business day given as yyyy-MM-dd. */
export function bizDayRange(ymd: string): { gte: Date; lt: Date } {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(ymd)) throw new RangeError(`not a day: ${ymd}`);
  const gte = new Date(`${ymd}T00:00:00${BIZ_OFFSET}`);
  if (Number.isNaN(gte.getTime())) throw new RangeError(`not a day: ${ymd}`);
  return { gte, lt: new Date(gte.getTime() + DAY_MS) };
}

/** A business day as typed ("2026-11-30"): a real calendar date, so "2026-02-30" is not one. */
export function isBizDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const gte = new Date(`${text}T00:00:00${BIZ_OFFSET}`);
  return !Number.isNaN(gte.getTime()) && bizDay(gte) === text;
}

/** The same check at a zod boundary. */
export const BizDay = z.string().refine(isBizDay, "not a business day");

/** Adds whole days to a yyyy-MM-dd business day. */
export function addBizDays(ymd: string, days: number): string {
  return bizDay(new Date(bizDayRange(ymd).gte.getTime() + days * DAY_MS));
}

/** "2026-11-30 14:05" in the business zone (locale-aware). */
export function formatBizTime(d: Date, locale = "zh-CN"): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: BUSINESS_TIME_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).format(d);
}

/** "2 小时 5 分" style durations for dwell times. */
export function formatDuration(ms: number, locale = "zh-CN"): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  const zh = locale.startsWith("zh");
  const parts: string[] = [];
  if (d) parts.push(zh ? `${d} 天` : `${d}d`);
  if (h) parts.push(zh ? `${h} 小时` : `${h}h`);
  if (!d && (m || parts.length === 0)) parts.push(zh ? `${m} 分` : `${m}m`);
  return parts.join(" ");
}

/** `yyyy-MM-dd HH:mm:ss` in China time (UTC+8), the zone-less format peers (WMS, 快递100) send and expect. */
export function formatChinaTime(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace("T", " ");
}

/** SQL text for raw queries: the business zone as a string literal, and the business day ('2026-11-30') a timestamptz column falls on. */
export const BIZ_ZONE_SQL = `'${BUSINESS_TIME_ZONE.replace(/'/g, "")}'`;
export const bizDaySql = (column: string) => `to_char(${column} AT TIME ZONE ${BIZ_ZONE_SQL}, 'YYYY-MM-DD')`;
