import { z } from "zod";
import { assertCan, type Actor } from "../access/actor";
import type { Prisma } from "../db/generated/prisma/client";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { bizDayRange } from "../time/biz-time";

/** Counting stops here, as on the orders page. */
export const AUDIT_COUNT_CAP = 10_000;
export const AUDIT_PAGE_SIZES = [20, 50, 100] as const;
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** What the 审计 page asks for (every field comes from the URL). */
export const AuditQuery = z
  .object({
    page: z.number().int().min(1).max(100_000).default(1),
    size: z.number().int().refine((n) => (AUDIT_PAGE_SIZES as readonly number[]).includes(n)).default(50),
    actor: z.string().trim().max(64).optional(), // username or display name
    action: z.string().trim().max(64).optional(), // "order." finds order.view, order.export, …
    entityType: z.string().trim().max(64).optional(),
    entityId: z.string().trim().max(128).optional(),
    from: day.optional(),
    to: day.optional(),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ["to"] });
export type AuditQuery = z.infer<typeof AuditQuery>;
export type AuditQueryInput = z.input<typeof AuditQuery>;

export async function auditWhere(db: Db, q: AuditQuery): Promise<Prisma.AuditLogWhereInput> {
  const and: Prisma.AuditLogWhereInput[] = [];
  if (q.actor) {
    // A username finds the account even after its display name changed; a name finds what was written.
    const user = await db.user.findUnique({ where: { username: q.actor.toLowerCase() }, select: { id: true } });
    and.push({ OR: [{ actorName: { contains: q.actor } }, ...(user ? [{ actorId: user.id }] : [])] });
  }
  if (q.action) and.push({ action: { startsWith: q.action } });
  if (q.entityType) and.push({ entityType: q.entityType });
  if (q.entityId) and.push({ entityId: q.entityId });
  if (q.from) and.push({ createdAt: { gte: bizDayRange(q.from).gte } });
  if (q.to) and.push({ createdAt: { lt: bizDayRange(q.to).lt } });
  return { AND: and };
}

export interface AuditRow {
  id: string;
  createdAt: string;
  actorName: string;
  action: string;
  entityType: string | null;
  entityId: string | null;
  detail: string | null;
  hash: string;
}

/** One page of the audit log, newest first. */
export async function searchAuditLog(db: Db, actor: Actor, input: AuditQueryInput) {
  assertCan(actor, "audit.view");
  const parsed = AuditQuery.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT");
  const q = parsed.data;
  const where = await auditWhere(db, q);
  const [total, rows] = await Promise.all([
    db.auditLog.count({ where, take: AUDIT_COUNT_CAP + 1 }),
    db.auditLog.findMany({ where, orderBy: { id: "desc" }, skip: (q.page - 1) * q.size, take: q.size }),
  ]);
  const pageCount = Math.max(1, Math.ceil(Math.min(total, AUDIT_COUNT_CAP) / q.size));
  return {
    rows: rows.map((r): AuditRow => ({
      id: String(r.id),
      createdAt: r.createdAt.toISOString(),
      actorName: r.actorName,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      detail: r.detail == null ? null : JSON.stringify(r.detail),
      hash: r.hash,
    })),
    total: Math.min(total, AUDIT_COUNT_CAP),
    totalCapped: total > AUDIT_COUNT_CAP,
    page: q.page,
    size: q.size,
    pageCount,
  };
}
export type AuditSearchResult = Awaited<ReturnType<typeof searchAuditLog>>;
