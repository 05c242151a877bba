"use client";
import { useTranslations } from "next-intl";
import { useQueryStates } from "nuqs";
import { useTransition } from "react";
import { auditSearchParams } from "@/app/(console)/audit/search-params";
import { Button } from "@/components/ui/button";

export function AuditPager({ page, pageCount, totalText }: { page: number; pageCount: number; totalText: string }) {
  const t = useTranslations("access.audit");
  const [pending, startTransition] = useTransition();
  const [, setParams] = useQueryStates(auditSearchParams, { shallow: false, startTransition });
  return (
    <div className="flex items-center justify-between text-sm text-muted-foreground" data-pending={pending || undefined}>
      <span data-testid="audit-total">{totalText}</span>
      <div className="flex items-center gap-2">
        <span>{t("page", { page, pageCount })}</span>
        <Button size="sm" variant="outline" disabled={page <= 1 || pending} onClick={() => void setParams({ page: page - 1 })}>{t("prev")}</Button>
        <Button size="sm" variant="outline" disabled={page >= pageCount || pending} onClick={() => void setParams({ page: page + 1 })}>{t("next")}</Button>
      </div>
    </div>
  );
}
