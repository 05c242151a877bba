"use client";
import { useTranslations } from "next-intl";
import { useState, type ReactElement } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/actions/run-action";
import { RESOLUTION_CODES } from "@/lib/anomalies/rules";
import { assignExceptionsAction, resolveExceptionsAction } from "@/app/(console)/exceptions/actions";
import { useAction } from "@/components/data/use-action";

const PERSON_CODES = RESOLUTION_CODES.filter((c) => c !== "APPROVED" && c !== "REFUSED");

/** 转交 (to a person, note required) or 结案 (resolution code required) for one or many exceptions. */
export function HandOffDialog({ mode, ids, assignees, trigger, onDone }: { mode: "transfer" | "resolve"; ids: string[]; assignees: { id: string; displayName: string }[]; trigger: ReactElement; onDone?: () => void }) {
  const t = useTranslations("anomalies");
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState("");
  const [note, setNote] = useState("");
  const { run, error, setError, busy } = useAction();
  const confirm = () =>
    run(
      (): Promise<ActionResult<unknown>> => (mode === "transfer" ? assignExceptionsAction({ ids, assigneeId: choice, note }) : resolveExceptionsAction({ ids, resolutionCode: choice, note: note || undefined })),
      () => { setOpen(false); onDone?.(); },
    );
  return (
    <Dialog open={open} onOpenChange={(o) => { setOpen(o); setError(null); setChoice(""); setNote(""); }}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent data-testid={`${mode}-dialog`}>
        <DialogHeader><DialogTitle>{t(mode)} · {t("selected", { count: ids.length })}</DialogTitle></DialogHeader>
        <div className="space-y-3">
          <div className="space-y-1">
            <Label htmlFor={`${mode}-choice`}>{mode === "transfer" ? t("transferTo") : t("resolutionCode")} *</Label>
            <select id={`${mode}-choice`} className="h-9 w-full rounded-md border bg-background px-2 text-sm" value={choice} onChange={(e) => setChoice(e.target.value)} data-testid={`${mode}-choice`}>
              <option value="">—</option>
              {mode === "transfer"
                ? assignees.map((a) => <option key={a.id} value={a.id}>{a.displayName}</option>)
                : PERSON_CODES.map((c) => <option key={c} value={c}>{t(`resolution.${c}`)}</option>)}
            </select>
          </div>
          <div className="space-y-1">
            <Label htmlFor={`${mode}-note`}>{t("note")}{mode === "transfer" ? " *" : ""}</Label>
            <Textarea id={`${mode}-note`} rows={2} value={note} placeholder={t("notePlaceholder")} onChange={(e) => setNote(e.target.value)} data-testid={`${mode}-note`} />
          </div>
          {error ? <Alert variant="destructive" role="alert"><AlertDescription>{error}</AlertDescription></Alert> : null}
        </div>
        <DialogFooter>
          <Button variant="outline" onClick={() => setOpen(false)}>{t("cancel")}</Button>
          <Button onClick={confirm} disabled={busy || !choice || (mode === "transfer" && !note.trim())} data-testid={`${mode}-confirm`}>{t("submit")}</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
