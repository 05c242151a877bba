"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { saveWebhookAction } from "@/app/(console)/rules/actions";
import { useAction } from "@/components/data/use-action";

interface Hook { id?: string; name: string; kind: "DINGTALK" | "WECOM"; url: string; enabled: boolean; hasSecret: boolean }

/** A robot webhook (new when `hook` is absent); the secret is write-only. */
export function WebhookForm({ hook }: { hook?: Hook }) {
  const t = useTranslations("anomalies.rulesPage");
  const [form, setForm] = useState({ name: hook?.name ?? "", kind: hook?.kind ?? "DINGTALK", url: hook?.url ?? "", secret: "", enabled: hook?.enabled ?? true });
  const { run, error, busy } = useAction();
  const save = () => run(() => saveWebhookAction({ id: hook?.id, ...form, secret: form.secret || undefined }), () => { if (!hook) setForm({ name: "", kind: "DINGTALK", url: "", secret: "", enabled: true }); });
  return (
    <div className="grid items-end gap-2 sm:grid-cols-[8rem_9rem_1fr_10rem_auto_auto]" data-testid="webhook-form">
      <label className="space-y-1 text-xs">{t("webhookName")}<Input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} /></label>
      <label className="space-y-1 text-xs">{t("webhookKind")}
        <select value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as Hook["kind"] })} className="block h-9 w-full rounded-md border bg-background px-2 text-sm">
          <option value="DINGTALK">{t("kinds.DINGTALK")}</option>
          <option value="WECOM">{t("kinds.WECOM")}</option>
        </select>
      </label>
      <label className="space-y-1 text-xs">{t("webhookUrl")}<Input value={form.url} onChange={(e) => setForm({ ...form, url: e.target.value })} /></label>
      <label className="space-y-1 text-xs">{t("webhookSecret")}<Input type="password" value={form.secret} placeholder={hook?.hasSecret ? t("secretSet") : ""} onChange={(e) => setForm({ ...form, secret: e.target.value })} autoComplete="off" /></label>
      <label className="flex h-9 items-center gap-1 text-xs"><input type="checkbox" checked={form.enabled} onChange={(e) => setForm({ ...form, enabled: e.target.checked })} />{t("enabled")}</label>
      <Button size="sm" onClick={save} disabled={busy}>{hook ? t("save") : t("addWebhook")}</Button>
      {error ? <Alert variant="destructive" role="alert" className="sm:col-span-6"><AlertDescription>{error}</AlertDescription></Alert> : null}
    </div>
  );
}
