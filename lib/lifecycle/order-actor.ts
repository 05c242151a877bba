import type { Actor } from "../access/actor";
import { SYSTEM_ACTOR_NAME } from "../access/actor";
import type { StatusSource } from "../db/generated/prisma/enums";

/**
 * Who takes a lifecycle action: a signed-in user from the console (permission and row scope
 * checked, audited) or the system (jobs, verified callbacks), named for the timeline.
 */
export type OrderActor = { kind: "user"; actor: Actor } | { kind: "system"; name?: string };

export const systemActor = (name = SYSTEM_ACTOR_NAME): OrderActor => ({ kind: "system", name });
export const userActor = (actor: Actor): OrderActor => ({ kind: "user", actor });

export function actorIdentity(a: OrderActor): { id: string | null; displayName: string } {
  return a.kind === "user" ? { id: a.actor.id, displayName: a.actor.displayName } : { id: null, displayName: a.name ?? SYSTEM_ACTOR_NAME };
}

export interface ActionContext {
  by: OrderActor;
  source: StatusSource;
  /** Same key, same answer: a double click or a peer's retry never acts twice. */
  idempotencyKey: string;
  reason?: string | null;
}
