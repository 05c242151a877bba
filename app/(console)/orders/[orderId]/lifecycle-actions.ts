"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/run-action";
import { getDb } from "@/lib/db/client";
import { OrderActionInput, performOrderAction } from "@/lib/lifecycle/perform-order-action";
import { requireActorOrThrow } from "@/lib/session";

/** One order action from the detail page: zod → session → (permission, row scope, table, audit in the domain). */
export async function orderAction(raw: unknown) {
  return runAction(async () => {
    const input = OrderActionInput.parse(raw);
    const actor = await requireActorOrThrow();
    const r = await performOrderAction(getDb(), actor, input);
    revalidatePath(`/orders/${input.orderId}`);
    return { action: r.action, to: r.to, replayed: r.replayed };
  });
}
