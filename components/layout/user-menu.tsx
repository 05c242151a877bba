"use client";
import { Languages, LogOut } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { setLocaleAction, signOutAction } from "./actions";

export function UserMenu({ displayName, roleName }: { displayName: string; roleName: string }) {
  const t = useTranslations("header");
  const locale = useLocale();
  const [pending, startTransition] = useTransition();
  const next = locale === "en" ? "zh-CN" : "en";
  return (
    <div className="flex items-center gap-3">
      <Button
        variant="ghost"
        size="sm"
        disabled={pending}
        data-testid="locale-switch"
        aria-label={t("language")}
        onClick={() => startTransition(async () => void (await setLocaleAction(next)))}
      >
        <Languages className="size-4" />
        {next === "en" ? t("en") : t("zh")}
      </Button>
      <div className="text-right leading-tight" data-testid="current-user">
        <div className="text-sm font-medium">{displayName}</div>
        <div className="text-xs text-muted-foreground">{roleName}</div>
      </div>
      <form action={signOutAction}>
        <Button variant="outline" size="sm" type="submit">
          <LogOut className="size-4" />
          {t("signOut")}
        </Button>
      </form>
    </div>
  );
}
