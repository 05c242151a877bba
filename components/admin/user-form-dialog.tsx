"use client";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { createUserAction, updateUserAction } from "@/app/(console)/admin/users/actions";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { SALES_REGIONS } from "@/lib/geo/regions";
import type { UserListRow } from "@/lib/users/list-users";
import { useActionErrorText } from "@/components/data/action-error";

export interface RoleOption { key: string; name: string; rowScope: string }
export interface ChannelOption { id: string; name: string }
const NONE = "__none";

/** Create a user, or edit one's name, role and scope (region for regional roles, shops for CS). */
export function UserFormDialog({ open, onOpenChange, user, roles, channels }: {
  open: boolean; onOpenChange: (o: boolean) => void; user: UserListRow | null; roles: RoleOption[]; channels: ChannelOption[];
}) {
  const t = useTranslations("access.admin");
  const errorText = useActionErrorText();
  const [pending, startTransition] = useTransition();
  const [username, setUsername] = useState(user?.username ?? "");
  const [displayName, setDisplayName] = useState(user?.displayName ?? "");
  const [password, setPassword] = useState("");
  const [roleKey, setRoleKey] = useState(user?.roleKey ?? roles[0]?.key ?? "");
  const [region, setRegion] = useState(user?.region ?? "");
  const [channelIds, setChannelIds] = useState<string[]>(user?.channelIds ?? []);
  const [error, setError] = useState<string | null>(null);
  const scope = roles.find((r) => r.key === roleKey)?.rowScope;

  const submit = () =>
    startTransition(async () => {
      const common = { displayName, roleKey, region: region || null, channelIds };
      const res = user ? await updateUserAction({ id: user.id, ...common }) : await createUserAction({ username, password, ...common });
      if (res.ok) onOpenChange(false);
      else setError(errorText(res));
    });

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent data-testid="user-form">
        <DialogHeader><DialogTitle>{user ? t("editUser") : t("createUser")}</DialogTitle></DialogHeader>
        <div className="grid gap-3">
          {!user ? (
            <>
              <div className="grid gap-1"><Label htmlFor="uf-username">{t("username")}</Label><Input id="uf-username" value={username} onChange={(e) => setUsername(e.target.value)} maxLength={32} /></div>
              <div className="grid gap-1">
                <Label htmlFor="uf-password">{t("password")}</Label>
                <Input id="uf-password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" />
                <p className="text-xs text-muted-foreground">{t("passwordHint")}</p>
              </div>
            </>
          ) : null}
          <div className="grid gap-1"><Label htmlFor="uf-name">{t("displayName")}</Label><Input id="uf-name" value={displayName} onChange={(e) => setDisplayName(e.target.value)} maxLength={64} /></div>
          <div className="grid gap-1">
            <Label>{t("role")}</Label>
            <Select value={roleKey} onValueChange={setRoleKey}>
              <SelectTrigger data-testid="uf-role"><SelectValue /></SelectTrigger>
              <SelectContent>{roles.map((r) => <SelectItem key={r.key} value={r.key}>{r.name}</SelectItem>)}</SelectContent>
            </Select>
          </div>
          {scope === "REGION" ? (
            <div className="grid gap-1">
              <Label>{t("region")}</Label>
              <Select value={region || NONE} onValueChange={(v) => setRegion(v === NONE ? "" : v)}>
                <SelectTrigger><SelectValue /></SelectTrigger>
                <SelectContent>
                  <SelectItem value={NONE}>{t("regionNone")}</SelectItem>
                  {SALES_REGIONS.map((r) => <SelectItem key={r} value={r}>{r}</SelectItem>)}
                </SelectContent>
              </Select>
            </div>
          ) : null}
          {scope === "CHANNELS" ? (
            <div className="grid gap-2">
              <Label>{t("channels")}</Label>
              <div className="grid grid-cols-2 gap-2">
                {channels.map((c) => (
                  <label key={c.id} className="flex items-center gap-2 text-sm">
                    <Checkbox
                      checked={channelIds.includes(c.id)}
                      onCheckedChange={(v) => setChannelIds((ids) => (v ? [...ids, c.id] : ids.filter((i) => i !== c.id)))}
                    />
                    {c.name}
                  </label>
                ))}
              </div>
            </div>
          ) : null}
          {error ? <p className="text-sm text-destructive" role="alert">{error}</p> : null}
        </div>
        <DialogFooter>
          <Button variant="outline" onClick={() => onOpenChange(false)}>{t("cancel")}</Button>
          <Button onClick={submit} disabled={pending} data-testid="uf-save">{pending ? t("saving") : t("save")}</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
