import { getLocale, getTranslations } from "next-intl/server";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AuditRow } from "@/lib/audit/search-audit-log";
import { formatBizTime } from "@/lib/time/biz-time";

export async function AuditTable({ rows }: { rows: AuditRow[] }) {
  const t = await getTranslations("access.audit");
  const locale = await getLocale();
  if (rows.length === 0) return <p className="p-4 text-sm text-muted-foreground" data-testid="audit-empty">{t("none")}</p>;
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>#</TableHead>
          <TableHead>{t("time")}</TableHead>
          <TableHead>{t("actor")}</TableHead>
          <TableHead>{t("action")}</TableHead>
          <TableHead>{t("entityType")}</TableHead>
          <TableHead>{t("entityId")}</TableHead>
          <TableHead>{t("detail")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.id} data-testid="audit-row">
            <TableCell className="font-mono text-xs text-muted-foreground" title={r.hash}>{r.id}</TableCell>
            <TableCell className="whitespace-nowrap">{formatBizTime(new Date(r.createdAt), locale)}</TableCell>
            <TableCell>{r.actorName}</TableCell>
            <TableCell className="font-mono text-xs" data-testid="audit-action">{r.action}</TableCell>
            <TableCell className="text-xs">{r.entityType ?? "—"}</TableCell>
            <TableCell className="max-w-40 truncate font-mono text-xs" title={r.entityId ?? undefined}>{r.entityId ?? "—"}</TableCell>
            <TableCell className="max-w-md truncate font-mono text-xs" title={r.detail ?? undefined}>{r.detail ?? "—"}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
