"use client";
import { Crosshair } from "lucide-react";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { locateDiffAction } from "@/app/(console)/reconciliation/actions";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { formatFen } from "@/lib/money/fen";
import type { LocateOutput } from "@/lib/reconciliation/locate-open-items";
import { ExplainDialog } from "./explain-dialog";

/** 差异定位: an amount in, the combinations of open items that add up to it, each with its orders. */
export function LocatorPanel({ dayFrom, dayTo }: { dayFrom?: string; dayTo?: string }) {
  const t = useTranslations();
  const locale = useLocale();
  const [amount, setAmount] = useState("");
  const [result, setResult] = useState<LocateOutput | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const run = () =>
    start(async () => {
      setError(null);
      const res = await locateDiffAction({ amount, dayFrom, dayTo });
      if (!res.ok) {
        setResult(null);
        return setError(t(`errors.${res.code}`, res.context as Record<string, string> ?? {}));
      }
      setResult(res.data);
    });
  const label = (kind: string, l: string) => (kind === "DISCREPANCY" ? t(`reconciliation.type.${l}` as "reconciliation.type.UNKNOWN") : t(`reconciliation.itemKind.${kind}` as "reconciliation.itemKind.LINE"));
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("reconciliation.locator.title")}</CardTitle>
        <CardDescription>{t("reconciliation.locator.hint")}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-3">
        <form className="flex items-center gap-2" onSubmit={(e) => { e.preventDefault(); run(); }}>
          <Input value={amount} onChange={(e) => setAmount(e.target.value)} placeholder="428.36" inputMode="decimal" className="w-40" maxLength={14} data-testid="locator-amount" />
          <Button type="submit" disabled={pending || !amount.trim()} data-testid="locator-run"><Crosshair className="size-4" />{t("reconciliation.locator.run")}</Button>
        </form>
        {error ? <p className="text-sm text-destructive" role="alert" data-testid="locator-error">{error}</p> : null}
        {result ? (
          <div className="space-y-2" data-testid="locator-result">
            <p className="text-sm text-muted-foreground">
              {result.combinations.length === 0
                ? t("reconciliation.locator.none", { amount: formatFen(result.targetFen, locale), items: result.itemCount, size: result.searchedUpTo })
                : t("reconciliation.locator.found", { count: result.combinations.length, items: result.itemCount, size: result.searchedUpTo })}
              {result.truncated ? ` ${t("reconciliation.locator.truncated")}` : ""}
            </p>
            {result.combinations.map((combo, k) => {
              const ids = combo.filter((i) => i.kind === "DISCREPANCY").map((i) => i.id);
              return (
                <div key={k} className="rounded-md border p-3" data-testid="locator-combination">
                  <div className="mb-2 flex items-center justify-between">
                    <span className="text-sm font-medium">{t("reconciliation.locator.combination", { n: k + 1, size: combo.length })}</span>
                    {ids.length ? <ExplainDialog ids={ids} label={t("reconciliation.locator.explainAll")} onDone={() => setResult(null)} /> : null}
                  </div>
                  <ul className="space-y-1 text-sm">
                    {combo.map((i) => (
                      <li key={`${i.kind}:${i.id}`} className="flex flex-wrap items-center gap-3">
                        <span className="w-24 text-muted-foreground">{i.bizDay}</span>
                        <span className="w-40">{label(i.kind, i.label)}</span>
                        <span className="money w-28 text-right">{formatFen(i.amountFen, locale)}</span>
                        {i.orderId ? <Link className="text-primary hover:underline" href={`/orders/${i.orderId}`}>{i.orderNo}</Link> : <span className="text-muted-foreground">{t("reconciliation.noOrder")}</span>}
                      </li>
                    ))}
                  </ul>
                </div>
              );
            })}
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
