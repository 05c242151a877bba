"use client";
import { parseAsInteger, useQueryState } from "nuqs";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";

/** Previous / next over the URL's `page` parameter; the server renders the page asked for. */
export function UrlPager({ page, pageCount, totalText, labels }: { page: number; pageCount: number; totalText: string; labels: { page: string; prev: string; next: string } }) {
  const [pending, startTransition] = useTransition();
  const [, setPage] = useQueryState("page", parseAsInteger.withDefault(1).withOptions({ shallow: false, startTransition }));
  return (
    <div className="flex items-center justify-between text-sm text-muted-foreground" data-pending={pending || undefined}>
      <span data-testid="pager-total">{totalText}</span>
      <div className="flex items-center gap-2">
        <span>{labels.page}</span>
        <Button size="sm" variant="outline" disabled={page <= 1 || pending} onClick={() => void setPage(page - 1)}>{labels.prev}</Button>
        <Button size="sm" variant="outline" disabled={page >= pageCount || pending} onClick={() => void setPage(page + 1)}>{labels.next}</Button>
      </div>
    </div>
  );
}
