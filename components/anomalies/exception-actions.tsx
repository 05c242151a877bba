"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { addExceptionNoteAction, claimExceptionsAction, decideApprovalAction, fixExceptionAction } from "@/app/(console)/exceptions/actions";
import { HandOffDialog } from "./hand-off-dialog";
import { useAction } from "@/components/data/use-action";

export type FixKind = "repush" | "hold" | "release" | "cancel" | "addressCorrected";

/**
 * What a person can do with one exception: claim, transfer, note, the one-click fixes that fit the
 * order's status (decided on the server), approve / refuse, resolve. Each fix carries a fresh
 * idempotency key, so a double click acts once.
 */
export function ExceptionActions(props: {
  id: string;
  open: boolean;
  canHandle: boolean;
  canClaim: boolean;
  fixes: FixKind[];
  approval: boolean;
  assignees: { id: string; displayName: string }[];
}) {
  const t = useTranslations("anomalies");
  const [reason, setReason] = useState("");
  const [note, setNote] = useState("");
  const { run, error, busy } = useAction();
  const fix = (f: FixKind) => run(() => fixExceptionAction({ exceptionId: props.id, fix: f, idempotencyKey: crypto.randomUUID(), reason: reason || undefined }), () => setReason(""));
  const decide = (decision: "APPROVED" | "REFUSED") => run(() => decideApprovalAction({ exceptionId: props.id, decision, note: reason || undefined }), () => setReason(""));

  return (
    <div className="space-y-3" data-testid="exception-actions">
      {props.open && props.canHandle ? (
        <div className="flex flex-wrap gap-2">
          {props.canClaim ? <Button size="sm" disabled={busy} onClick={() => run(() => claimExceptionsAction({ ids: [props.id] }))} data-testid="claim">{t("claim")}</Button> : null}
          <HandOffDialog mode="transfer" ids={[props.id]} assignees={props.assignees} trigger={<Button size="sm" variant="outline" data-testid="transfer">{t("transfer")}</Button>} />
          {!props.approval ? <HandOffDialog mode="resolve" ids={[props.id]} assignees={props.assignees} trigger={<Button size="sm" variant="outline" data-testid="resolve">{t("resolve")}</Button>} /> : null}
        </div>
      ) : null}
      {props.open && (props.fixes.length > 0 || props.approval) ? (
        <div className="space-y-2 rounded-md border p-3">
          <div className="text-sm font-medium">{t("fix.title")}</div>
          <div className="space-y-1">
            <Label htmlFor="fix-reason" className="text-xs">{t("fix.reason")}</Label>
            <Textarea id="fix-reason" rows={2} value={reason} placeholder={t("fix.reasonPlaceholder")} onChange={(e) => setReason(e.target.value)} data-testid="fix-reason" />
          </div>
          <div className="flex flex-wrap gap-2">
            {props.fixes.map((f) => (
              <Button key={f} size="sm" variant={f === "cancel" || f === "hold" ? "outline" : "secondary"} disabled={busy} onClick={() => fix(f)} data-testid={`fix-${f}`}>{t(`fix.${f}`)}</Button>
            ))}
            {props.approval ? (
              <>
                <Button size="sm" disabled={busy} onClick={() => decide("APPROVED")} data-testid="approve">{t("fix.approve")}</Button>
                <Button size="sm" variant="outline" disabled={busy} onClick={() => decide("REFUSED")} data-testid="refuse">{t("fix.refuse")}</Button>
              </>
            ) : null}
          </div>
        </div>
      ) : null}
      {props.canHandle ? (
        <div className="space-y-1">
          <Label htmlFor="note" className="text-xs">{t("addNote")}</Label>
          <Textarea id="note" rows={2} value={note} placeholder={t("notePlaceholder")} onChange={(e) => setNote(e.target.value)} data-testid="note-input" />
          <Button size="sm" variant="secondary" disabled={busy || !note.trim()} onClick={() => run(() => addExceptionNoteAction({ exceptionId: props.id, note }), () => setNote(""))} data-testid="note-save">{t("addNote")}</Button>
        </div>
      ) : null}
      {error ? <Alert variant="destructive" role="alert" data-testid="exception-error"><AlertDescription>{error}</AlertDescription></Alert> : null}
    </div>
  );
}
