"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { getDb } from "@/lib/db/client";
import { discardQuarantined, replayQuarantined } from "@/lib/ingestion/console/replay-quarantined";
import { requireActorOrThrow } from "@/lib/session";

const ReplayInput = z.object({ id: z.string().min(1).max(64), body: z.string().min(1).max(10 * 1024 * 1024) });
const DiscardInput = z.object({ id: z.string().min(1).max(64), reason: z.string().trim().min(2).max(500) });

export async function replayQuarantinedAction(raw: unknown) {
  return runAction(async () => {
    const input = ReplayInput.parse(raw);
    const out = await replayQuarantined(getDb(), await requireActorOrThrow(), input);
    revalidatePath("/ingestion/quarantine");
    return out;
  });
}

export async function discardQuarantinedAction(raw: unknown) {
  return runAction(async () => {
    const input = DiscardInput.parse(raw);
    const out = await discardQuarantined(getDb(), await requireActorOrThrow(), input);
    revalidatePath("/ingestion/quarantine");
    return out;
  });
}
