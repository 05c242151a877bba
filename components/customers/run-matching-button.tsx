"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { runMatchingAction } from "@/app/(console)/customers/actions";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/data/use-action";

/** The full matching pass on demand (the job does the same incrementally every 5 minutes). */
export function RunMatchingButton() {
  const t = useTranslations("customers");
  const { busy, error, run } = useAction();
  const [done, setDone] = useState<string | null>(null);
  return (
    <div className="flex items-center gap-2">
      {error ? <span className="text-sm text-destructive" role="alert">{error}</span> : null}
      {done ? <span className="text-sm text-muted-foreground" role="status">{done}</span> : null}
      <Button size="sm" variant="outline" disabled={busy} onClick={() => run(() => runMatchingAction(), (d) => setDone(t("matchingDone", d)))}>
        {busy ? t("running") : t("runMatching")}
      </Button>
    </div>
  );
}
