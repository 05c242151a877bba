"use client";
import { Search, X } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";

/** The frame of a URL filter form (useFilterDraft): its fields, then search and reset. */
export function FilterForm({ pending, onSubmit, onReset, searchLabel, resetLabel, searchTestId, children }: {
  pending: boolean;
  onSubmit: () => void;
  onReset: () => void;
  searchLabel: string;
  resetLabel: string;
  searchTestId: string;
  children: ReactNode;
}) {
  return (
    <form
      className="flex flex-wrap items-end gap-3 rounded-lg border bg-card p-4"
      data-pending={pending || undefined}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
      <Button type="submit" data-testid={searchTestId}><Search className="size-4" />{searchLabel}</Button>
      <Button type="button" variant="ghost" onClick={onReset}>
        <X className="size-4" />{resetLabel}
      </Button>
    </form>
  );
}
