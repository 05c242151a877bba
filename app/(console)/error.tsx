"use client";
import { useTranslations } from "next-intl";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export default function ConsoleError({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations();
  return (
    <Alert variant="destructive" className="max-w-xl">
      <AlertTitle>{t("errors.INTERNAL")}</AlertTitle>
      <AlertDescription>
        <Button variant="outline" size="sm" className="mt-2" onClick={reset}>
          {t("common.retry")}
        </Button>
      </AlertDescription>
    </Alert>
  );
}
