import { ShieldAlert, ShieldCheck } from "lucide-react";
import { getTranslations } from "next-intl/server";
import type { ChainReport } from "@/lib/audit/verify-audit-chain";

/** The same verification as `npm run audit:verify`, shown where auditors work. */
export async function ChainStatus({ report }: { report: Promise<ChainReport> }) {
  const t = await getTranslations("access.audit");
  const r = await report;
  return r.ok ? (
    <p className="flex items-center gap-2 text-sm text-emerald-700" data-testid="chain-status"><ShieldCheck className="size-4" />{t("chainOk", { rows: r.rows })}</p>
  ) : (
    <p className="flex items-center gap-2 text-sm font-medium text-destructive" data-testid="chain-status"><ShieldAlert className="size-4" />{t("chainBroken", { id: String(r.brokenAtId), reason: r.reason })}</p>
  );
}
