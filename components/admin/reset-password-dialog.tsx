"use client";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { resetUserPasswordAction } from "@/app/(console)/admin/users/actions";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useActionErrorText } from "@/components/data/action-error";

export function ResetPasswordDialog({ user, onClose }: { user: { id: string; displayName: string } | null; onClose: () => void }) {
  const t = useTranslations("access.admin");
  const errorText = useActionErrorText();
  const [pending, startTransition] = useTransition();
  const [password, setPassword] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <Dialog open={user !== null} onOpenChange={(o) => { if (!o) { setPassword(""); setMessage(null); onClose(); } }}>
      <DialogContent>
        <DialogHeader><DialogTitle>{t("resetPassword")} · {user?.displayName}</DialogTitle></DialogHeader>
        <div className="grid gap-1">
          <Label htmlFor="rp-password">{t("newPassword")}</Label>
          <Input id="rp-password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" />
          <p className="text-xs text-muted-foreground">{t("passwordHint")}</p>
          {message ? <p className={message.ok ? "text-sm text-emerald-700" : "text-sm text-destructive"} role="alert">{message.text}</p> : null}
        </div>
        <DialogFooter>
          <Button
            disabled={pending || !user}
            onClick={() => startTransition(async () => {
              const res = await resetUserPasswordAction({ id: user!.id, password });
              setMessage(res.ok ? { ok: true, text: t("passwordReset") } : { ok: false, text: errorText(res) ?? "" });
              if (res.ok) setPassword("");
            })}
          >
            {pending ? t("saving") : t("resetPassword")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
