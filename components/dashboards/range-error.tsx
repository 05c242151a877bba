import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { parseDashboardFilter } from "@/lib/dashboards/dashboard-filter";
import type { ErrorCode } from "@/lib/errors/app-error";
import { RangePicker } from "./range-picker";

/** A dashboard whose URL range was refused: the reason, and the picker on the default range to fix it. */
export async function RangeError({ title, code }: { title: string; code: ErrorCode }) {
  const t = await getTranslations();
  const fallback = parseDashboardFilter({});
  return (
    <div className="space-y-4">
      <PageHeader title={title} />
      <RangePicker from={fallback.from} to={fallback.to} />
      <Alert variant="destructive" data-testid="dashboard-error"><AlertDescription>{t(`errors.${code}`)}</AlertDescription></Alert>
    </div>
  );
}
