"use client";
import { Eye } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { requestUnmaskAction } from "@/app/(console)/unmask/actions";
import { useActionErrorText } from "@/components/data/action-error";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import type { SensitiveField } from "@/lib/access/roles";
import type { UnmaskEntityType } from "@/lib/access/unmask-grants";
import { formatBizTime } from "@/lib/time/biz-time";

/** "Request full value" beside an order's (or a customer's) masked fields, with the state of earlier requests. */
export function UnmaskRequestDialog({ entityType, entityId, masked, pending, granted }: {
  entityType: UnmaskEntityType; entityId: string; masked: SensitiveField[]; pending: SensitiveField[]; granted: { field: SensitiveField; expiresAt: Date }[];
}) {
  const t = useTranslations("access");
  const locale = useLocale();
  const errorText = useActionErrorText();
  const requestable = masked.filter((f) => !pending.includes(f));
  const [open, setOpen] = useState(false);
  const [field, setField] = useState<SensitiveField | "">(requestable[0] ?? "");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, startTransition] = useTransition();

  const submit = () =>
    startTransition(async () => {
      const res = await requestUnmaskAction({ entityType, entityId, field, reason });
      if (res.ok) {
        setOpen(false);
        setReason("");
      } else setError(errorText(res));
    });

  return (
    <div className="space-y-1 pt-2 text-xs" data-testid="unmask-state">
      {granted.map((g) => (
        <p key={g.field} className="text-amber-700" data-testid="unmask-granted">{t("unmask.grantedNote", { field: t(`field.${g.field}`), time: formatBizTime(new Date(g.expiresAt), locale) })}</p>
      ))}
      {pending.length ? <p className="text-muted-foreground" data-testid="unmask-pending">{t("unmask.pendingNote", { fields: pending.map((f) => t(`field.${f}`)).join("、") })}</p> : null}
      {requestable.length ? (
        <Dialog open={open} onOpenChange={(o) => { setOpen(o); setError(null); if (o && !requestable.includes(field as SensitiveField)) setField(requestable[0]); }}>
          <DialogTrigger asChild>
            <Button variant="link" size="sm" className="h-auto p-0 text-xs" data-testid="unmask-request"><Eye className="size-3" />{t("unmask.request")}</Button>
          </DialogTrigger>
          <DialogContent>
            <DialogHeader><DialogTitle>{t("unmask.requestTitle")}</DialogTitle></DialogHeader>
            <div className="grid gap-3">
              <div className="grid gap-1">
                <Label>{t("unmask.field")}</Label>
                <Select value={field} onValueChange={(v) => setField(v as SensitiveField)}>
                  <SelectTrigger data-testid="unmask-field"><SelectValue /></SelectTrigger>
                  <SelectContent>{requestable.map((f) => <SelectItem key={f} value={f}>{t(`field.${f}`)}</SelectItem>)}</SelectContent>
                </Select>
              </div>
              <div className="grid gap-1">
                <Label htmlFor="unmask-reason">{t("unmask.reason")}</Label>
                <Textarea id="unmask-reason" value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t("unmask.reasonPlaceholder")} maxLength={500} data-testid="unmask-reason" />
              </div>
              {error ? <p className="text-sm text-destructive" role="alert">{error}</p> : null}
            </div>
            <DialogFooter>
              <Button onClick={submit} disabled={busy || !field || reason.trim().length < 4} data-testid="unmask-submit">{t("unmask.submit")}</Button>
            </DialogFooter>
          </DialogContent>
        </Dialog>
      ) : null}
    </div>
  );
}
