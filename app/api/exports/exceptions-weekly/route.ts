import { getTranslations } from "next-intl/server";
import { exportWeeklyFigures } from "@/lib/anomalies/weekly-figures";
import { getDb } from "@/lib/db/client";
import { formatParam, respondWithExport } from "../respond";

/** GET /api/exports/exceptions-weekly?week=YYYY-MM-DD&format=xlsx|csv — the 周复盘 figures; order.export, audited. */
export async function GET(req: Request) {
  const url = new URL(req.url);
  return respondWithExport(async (actor) => {
    const t = await getTranslations({ locale: actor.locale, namespace: "anomalies" });
    return exportWeeklyFigures(getDb(), actor, { week: url.searchParams.get("week") || undefined }, formatParam(url), (k) => t(k as never));
  });
}
