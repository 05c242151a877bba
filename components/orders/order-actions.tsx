"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/actions/run-action";
import { TRANSITIONS, type OrderAction } from "@/lib/lifecycle/transitions";
import { parseYuan } from "@/lib/money/fen";

const CARRIERS = ["SF", "ZTO", "YTO", "YUNDA", "STO", "JD", "EMS", "POSTB", "JTSD"];
const DANGER: OrderAction[] = ["cancel", "hold", "flagForReview", "requestRefund"];

type Submit = (raw: unknown) => Promise<ActionResult<{ action: string; to: string; replayed: boolean }>>;

/**
 * The actions this person may take on the order in its current status (decided on the server).
 * Each opens a confirmation; the idempotency key is minted when the dialog opens, so a double click
 * (or a retried request) is one action.
 */
export function OrderActions(props: { orderId: string; orderNo: string; actions: OrderAction[]; refundableFen: number; submit: Submit }) {
  const t = useTranslations();
  const router = useRouter();
  const [open, setOpen] = useState<OrderAction | null>(null);
  const [key, setKey] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [form, setForm] = useState({ carrierCode: "SF", trackingNo: "", reason: "", amount: "" });

  const noticeLine = notice ? <p className="text-sm text-emerald-700" role="status" data-testid="action-notice">{notice}</p> : null;
  // An action can leave the order where this person has nothing more to do: its notice still shows.
  if (props.actions.length === 0) {
    return (
      <div className="space-y-2">
        {noticeLine}
        <p className="text-sm text-muted-foreground" data-testid="no-order-actions">{t("lifecycle.noActions")}</p>
      </div>
    );
  }

  const start = (a: OrderAction) => {
    setOpen(a);
    setKey(crypto.randomUUID());
    setError(null);
    setForm({ carrierCode: "SF", trackingNo: "", reason: "", amount: "" });
  };
  const label = (a: OrderAction) => t(`lifecycle.action.${a}`);

  const confirm = () => {
    if (!open) return;
    let amountFen: number | undefined;
    if (open === "requestRefund") {
      try {
        amountFen = parseYuan(form.amount); // exact decimal → fen, never through a float
      } catch {
        return setError(t("errors.REFUND_AMOUNT_INVALID"));
      }
    }
    const raw = {
      action: open, orderId: props.orderId, idempotencyKey: key, reason: form.reason || undefined,
      ...(open === "confirmShipment" ? { carrierCode: form.carrierCode, trackingNo: form.trackingNo } : {}),
      ...(open === "requestRefund" ? { amountFen } : {}),
    };
    startTransition(async () => {
      const res = await props.submit(raw);
      if (!res.ok) return setError(t(`errors.${res.code}`));
      setNotice(res.data.replayed ? t("lifecycle.replayed") : t("lifecycle.done", { action: label(open) }));
      setOpen(null);
      router.refresh();
    });
  };

  const rule = open ? TRANSITIONS[open] : null;
  return (
    <div className="space-y-2" data-testid="order-actions">
      <div className="flex flex-wrap gap-2">
        {props.actions.map((a) => (
          <Button key={a} size="sm" variant={DANGER.includes(a) ? "outline" : "default"} onClick={() => start(a)} data-testid={`action-${a}`}>
            {label(a)}
          </Button>
        ))}
      </div>
      {noticeLine}
      <Dialog open={open !== null} onOpenChange={(o) => (o ? null : setOpen(null))}>
        <DialogContent data-testid="action-dialog">
          <DialogHeader>
            <DialogTitle>{open ? t("lifecycle.confirmTitle", { action: label(open) }) : null}</DialogTitle>
            <DialogDescription>{open ? t("lifecycle.confirmBody", { action: label(open), orderNo: props.orderNo }) : null}</DialogDescription>
          </DialogHeader>
          <div className="space-y-3">
            {open === "confirmShipment" ? (
              <>
                <div className="space-y-1">
                  <Label htmlFor="carrier">{t("lifecycle.carrier")}</Label>
                  <Select value={form.carrierCode} onValueChange={(v) => setForm({ ...form, carrierCode: v })}>
                    <SelectTrigger id="carrier" className="w-full" data-testid="carrier"><SelectValue /></SelectTrigger>
                    <SelectContent>{CARRIERS.map((c) => <SelectItem key={c} value={c}>{c}</SelectItem>)}</SelectContent>
                  </Select>
                </div>
                <div className="space-y-1">
                  <Label htmlFor="trackingNo">{t("lifecycle.trackingNo")}</Label>
                  <Input id="trackingNo" value={form.trackingNo} onChange={(e) => setForm({ ...form, trackingNo: e.target.value })} data-testid="tracking-no" autoComplete="off" />
                </div>
              </>
            ) : null}
            {open === "requestRefund" ? (
              <div className="space-y-1">
                <Label htmlFor="amount">{t("lifecycle.amount")}</Label>
                <Input id="amount" inputMode="decimal" value={form.amount} placeholder={(props.refundableFen / 100).toFixed(2)} onChange={(e) => setForm({ ...form, amount: e.target.value })} data-testid="refund-amount" />
              </div>
            ) : null}
            {rule ? (
              <div className="space-y-1">
                <Label htmlFor="reason">{t("lifecycle.reason")}{rule.reasonRequired ? " *" : ""}</Label>
                <Textarea id="reason" rows={2} value={form.reason} placeholder={t("lifecycle.reasonPlaceholder")} onChange={(e) => setForm({ ...form, reason: e.target.value })} data-testid="action-reason" />
              </div>
            ) : null}
            {error ? <Alert variant="destructive" role="alert" data-testid="action-error"><AlertDescription>{error}</AlertDescription></Alert> : null}
          </div>
          <DialogFooter>
            <Button variant="outline" onClick={() => setOpen(null)}>{t("lifecycle.cancelDialog")}</Button>
            <Button onClick={confirm} disabled={pending} data-testid="action-confirm">{pending ? t("lifecycle.submitting") : t("lifecycle.submit")}</Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  );
}
