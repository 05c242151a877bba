"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { addCustomerNoteAction } from "@/app/(console)/customers/actions";
import { Button } from "@/components/ui/button";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { NOTE_CHANNELS } from "@/lib/customers/note-channels";
import { useAction } from "@/components/data/use-action";

/** Records one contact with the customer (an inquiry for the CS KPIs) about one of their orders (default: the latest). */
export function NoteForm({ customerId, orders }: { customerId: string; orders: { id: string; label: string }[] }) {
  const t = useTranslations("customers");
  const { busy, error, run } = useAction();
  const [channel, setChannel] = useState<(typeof NOTE_CHANNELS)[number]>("PHONE");
  const [body, setBody] = useState("");
  const [orderId, setOrderId] = useState(orders[0]?.id);
  const [saved, setSaved] = useState(false);
  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        run(() => addCustomerNoteAction({ customerId, channel, body, orderId }), () => { setBody(""); setSaved(true); });
      }}
    >
      <div className="flex flex-wrap gap-2">
        {orders.length ? (
          <Select value={orderId} onValueChange={setOrderId}>
            <SelectTrigger className="w-full" aria-label={t("noteOrder")}><SelectValue /></SelectTrigger>
            <SelectContent>
              {orders.map((o) => <SelectItem key={o.id} value={o.id}>{o.label}</SelectItem>)}
            </SelectContent>
          </Select>
        ) : null}
        <Select value={channel} onValueChange={(v) => setChannel(v as typeof channel)}>
          <SelectTrigger className="w-32" aria-label={t("noteChannel")}><SelectValue /></SelectTrigger>
          <SelectContent>
            {NOTE_CHANNELS.map((c) => <SelectItem key={c} value={c}>{t(`noteChannelValue.${c}`)}</SelectItem>)}
          </SelectContent>
        </Select>
        <Button type="submit" disabled={busy || body.trim().length < 2}>{busy ? t("saving") : t("save")}</Button>
        {saved ? <span className="self-center text-sm text-muted-foreground" role="status">{t("noteSaved")}</span> : null}
      </div>
      <Textarea value={body} onChange={(e) => setBody(e.target.value)} placeholder={t("notePlaceholder")} aria-label={t("noteBody")} maxLength={2000} rows={3} />
      {error ? <p className="text-sm text-destructive" role="alert">{error}</p> : null}
    </form>
  );
}
