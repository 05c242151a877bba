"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useActionErrorText } from "./action-error";
import type { ActionResult } from "@/lib/actions/run-action";

/**
 * Runs a server action, refreshes the page on success and keeps the user's sentence for a failure;
 * `setError` lets a form show its own check (or clear the message when it closes).
 */
export function useAction() {
  const router = useRouter();
  const errorText = useActionErrorText();
  const [busy, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const run = <T,>(p: () => Promise<ActionResult<T>>, onOk?: (data: T) => void) =>
    startTransition(async () => {
      const res = await p();
      setError(res.ok ? null : errorText(res));
      if (res.ok) {
        onOk?.(res.data);
        router.refresh();
      }
    });
  return { busy, error, setError, run };
}
