"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { explainDiscrepanciesAction } from "@/app/(console)/reconciliation/actions";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";

/** Explain (or mark adjusted) one discrepancy or a whole combination the locator found. */
export function ExplainDialog({ ids, label, onDone }: { ids: string[]; label: string; onDone?: () => void }) {
  const t = useTranslations();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [status, setStatus] = useState<"EXPLAINED" | "ADJUSTED">("EXPLAINED");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const submit = () =>
    start(async () => {
      const res = await explainDiscrepanciesAction({ ids, status, explanation: text });
      if (!res.ok) return setError(t(`errors.${res.code}`));
      setOpen(false);
      setText("");
      onDone?.();
      router.refresh();
    });
  return (
    <Dialog open={open} onOpenChange={(o) => { setOpen(o); setError(null); }}>
      <DialogTrigger asChild>
        <Button size="sm" variant="outline" data-testid="explain-open">{label}</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader><DialogTitle>{t("reconciliation.explain.title", { count: ids.length })}</DialogTitle></DialogHeader>
        <div className="space-y-3">
          <div className="space-y-1">
            <Label htmlFor="explain-status">{t("reconciliation.explain.status")}</Label>
            <select id="explain-status" value={status} onChange={(e) => setStatus(e.target.value as typeof status)} className="h-9 w-full rounded-md border bg-background px-2 text-sm">
              <option value="EXPLAINED">{t("reconciliation.status.EXPLAINED")}</option>
              <option value="ADJUSTED">{t("reconciliation.status.ADJUSTED")}</option>
            </select>
          </div>
          <div className="space-y-1">
            <Label htmlFor="explain-text">{t("reconciliation.explain.text")}</Label>
            <Textarea id="explain-text" value={text} onChange={(e) => setText(e.target.value)} maxLength={1000} placeholder={t("reconciliation.explain.placeholder")} data-testid="explain-text" />
          </div>
          {error ? <p className="text-sm text-destructive" role="alert">{error}</p> : null}
        </div>
        <DialogFooter>
          <Button onClick={submit} disabled={pending || text.trim().length < 2} data-testid="explain-submit">{t("reconciliation.explain.submit")}</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
