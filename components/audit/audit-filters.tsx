"use client";
import { Search, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useQueryStates } from "nuqs";
import { useState, useTransition } from "react";
import { auditSearchParams } from "@/app/(console)/audit/search-params";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

const FIELDS = ["actor", "action", "entityType", "entityId", "from", "to"] as const;
type Field = (typeof FIELDS)[number];

/** The search form; submitting writes the URL, and the server renders the matching page. */
export function AuditFilters() {
  const t = useTranslations("access.audit");
  const [pending, startTransition] = useTransition();
  const [params, setParams] = useQueryStates(auditSearchParams, { shallow: false, startTransition });
  const [draft, setDraft] = useState<Record<Field, string>>(() => Object.fromEntries(FIELDS.map((f) => [f, params[f]])) as Record<Field, string>);
  const placeholder: Partial<Record<Field, string>> = { actor: t("actorPlaceholder"), action: t("actionPlaceholder"), entityType: t("entityPlaceholder") };

  return (
    <form
      className="flex flex-wrap items-end gap-3 rounded-lg border bg-card p-4"
      data-pending={pending || undefined}
      onSubmit={(e) => {
        e.preventDefault();
        void setParams({ ...Object.fromEntries(FIELDS.map((f) => [f, draft[f].trim() || null])), page: 1 });
      }}
    >
      {FIELDS.map((f) => (
        <div key={f} className="space-y-1">
          <Label htmlFor={`audit-${f}`} className="text-xs">{t(f)}</Label>
          <Input
            id={`audit-${f}`}
            type={f === "from" || f === "to" ? "date" : "text"}
            value={draft[f]}
            onChange={(e) => setDraft((d) => ({ ...d, [f]: e.target.value }))}
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
        onClick={() => {
          setDraft(Object.fromEntries(FIELDS.map((f) => [f, ""])) as Record<Field, string>);
          void setParams(null);
        }}
      >
        <X className="size-4" />{t("reset")}
      </Button>
    </form>
  );
}
