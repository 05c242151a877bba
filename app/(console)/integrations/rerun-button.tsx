"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { rerunDeadLetterAction } from "./actions";

export function RerunButton({ id }: { id: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [msg, setMsg] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <Button size="sm" variant="outline" disabled={pending || msg !== null} data-testid="rerun"
        onClick={() => start(async () => {
          const res = await rerunDeadLetterAction(id);
          setMsg(res.ok ? t("lifecycle.integrations.rerunDone") : t(`errors.${res.code}`));
          router.refresh();
        })}>
        {t("lifecycle.integrations.rerun")}
      </Button>
      {msg ? <span className="text-xs text-muted-foreground">{msg}</span> : null}
    </span>
  );
}
