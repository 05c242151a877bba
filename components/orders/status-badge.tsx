import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

const VARIANT: Record<string, "default" | "secondary" | "destructive" | "outline" | "success" | "warning"> = {
  PENDING_PAYMENT: "outline",
  PAID: "default",
  PUSHED_TO_WMS: "secondary",
  SHIPPED: "secondary",
  DELIVERED: "success",
  COMPLETED: "success",
  CANCELLED: "outline",
  AFTER_SALE: "warning",
  REFUNDED: "warning",
  NEEDS_REVIEW: "destructive",
  ON_HOLD: "destructive",
};

export function StatusBadge({ status }: { status: string }) {
  const t = useTranslations("status");
  return <Badge variant={VARIANT[status] ?? "outline"}>{t(status)}</Badge>;
}
