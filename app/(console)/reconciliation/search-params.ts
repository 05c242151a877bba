import { createLoader, parseAsInteger, parseAsString } from "nuqs/server";
import { parseYuan } from "@/lib/money/fen";
import type { DiscrepancyQueryInput } from "@/lib/reconciliation/list-discrepancies";

/** The tracker's filter lives in the URL (shareable); the export reads the same. Amounts are yuan as typed. */
export const trackerParams = {
  page: parseAsInteger.withDefault(1),
  from: parseAsString.withDefault(""),
  to: parseAsString.withDefault(""),
  min: parseAsString.withDefault(""),
  max: parseAsString.withDefault(""),
  doc: parseAsString.withDefault(""),
  type: parseAsString.withDefault(""),
  status: parseAsString.withDefault(""),
};
export const loadTrackerParams = createLoader(trackerParams);
export type TrackerParams = Awaited<ReturnType<typeof loadTrackerParams>>;

const yuan = (v: string) => (v ? Math.abs(parseYuan(v)) : undefined);

/** Bad values (a typo in a URL) fail zod in the domain and show as INVALID_INPUT, never a 500. */
export function toDiscrepancyQuery(p: TrackerParams): DiscrepancyQueryInput {
  return {
    page: p.page, size: 50, dayFrom: p.from || undefined, dayTo: p.to || undefined, minFen: yuan(p.min), maxFen: yuan(p.max),
    docType: (p.doc || undefined) as DiscrepancyQueryInput["docType"], type: (p.type || undefined) as DiscrepancyQueryInput["type"], status: (p.status || undefined) as DiscrepancyQueryInput["status"],
  };
}
