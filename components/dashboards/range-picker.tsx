"use client";
import { useTranslations } from "next-intl";
import { useQueryStates } from "nuqs";
import { useTransition } from "react";
import { dashboardSearchParams } from "@/app/(console)/dashboards/search-params";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { addBizDays, bizDay } from "@/lib/time/biz-time";

/** Time range (business days) and the test-order switch; both live in the URL. */
export function RangePicker({ from, to }: { from: string; to: string }) {
  const t = useTranslations("dashboards.range");
  const [pending, startTransition] = useTransition();
  const [params, setParams] = useQueryStates(dashboardSearchParams, { shallow: false, startTransition });
  const last = (days: number) => {
    const today = bizDay(new Date());
    void setParams({ from: addBizDays(today, -(days - 1)), to: today });
  };
  return (
    <div className="flex flex-wrap items-end gap-3 rounded-lg border bg-card p-3" data-pending={pending || undefined} data-testid="range-picker">
      <div className="space-y-1">
        <Label htmlFor="dash-from">{t("from")}</Label>
        <Input id="dash-from" type="date" value={from} max={to} onChange={(e) => e.target.value && setParams({ from: e.target.value })} className="w-40" />
      </div>
      <div className="space-y-1">
        <Label htmlFor="dash-to">{t("to")}</Label>
        <Input id="dash-to" type="date" value={to} min={from} onChange={(e) => e.target.value && setParams({ to: e.target.value })} className="w-40" />
      </div>
      <div className="flex gap-1">
        {[1, 7, 30, 90].map((d) => (
          <Button key={d} type="button" variant="outline" size="sm" onClick={() => last(d)}>
            {d === 1 ? t("today") : t("lastDays", { days: d })}
          </Button>
        ))}
      </div>
      <Label className="flex items-center gap-2 pb-2">
        <Checkbox checked={params.test} onCheckedChange={(v) => setParams({ test: v === true })} data-testid="include-test" />
        {t("includeTest")}
      </Label>
    </div>
  );
}
