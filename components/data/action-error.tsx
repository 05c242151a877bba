"use client";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/actions/run-action";

/** The user's sentence for a failed action's code (never the exception's text). */
export function useActionErrorText() {
  const t = useTranslations("errors");
  return (res: ActionResult<unknown> | { ok: false; code: string; context?: Record<string, unknown> | null }) =>
    res.ok ? null : t(res.code as "INTERNAL", (res.context ?? {}) as Record<string, string>);
}
