import { useLocale, useTranslations } from "next-intl";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { formatFen } from "@/lib/money/fen";

type Amounts = { goodsFen: number; freightFen: number; merchantDiscountFen: number; platformSubsidyFen: number; couponFen: number; paidFen: number; refundedFen: number };

/** Every amount with what it means, so CS can explain a price to a customer. */
export function AmountsCard({ amounts }: { amounts: Amounts }) {
  const t = useTranslations("detail");
  const locale = useLocale();
  const rows: { key: string; fen: number; sign?: "+" | "−"; strong?: boolean }[] = [
    { key: "goods", fen: amounts.goodsFen },
    { key: "freight", fen: amounts.freightFen, sign: "+" },
    { key: "merchantDiscount", fen: amounts.merchantDiscountFen, sign: "−" },
    { key: "platformSubsidy", fen: amounts.platformSubsidyFen, sign: "−" },
    { key: "coupon", fen: amounts.couponFen, sign: "−" },
    { key: "paid", fen: amounts.paidFen, strong: true },
    { key: "refunded", fen: amounts.refundedFen },
  ];
  return (
    <Card>
      <CardHeader><CardTitle>{t("amounts")}</CardTitle></CardHeader>
      <CardContent>
        <dl className="space-y-2 text-sm" data-testid="amounts">
          {rows.map((r) => (
            <div key={r.key} className={r.strong ? "border-t pt-2" : undefined}>
              <div className="flex justify-between">
                <dt className={r.strong ? "font-medium" : undefined}>{t(r.key)}</dt>
                <dd className={`money ${r.strong ? "font-semibold" : ""}`}>
                  {r.sign && r.fen ? `${r.sign} ` : ""}
                  {formatFen(r.fen, locale)}
                </dd>
              </div>
              <p className="text-xs text-muted-foreground">{t(`${r.key}Hint`)}</p>
            </div>
          ))}
        </dl>
      </CardContent>
    </Card>
  );
}
