"use client";
import { useTranslations } from "next-intl";
import { auditSearchParams } from "@/app/(console)/audit/search-params";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { FilterForm } from "@/components/data/filter-form";
import { useFilterDraft } from "@/components/data/use-filter-draft";

const FIELDS = ["actor", "action", "entityType", "entityId", "from", "to"] as const;

/** The search form; submitting writes the URL, and the server renders the matching page. */
export function AuditFilters() {
  const t = useTranslations("access.audit");
  const { pending, draft, set, submit, reset } = useFilterDraft(auditSearchParams, FIELDS);
  const placeholder: Partial<Record<(typeof FIELDS)[number], string>> = { actor: t("actorPlaceholder"), action: t("actionPlaceholder"), entityType: t("entityPlaceholder") };

  return (
    <FilterForm pending={pending} onSubmit={submit} onReset={reset} searchLabel={t("search")} resetLabel={t("reset")} searchTestId="audit-search">
      {FIELDS.map((f) => (
        <div key={f} className="space-y-1">
          <Label htmlFor={`audit-${f}`} className="text-xs">{t(f)}</Label>
          <Input
            id={`audit-${f}`}
            type={f === "from" || f === "to" ? "date" : "text"}
            value={draft[f]}
            onChange={(e) => set(f, e.target.value)}
            placeholder={placeholder[f]}
            className="w-36"
            maxLength={128}
            data-testid={`audit-filter-${f}`}
          />
        </div>
      ))}
    </FilterForm>
  );
}
