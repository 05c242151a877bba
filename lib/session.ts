import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { Actor } from "./access/actor";
import { auth } from "./auth";
import { getDb } from "./db/client";
import { AppError } from "./errors/app-error";
import { loadActor } from "./users/load-actor";

/** The signed-in actor for this request, from the database (null: no session or deactivated). */
export const getActor = cache(async (): Promise<{ actor: Actor | null; hasSession: boolean }> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return { actor: null, hasSession: false };
  return { actor: await loadActor(getDb(), userId), hasSession: true };
});

/** For pages: sends anyone without a live, active account to the login page. */
export async function requireActor(): Promise<Actor> {
  const { actor, hasSession } = await getActor();
  if (!actor) redirect(hasSession ? "/login?error=USER_DEACTIVATED" : "/login");
  return actor;
}

/** For server actions and routes: refuses instead of redirecting. */
export async function requireActorOrThrow(): Promise<Actor> {
  const { actor, hasSession } = await getActor();
  if (!actor) throw new AppError(hasSession ? "USER_DEACTIVATED" : "UNAUTHENTICATED");
  return actor;
}
