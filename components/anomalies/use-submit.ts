"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/run-action";

/** Runs a server action, shows its error code in the user's language, refreshes the page on success. */
export function useSubmit() {
  const t = useTranslations();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const submit = <T,>(call: () => Promise<ActionResult<T>>, after?: (data: T) => void) =>
    start(async () => {
      const res = await call();
      if (!res.ok) return setError(t(`errors.${res.code}`));
      setError(null);
      after?.(res.data);
      router.refresh();
    });
  return { submit, error, setError, pending };
}
