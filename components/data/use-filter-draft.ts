"use client";
import { useQueryStates, type UseQueryStatesKeysMap } from "nuqs";
import { useState, useTransition } from "react";

/**
 * A filter form's draft over URL state: fields are edited locally and written to the URL on submit (back
 * to page 1), so the server renders the matching page; reset clears them all.
 */
export function useFilterDraft<F extends string>(parsers: UseQueryStatesKeysMap, fields: readonly F[]) {
  const [pending, startTransition] = useTransition();
  const [params, setParams] = useQueryStates(parsers, { shallow: false, startTransition });
  const from = (value: (f: F) => string) => Object.fromEntries(fields.map((f) => [f, value(f)])) as Record<F, string>;
  const [draft, setDraft] = useState(() => from((f) => String(params[f] ?? "")));
  return {
    pending,
    draft,
    set: (f: F, v: string) => setDraft((d) => ({ ...d, [f]: v })),
    submit: () => void setParams({ ...Object.fromEntries(fields.map((f) => [f, draft[f].trim() || null])), page: 1 }),
    reset: () => {
      setDraft(from(() => ""));
      void setParams(null);
    },
  };
}
