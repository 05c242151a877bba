import type { Db } from "../db/client";
import { assertCan, type Actor } from "./actor";

/** How a request stands for the people looking at it: an approved grant past its end is EXPIRED. */
export type UnmaskDisplayStatus = "PENDING" | "APPROVED" | "EXPIRED" | "REFUSED" | "CANCELLED";

export interface UnmaskRequestRow {
  id: string;
  entityType: string;
  entityId: string;
  entityLabel: string;
  field: string;
  reason: string;
  status: UnmaskDisplayStatus;
  requesterName: string;
  deciderName: string | null;
  decisionNote: string | null;
  createdAt: string;
  decidedAt: string | null;
  expiresAt: string | null;
}

const select = {
  id: true, entityType: true, entityId: true, entityLabel: true, field: true, reason: true, status: true,
  decisionNote: true, createdAt: true, decidedAt: true, expiresAt: true,
  requester: { select: { displayName: true } },
  decidedBy: { select: { displayName: true } },
} as const;

type Row = { status: string; expiresAt: Date | null; createdAt: Date; decidedAt: Date | null; requester: { displayName: string }; decidedBy: { displayName: string } | null } & Omit<UnmaskRequestRow, "status" | "requesterName" | "deciderName" | "createdAt" | "decidedAt" | "expiresAt">;

function toRow(r: Row, now: Date): UnmaskRequestRow {
  const status = (r.status === "APPROVED" && r.expiresAt && r.expiresAt <= now ? "EXPIRED" : r.status) as UnmaskDisplayStatus;
  return {
    id: r.id, entityType: r.entityType, entityId: r.entityId, entityLabel: r.entityLabel, field: r.field, reason: r.reason, status,
    requesterName: r.requester.displayName, deciderName: r.decidedBy?.displayName ?? null, decisionNote: r.decisionNote,
    createdAt: r.createdAt.toISOString(), decidedAt: r.decidedAt?.toISOString() ?? null, expiresAt: r.expiresAt?.toISOString() ?? null,
  };
}

/** The requester's own requests, newest first. */
export async function listMyUnmaskRequests(db: Db, actor: Actor, now = new Date()): Promise<UnmaskRequestRow[]> {
  const rows = await db.unmaskRequest.findMany({ where: { requesterId: actor.id }, orderBy: { createdAt: "desc" }, take: 100, select });
  return rows.map((r) => toRow(r, now));
}

/** What approvers work through: pending requests first (oldest first), then the latest decisions. */
export async function listUnmaskQueue(db: Db, actor: Actor, now = new Date()) {
  assertCan(actor, "unmask.approve");
  const [pending, decided] = await Promise.all([
    db.unmaskRequest.findMany({ where: { status: "PENDING" }, orderBy: { createdAt: "asc" }, take: 200, select }),
    db.unmaskRequest.findMany({ where: { status: { in: ["APPROVED", "REFUSED"] } }, orderBy: { decidedAt: "desc" }, take: 50, select }),
  ]);
  return { pending: pending.map((r) => toRow(r, now)), decided: decided.map((r) => toRow(r, now)) };
}
