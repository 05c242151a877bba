import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert, AlertDescription } from "@/components/ui/alert";

export default async function OrderNotFound() {
  const t = await getTranslations();
  return (
    <div className="space-y-3">
      <Alert variant="destructive" data-testid="order-not-found"><AlertDescription>{t("errors.ORDER_NOT_FOUND")}</AlertDescription></Alert>
      <Link href="/orders" className="text-sm text-primary hover:underline">{t("common.backToList")}</Link>
    </div>
  );
}
