"use client";
import { Search, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useQueryStates } from "nuqs";
import { useState, useTransition } from "react";
import { orderSearchParams } from "@/app/(console)/orders/search-params";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { OrderStatus } from "@/lib/db/generated/prisma/enums";

const ALL = "__all";

export function OrdersToolbar({ channels }: { channels: { id: string; name: string }[] }) {
  const t = useTranslations();
  const [pending, startTransition] = useTransition();
  const [params, setParams] = useQueryStates(orderSearchParams, { shallow: false, startTransition });
  const [q, setQ] = useState(params.q);
  const [min, setMin] = useState(params.min);
  const [max, setMax] = useState(params.max);

  const apply = (patch: Partial<typeof params>) => setParams({ ...patch, page: 1 });

  return (
    <div className="space-y-3 rounded-lg border bg-card p-4" data-pending={pending || undefined}>
      <form
        className="flex gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          apply({ q: q.trim() });
        }}
      >
        <Input
          name="q"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder={t("orders.searchPlaceholder")}
          className="max-w-xl"
          data-testid="order-search"
          maxLength={64}
        />
        <Button type="submit" data-testid="order-search-submit">
          <Search className="size-4" />
          {t("orders.search")}
        </Button>
        <Button
          type="button"
          variant="ghost"
          onClick={() => {
            setQ("");
            setMin("");
            setMax("");
            void setParams(null);
          }}
        >
          <X className="size-4" />
          {t("orders.clear")}
        </Button>
      </form>
      <div className="flex flex-wrap items-end gap-3">
        <div className="space-y-1">
          <Label className="text-xs">{t("orders.channel")}</Label>
          <Select value={params.channel[0] ?? ALL} onValueChange={(v) => apply({ channel: v === ALL ? [] : [v] })}>
            <SelectTrigger className="w-40" data-testid="filter-channel">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value={ALL}>{t("common.all")}</SelectItem>
              {channels.map((c) => (
                <SelectItem key={c.id} value={c.id}>
                  {c.name}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
        <div className="space-y-1">
          <Label className="text-xs">{t("orders.status")}</Label>
          <Select
            value={params.status[0] ?? ALL}
            onValueChange={(v) => apply({ status: v === ALL ? [] : [v as OrderStatus] })}
          >
            <SelectTrigger className="w-36" data-testid="filter-status">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value={ALL}>{t("common.all")}</SelectItem>
              {Object.values(OrderStatus).map((s) => (
                <SelectItem key={s} value={s}>
                  {t(`status.${s}`)}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
        <div className="space-y-1">
          <Label className="text-xs" htmlFor="from">{t("orders.from")}</Label>
          <Input id="from" type="date" className="w-40" value={params.from} onChange={(e) => apply({ from: e.target.value })} />
        </div>
        <div className="space-y-1">
          <Label className="text-xs" htmlFor="to">{t("orders.to")}</Label>
          <Input id="to" type="date" className="w-40" value={params.to} onChange={(e) => apply({ to: e.target.value })} />
        </div>
        <form
          className="flex items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            apply({ min: min.trim(), max: max.trim() });
          }}
        >
          <div className="space-y-1">
            <Label className="text-xs" htmlFor="min">{t("orders.minAmount")}</Label>
            <Input id="min" inputMode="decimal" className="w-28" value={min} onChange={(e) => setMin(e.target.value)} onBlur={() => apply({ min: min.trim(), max: max.trim() })} />
          </div>
          <div className="space-y-1">
            <Label className="text-xs" htmlFor="max">{t("orders.maxAmount")}</Label>
            <Input id="max" inputMode="decimal" className="w-28" value={max} onChange={(e) => setMax(e.target.value)} onBlur={() => apply({ min: min.trim(), max: max.trim() })} />
          </div>
          <button type="submit" hidden />
        </form>
        <label className="flex items-center gap-2 pb-2 text-sm">
          <Checkbox checked={params.hideTest} onCheckedChange={(v) => apply({ hideTest: v === true })} />
          {t("orders.hideTest")}
        </label>
      </div>
    </div>
  );
}
