"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { getDb } from "@/lib/db/client";
import { rerunDeadLetter } from "@/lib/integrations/dead-letters";
import { requireActorOrThrow } from "@/lib/session";

/** One-click re-run of a dead letter (permission checked and audited in the domain). */
export async function rerunDeadLetterAction(raw: unknown) {
  return runAction(async () => {
    const id = z.string().uuid().parse(raw);
    const actor = await requireActorOrThrow();
    const out = await rerunDeadLetter(getDb(), actor, id);
    revalidatePath("/integrations");
    return out;
  });
}
