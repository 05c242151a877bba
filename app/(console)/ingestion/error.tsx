"use client";
import { useTranslations } from "next-intl";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export default function IngestionError({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations();
  return (
    <Alert variant="destructive" data-testid="ingestion-error">
      <AlertDescription className="flex items-center gap-3">
        {t("errors.INTERNAL")}
        <Button size="sm" variant="outline" onClick={reset}>{t("common.retry")}</Button>
      </AlertDescription>
    </Alert>
  );
}
