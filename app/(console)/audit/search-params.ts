import { createLoader, parseAsInteger, parseAsString } from "nuqs/server";
import type { AuditQueryInput } from "@/lib/audit/search-audit-log";

/** The 审计 page's search lives in the URL (shareable, back button works); the export reads the same. */
export const auditSearchParams = {
  page: parseAsInteger.withDefault(1),
  size: parseAsInteger.withDefault(50),
  actor: parseAsString.withDefault(""),
  action: parseAsString.withDefault(""),
  entityType: parseAsString.withDefault(""),
  entityId: parseAsString.withDefault(""),
  from: parseAsString.withDefault(""),
  to: parseAsString.withDefault(""),
};
export const loadAuditSearchParams = createLoader(auditSearchParams);
export type AuditSearchParams = Awaited<ReturnType<typeof loadAuditSearchParams>>;

export function toAuditQuery(sp: AuditSearchParams): AuditQueryInput {
  return {
    page: sp.page, size: sp.size, actor: sp.actor || undefined, action: sp.action || undefined,
    entityType: sp.entityType || undefined, entityId: sp.entityId || undefined, from: sp.from || undefined, to: sp.to || undefined,
  };
}
