"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { loginAction } from "./actions";

export function LoginForm({ initialError }: { initialError?: string }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(loginAction, initialError ? { code: initialError as never } : {});
  return (
    <form action={action} className="space-y-4">
      {state?.code ? (
        <Alert variant="destructive" role="alert" data-testid="login-error">
          <AlertDescription>{t(`errors.${state.code}`)}</AlertDescription>
        </Alert>
      ) : null}
      <div className="space-y-2">
        <Label htmlFor="username">{t("login.username")}</Label>
        <Input id="username" name="username" autoComplete="username" required autoFocus />
      </div>
      <div className="space-y-2">
        <Label htmlFor="password">{t("login.password")}</Label>
        <Input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("login.submitting") : t("login.submit")}
      </Button>
    </form>
  );
}
