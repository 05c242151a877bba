import { inject } from "vitest";
import { createDb, type DbClient } from "../../lib/db/client";
import type { Actor } from "../../lib/access/actor";
import { loadActor } from "../../lib/users/load-actor";

let shared: DbClient | null = null;

export function testDb(): DbClient {
  shared ??= createDb(inject("databaseUrl"), 5);
  return shared;
}

export async function actorFor(username: string): Promise<Actor> {
  const db = testDb();
  const user = await db.user.findUniqueOrThrow({ where: { username }, select: { id: true } });
  const actor = await loadActor(db, user.id);
  if (!actor) throw new Error(`${username} is not active`);
  return actor;
}

/** Polls `fn` until `ok` holds or `ms` pass (for work done by the job queue); returns the last value. */
export async function until<T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
}
