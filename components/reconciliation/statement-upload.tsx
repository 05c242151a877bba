"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { startStatementImportAction } from "@/app/(console)/reconciliation/actions";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/** Upload a WeChat / Alipay bill or a platform settlement file (the shop is needed for the latter only). */
export function StatementUpload({ channels }: { channels: { id: string; name: string }[] }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = (form: FormData) =>
    start(async () => {
      const res = await startStatementImportAction(form);
      if (!res.ok) return setMessage({ ok: false, text: t(`errors.${res.code}`) });
      const key = res.data.duplicate ? "duplicate" : res.data.status === "DONE" ? "done" : "queued";
      setMessage({ ok: true, text: t(`reconciliation.upload.${key}`) });
      router.refresh();
    });
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("reconciliation.upload.title")}</CardTitle>
        <CardDescription>{t("reconciliation.upload.hint")}</CardDescription>
      </CardHeader>
      <CardContent>
        <form action={submit} className="flex flex-wrap items-end gap-3">
          <div className="space-y-1">
            <Label htmlFor="statement-channel">{t("reconciliation.upload.channel")}</Label>
            <select id="statement-channel" name="channelId" defaultValue="" className="h-9 rounded-md border bg-background px-2 text-sm">
              <option value="">{t("reconciliation.upload.noChannel")}</option>
              {channels.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          </div>
          <div className="space-y-1">
            <Label htmlFor="statement-file">{t("reconciliation.upload.file")}</Label>
            <Input id="statement-file" name="file" type="file" accept=".csv,.zip,text/csv,application/zip" required className="w-72" data-testid="statement-file" />
          </div>
          <Button type="submit" disabled={pending} data-testid="statement-submit">{pending ? t("reconciliation.upload.submitting") : t("reconciliation.upload.submit")}</Button>
        </form>
        {message ? <Alert variant={message.ok ? "default" : "destructive"} className="mt-3" data-testid="statement-message"><AlertDescription>{message.text}</AlertDescription></Alert> : null}
      </CardContent>
    </Card>
  );
}
