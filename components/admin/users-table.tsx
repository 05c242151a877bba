"use client";
import { Plus } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { setUserActiveAction } from "@/app/(console)/admin/users/actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { UserListRow } from "@/lib/users/list-users";
import { useActionErrorText } from "@/components/data/action-error";
import { ResetPasswordDialog } from "./reset-password-dialog";
import { UserFormDialog, type ChannelOption, type RoleOption } from "./user-form-dialog";

export function UsersTable({ users, roles, channels, selfId }: { users: UserListRow[]; roles: RoleOption[]; channels: ChannelOption[]; selfId: string }) {
  const t = useTranslations("access");
  const locale = useLocale();
  const errorText = useActionErrorText();
  const [pending, startTransition] = useTransition();
  const [editing, setEditing] = useState<{ user: UserListRow | null; key: number } | null>(null);
  const [resetting, setResetting] = useState<UserListRow | null>(null);
  const [error, setError] = useState<string | null>(null);
  const channelName = new Map(channels.map((c) => [c.id, c.name]));

  const scopeText = (u: UserListRow) =>
    u.rowScope === "CHANNELS"
      ? u.channelIds.map((id) => channelName.get(id) ?? id).join("、") || t("admin.noShops")
      : u.rowScope === "REGION"
        ? u.region ?? t("admin.noRegion")
        : t("admin.allOrders");

  const toggle = (u: UserListRow) => {
    if (u.active && !window.confirm(t("admin.confirmDeactivate", { name: u.displayName }))) return;
    startTransition(async () => {
      const res = await setUserActiveAction({ id: u.id, active: !u.active });
      setError(res.ok ? null : errorText(res));
    });
  };

  return (
    <div className="space-y-3">
      <div className="flex items-center justify-between">
        {error ? <p className="text-sm text-destructive" role="alert">{error}</p> : <span />}
        <Button onClick={() => setEditing({ user: null, key: Date.now() })} data-testid="create-user"><Plus className="size-4" />{t("admin.createUser")}</Button>
      </div>
      <div className="rounded-lg border bg-card">
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>{t("admin.username")}</TableHead>
              <TableHead>{t("admin.displayName")}</TableHead>
              <TableHead>{t("admin.role")}</TableHead>
              <TableHead>{t("admin.scope")}</TableHead>
              <TableHead>{t("admin.status")}</TableHead>
              <TableHead className="text-right">{t("admin.actions")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {users.map((u) => (
              <TableRow key={u.id} data-testid={`user-row-${u.username}`}>
                <TableCell className="font-mono text-sm">{u.username}</TableCell>
                <TableCell>{u.displayName}</TableCell>
                <TableCell>{locale === "en" ? u.roleName.en : u.roleName.zh}</TableCell>
                <TableCell className="text-sm">{scopeText(u)}</TableCell>
                <TableCell>{u.active ? <Badge variant="secondary">{t("admin.active")}</Badge> : <Badge variant="outline" className="text-muted-foreground">{t("admin.inactive")}</Badge>}</TableCell>
                <TableCell className="space-x-1 text-right whitespace-nowrap">
                  <Button size="sm" variant="ghost" onClick={() => setEditing({ user: u, key: Date.now() })}>{t("admin.edit")}</Button>
                  <Button size="sm" variant="ghost" onClick={() => setResetting(u)}>{t("admin.resetPassword")}</Button>
                  {u.id !== selfId ? (
                    <Button size="sm" variant={u.active ? "outline" : "secondary"} disabled={pending} onClick={() => toggle(u)} data-testid={`toggle-active-${u.username}`}>
                      {u.active ? t("admin.deactivate") : t("admin.reactivate")}
                    </Button>
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {editing ? (
        <UserFormDialog key={editing.key} open onOpenChange={(o) => !o && setEditing(null)} user={editing.user} roles={roles} channels={channels} />
      ) : null}
      <ResetPasswordDialog user={resetting} onClose={() => setResetting(null)} />
    </div>
  );
}
