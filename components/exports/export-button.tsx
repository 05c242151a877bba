"use client";
import { Download } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";

/**
 * Exports what the page shows: the current URL's filter goes to the export route, which checks the
 * session, permission, scope and row cap again on the server.
 */
export function ExportButton({ endpoint, cap }: { endpoint: string; cap?: number }) {
  const t = useTranslations();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (format: "csv" | "xlsx") => {
    setBusy(true);
    setError(null);
    try {
      const params = new URLSearchParams(window.location.search);
      params.set("format", format);
      const res = await fetch(`${endpoint}?${params}`, { cache: "no-store" });
      if (!res.ok) {
        const body = (await res.json().catch(() => ({ code: "INTERNAL" }))) as { code: string; context?: Record<string, string> | null };
        setError(t(`errors.${body.code}` as "errors.INTERNAL", body.context ?? {}));
        return;
      }
      const name = /filename="([^"]+)"/.exec(res.headers.get("Content-Disposition") ?? "")?.[1] ?? `export.${format}`;
      const url = URL.createObjectURL(await res.blob());
      const a = Object.assign(document.createElement("a"), { href: url, download: name });
      document.body.append(a);
      a.click();
      a.remove();
      URL.revokeObjectURL(url);
    } catch {
      setError(t("errors.INTERNAL"));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="flex items-center gap-2">
      {error ? <span className="text-sm text-destructive" role="alert" data-testid="export-error">{error}</span> : null}
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="outline" disabled={busy} data-testid="export-button" title={cap ? t("access.export.capHint", { cap }) : undefined}>
            <Download className="size-4" />
            {busy ? t("access.export.exporting") : t("access.export.button")}
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          <DropdownMenuItem onSelect={() => void run("csv")} data-testid="export-csv">{t("access.export.csv")}</DropdownMenuItem>
          <DropdownMenuItem onSelect={() => void run("xlsx")} data-testid="export-xlsx">{t("access.export.xlsx")}</DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
    </div>
  );
}
