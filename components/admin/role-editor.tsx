"use client";
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { updateRoleAction } from "@/app/(console)/admin/roles/actions";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import type { RoleRow } from "@/lib/access/list-roles";
import { PERMISSIONS, ROW_SCOPES, SENSITIVE_FIELDS, type Permission, type RowScope, type SensitiveField } from "@/lib/access/roles";
import { useActionErrorText } from "@/components/data/action-error";

const toggle = <T,>(xs: T[], x: T, on: boolean) => (on ? [...new Set([...xs, x])] : xs.filter((v) => v !== x));

/** One role's rules: permissions, row scope, fields shown in full, export cap. */
export function RoleEditor({ role }: { role: RoleRow }) {
  const t = useTranslations("access");
  const locale = useLocale();
  const errorText = useActionErrorText();
  const [pending, startTransition] = useTransition();
  const [permissions, setPermissions] = useState<Permission[]>(role.permissions);
  const [rowScope, setRowScope] = useState<RowScope>(role.rowScope);
  const [unmasked, setUnmasked] = useState<SensitiveField[]>(role.unmaskedFields);
  const [cap, setCap] = useState(String(role.exportRowCap));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const save = () =>
    startTransition(async () => {
      const res = await updateRoleAction({ key: role.key, permissions, rowScope, unmaskedFields: unmasked, exportRowCap: Number(cap) || 0 });
      setMessage(res.ok ? { ok: true, text: t("admin.saved") } : { ok: false, text: errorText(res) ?? "" });
    });

  return (
    <Card data-testid={`role-${role.key}`}>
      <CardHeader className="flex flex-row items-center justify-between">
        <CardTitle>
          {locale === "en" ? role.nameEn : role.nameZh} <span className="ml-2 font-mono text-xs text-muted-foreground">{role.key}</span>
        </CardTitle>
        <span className="text-xs text-muted-foreground">{t("admin.userCount", { count: role.userCount })}</span>
      </CardHeader>
      <CardContent className="grid gap-4 md:grid-cols-3">
        <div className="space-y-1.5">
          <Label className="text-xs text-muted-foreground">{t("admin.permissions")}</Label>
          {PERMISSIONS.map((p) => (
            <label key={p} className="flex items-center gap-2 text-sm">
              <Checkbox checked={permissions.includes(p)} onCheckedChange={(v) => setPermissions((xs) => toggle(xs, p, !!v))} data-testid={`perm-${role.key}-${p}`} />
              {t.has(`permission.${p}` as "permission.order.view") ? t(`permission.${p}` as "permission.order.view") : p}
              <span className="font-mono text-[10px] text-muted-foreground">{p}</span>
            </label>
          ))}
        </div>
        <div className="space-y-2">
          <Label className="text-xs text-muted-foreground">{t("admin.unmaskedFields")}</Label>
          {SENSITIVE_FIELDS.map((f) => (
            <label key={f} className="flex items-center gap-2 text-sm">
              <Checkbox checked={unmasked.includes(f)} onCheckedChange={(v) => setUnmasked((xs) => toggle(xs, f, !!v))} data-testid={`unmask-${role.key}-${f}`} />
              {t(`field.${f}`)}
            </label>
          ))}
        </div>
        <div className="space-y-3">
          <div className="space-y-1">
            <Label className="text-xs text-muted-foreground">{t("admin.rowScopeLabel")}</Label>
            <Select value={rowScope} onValueChange={(v) => setRowScope(v as RowScope)}>
              <SelectTrigger><SelectValue /></SelectTrigger>
              <SelectContent>{ROW_SCOPES.map((s) => <SelectItem key={s} value={s}>{t(`rowScope.${s}`)}</SelectItem>)}</SelectContent>
            </Select>
          </div>
          <div className="space-y-1">
            <Label className="text-xs text-muted-foreground" htmlFor={`cap-${role.key}`}>{t("admin.exportRowCap")}</Label>
            <Input id={`cap-${role.key}`} inputMode="numeric" value={cap} onChange={(e) => setCap(e.target.value.replace(/\D/g, ""))} data-testid={`cap-${role.key}`} />
          </div>
          <div className="flex items-center gap-3">
            <Button onClick={save} disabled={pending} data-testid={`save-role-${role.key}`}>{pending ? t("admin.saving") : t("admin.saveRole")}</Button>
            {message ? <span className={message.ok ? "text-sm text-emerald-700" : "text-sm text-destructive"} role="alert">{message.text}</span> : null}
          </div>
        </div>
      </CardContent>
    </Card>
  );
}
