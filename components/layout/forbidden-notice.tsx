import { getTranslations } from "next-intl/server";
import { Alert, AlertDescription } from "@/components/ui/alert";

/** What a page shows to someone without its permission (the data was never loaded). */
export async function ForbiddenNotice() {
  const t = await getTranslations();
  return (
    <Alert variant="destructive" className="max-w-xl" data-testid="forbidden">
      <AlertDescription>{t("errors.FORBIDDEN")}</AlertDescription>
    </Alert>
  );
}
