import { getTranslations } from "next-intl/server";
import { exportExceptions } from "@/lib/anomalies/export-exceptions";
import { getDb } from "@/lib/db/client";
import { formatParam, respondWithExport } from "../respond";

/** GET /api/exports/exceptions?<the 异常工作台 filters>&format=xlsx|csv — order.export, row-capped, audited. */
export async function GET(req: Request) {
  const url = new URL(req.url);
  const p = url.searchParams;
  const input = { rule: p.get("rule") || undefined, severity: p.get("severity") || undefined, channel: p.get("channel") || undefined, assignee: p.get("assignee") || undefined, status: p.get("status") || undefined, minAgeHours: p.get("age") || undefined };
  return respondWithExport(async (actor) => {
    const t = await getTranslations({ locale: actor.locale, namespace: "anomalies" });
    return exportExceptions(getDb(), actor, input, formatParam(url), (k) => t(k as never));
  });
}
