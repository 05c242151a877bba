"use server";
import { revalidatePath } from "next/cache";
import { decideUnmask, DecideUnmaskInput } from "@/lib/access/decide-unmask";
import { cancelUnmask, requestUnmask, RequestUnmaskInput } from "@/lib/access/request-unmask";
import { runAction } from "@/lib/actions/run-action";
import { getDb } from "@/lib/db/client";
import { requireActorOrThrow } from "@/lib/session";
import { z } from "zod";

export async function requestUnmaskAction(raw: unknown) {
  return runAction(async () => {
    const input = RequestUnmaskInput.parse(raw);
    const out = await requestUnmask(getDb(), await requireActorOrThrow(), input);
    revalidatePath(input.entityType === "customer" ? `/customers/${input.entityId}` : `/orders/${input.entityId}`);
    revalidatePath("/unmask");
    return out;
  });
}

export async function decideUnmaskAction(raw: unknown) {
  return runAction(async () => {
    const input = DecideUnmaskInput.parse(raw);
    const out = await decideUnmask(getDb(), await requireActorOrThrow(), input);
    revalidatePath("/unmask");
    return { id: out.id, status: out.status };
  });
}

export async function cancelUnmaskAction(raw: unknown) {
  return runAction(async () => {
    const id = z.string().min(1).max(64).parse(raw);
    const out = await cancelUnmask(getDb(), await requireActorOrThrow(), id);
    revalidatePath("/unmask");
    return out;
  });
}
