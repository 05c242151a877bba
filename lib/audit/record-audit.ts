import { createHash } from "node:crypto";
import { Prisma } from "../db/generated/prisma/client";
import { withTx, type Db } from "../db/client";

/** Who did it: a user (id + name) or the system. */
export interface AuditActor {
  id: string | null;
  displayName: string;
}

export interface AuditEntry {
  action: string; // e.g. "auth.login", "order.view", "order.export"
  entityType?: string;
  entityId?: string;
  detail?: Record<string, unknown>;
}

// Serialises writers so each row's prev_hash is the row before it.
const AUDIT_CHAIN_LOCK = 4_242_001;

/** JSON with sorted keys, so a row hashes the same after a jsonb round trip. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
    .join(",")}}`;
}

export interface ChainedFields {
  actorId: string | null;
  actorName: string;
  action: string;
  entityType: string | null;
  entityId: string | null;
  detail: unknown;
  createdAt: Date;
  prevHash: string | null;
}

export function auditRowHash(f: ChainedFields): string {
  const body = canonicalJson({
    actorId: f.actorId,
    actorName: f.actorName,
    action: f.action,
    entityType: f.entityType,
    entityId: f.entityId,
    detail: f.detail ?? null,
    createdAt: f.createdAt.toISOString(),
    prevHash: f.prevHash,
  });
  return createHash("sha256").update(body).digest("hex");
}

/** The one audit writer: appends a hash-chained row, inside the caller's transaction when given one. */
export async function recordAudit(db: Db, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await withTx(db, async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
    const last = await tx.auditLog.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
    const fields: ChainedFields = {
      actorId: actor.id,
      actorName: actor.displayName,
      action: entry.action,
      entityType: entry.entityType ?? null,
      entityId: entry.entityId ?? null,
      detail: entry.detail ?? null,
      createdAt: new Date(),
      prevHash: last?.hash ?? null,
    };
    await tx.auditLog.create({
      data: {
        ...fields,
        detail: (fields.detail ?? Prisma.JsonNull) as Prisma.InputJsonValue,
        hash: auditRowHash(fields),
      },
    });
  });
}
