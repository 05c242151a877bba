"use client";
import { Search, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { auditSearchParams } from "@/app/(console)/audit/search-params";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useFilterDraft } from "@/components/data/use-filter-draft";

const FIELDS = ["actor", "action", "entityType", "entityId", "from", "to"] as const;

/** The search form; submitting writes the URL, and the server renders the matching page. */
export function AuditFilters() {
  const t = useTranslations("access.audit");
  const { pending, draft, set, submit, reset } = useFilterDraft(auditSearchParams, FIELDS);
  const placeholder: Partial<Record<(typeof FIELDS)[number], string>> = { actor: t("actorPlaceholder"), action: t("actionPlaceholder"), entityType: t("entityPlaceholder") };

  return (
    <form
      className="flex flex-wrap items-end gap-3 rounded-lg border bg-card p-4"
      data-pending={pending || undefined}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
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
      <Button type="submit" data-testid="audit-search"><Search className="size-4" />{t("search")}</Button>
      <Button
        type="button"
        variant="ghost"
        onClick={reset}
      >
        <X className="size-4" />{t("reset")}
      </Button>
    </form>
  );
}
