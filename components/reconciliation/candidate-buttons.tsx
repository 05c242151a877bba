"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { decideCandidateAction } from "@/app/(console)/reconciliation/actions";
import { Button } from "@/components/ui/button";

export function CandidateButtons({ id }: { id: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const decide = (decision: "CONFIRM" | "REJECT") =>
    start(async () => {
      const res = await decideCandidateAction({ id, decision });
      if (!res.ok) return setError(t(`errors.${res.code}`));
      router.refresh();
    });
  return (
    <div className="flex items-center gap-2">
      <Button size="sm" disabled={pending} onClick={() => decide("CONFIRM")} data-testid="candidate-confirm">{t("reconciliation.candidates.confirm")}</Button>
      <Button size="sm" variant="outline" disabled={pending} onClick={() => decide("REJECT")} data-testid="candidate-reject">{t("reconciliation.candidates.reject")}</Button>
      {error ? <span className="text-sm text-destructive" role="alert">{error}</span> : null}
    </div>
  );
}
