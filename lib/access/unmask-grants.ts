import type { Db } from "../db/client";
import type { Actor } from "./actor";
import { maskField } from "./mask";
import type { SensitiveField } from "./roles";

/** What temporary unmask (临时权限) can cover, and which sensitive fields each kind of record has. */
export const UNMASK_ENTITY_FIELDS = {
  order: ["phone", "addressDetail", "buyerNick"],
  // A customer's phone: its own and the receiver phones in its order list (issue 5).
  customer: ["phone"],
} as const satisfies Record<string, readonly SensitiveField[]>;
export type UnmaskEntityType = keyof typeof UNMASK_ENTITY_FIELDS;
export const UNMASK_ENTITY_TYPES = Object.keys(UNMASK_ENTITY_FIELDS) as [UnmaskEntityType, ...UnmaskEntityType[]];

/** An approver picks how long a grant lasts; 30 minutes unless they choose otherwise. */
export const UNMASK_DURATIONS_MIN = [1, 5, 15, 30, 60, 120, 240] as const;
export const UNMASK_DEFAULT_MINUTES = 30;

export interface UnmaskState {
  /** Fields granted in full right now, with the moment each grant ends. */
  granted: Map<SensitiveField, Date>;
  /** Fields with a request still waiting for an approver. */
  pending: Set<SensitiveField>;
}

/**
 * The actor's grants and pending requests on one record, read on every request: a grant that has
 * expired simply stops matching, so the next page load masks the field again.
 */
export async function loadUnmaskState(db: Db, actor: Actor, entityType: UnmaskEntityType, entityId: string, now = new Date()): Promise<UnmaskState> {
  const rows = await db.unmaskRequest.findMany({
    where: {
      requesterId: actor.id,
      entityType,
      entityId,
      OR: [{ status: "PENDING" }, { status: "APPROVED", expiresAt: { gt: now } }],
    },
    select: { field: true, status: true, expiresAt: true },
    take: 50,
  });
  const state: UnmaskState = { granted: new Map(), pending: new Set() };
  for (const r of rows) {
    const field = r.field as SensitiveField;
    if (r.status === "PENDING") state.pending.add(field);
    else if (r.expiresAt && (state.granted.get(field)?.getTime() ?? 0) < r.expiresAt.getTime()) state.granted.set(field, r.expiresAt);
  }
  return state;
}

/** maskField, except that a field under an active grant is shown in full. */
export function maskFieldWithGrants(actor: Actor, state: UnmaskState, field: SensitiveField, value: string | null | undefined): string | null {
  if (value != null && value !== "" && state.granted.has(field)) return value;
  return maskField(actor, field, value);
}

/** The fields of a record this actor sees masked right now (where "request full value" makes sense). */
export function maskedFieldsOf(actor: Actor, state: UnmaskState, values: Partial<Record<SensitiveField, string | null | undefined>>): SensitiveField[] {
  return (Object.keys(values) as SensitiveField[]).filter((f) => values[f] && !actor.unmaskedFields.has(f) && !state.granted.has(f));
}
