"use client";
import { useTranslations } from "next-intl";
import { trackerParams } from "@/app/(console)/reconciliation/search-params";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { FilterForm } from "@/components/data/filter-form";
import { useFilterDraft } from "@/components/data/use-filter-draft";

const TEXT = ["from", "to", "min", "max"] as const;
const CHOICES = ["doc", "type", "status"] as const;
const FIELDS = [...TEXT, ...CHOICES];

/** The tracker's filter: submitting writes the URL and the server renders the matching page. */
export function TrackerFilters({ options }: { options: Record<(typeof CHOICES)[number], { value: string; label: string }[]> }) {
  const t = useTranslations("reconciliation.filters");
  const { pending, draft, set, submit, reset } = useFilterDraft(trackerParams, FIELDS);
  return (
    <FilterForm pending={pending} onSubmit={submit} onReset={reset} searchLabel={t("search")} resetLabel={t("reset")} searchTestId="recon-search">
      {TEXT.map((f) => (
        <div key={f} className="space-y-1">
          <Label htmlFor={`recon-${f}`} className="text-xs">{t(f)}</Label>
          <Input id={`recon-${f}`} type={f === "from" || f === "to" ? "date" : "text"} inputMode={f === "min" || f === "max" ? "decimal" : undefined}
            value={draft[f]} onChange={(e) => set(f, e.target.value)} className="w-36" maxLength={16} data-testid={`recon-filter-${f}`} />
        </div>
      ))}
      {CHOICES.map((f) => (
        <div key={f} className="space-y-1">
          <Label htmlFor={`recon-${f}`} className="text-xs">{t(f)}</Label>
          <select id={`recon-${f}`} value={draft[f]} onChange={(e) => set(f, e.target.value)} className="h-9 rounded-md border bg-background px-2 text-sm" data-testid={`recon-filter-${f}`}>
            <option value="">{t("all")}</option>
            {options[f].map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
        </div>
      ))}
    </FilterForm>
  );
}
