"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/run-action";
import { saveRule, SaveRuleInput } from "@/lib/anomalies/rule-settings";
import { saveWebhook, SaveWebhookInput } from "@/lib/anomalies/webhooks";
import { getDb } from "@/lib/db/client";
import { requireActorOrThrow } from "@/lib/session";

export async function saveRuleAction(raw: unknown) {
  return runAction(async () => {
    const out = await saveRule(getDb(), await requireActorOrThrow(), SaveRuleInput.parse(raw));
    revalidatePath("/rules");
    return out;
  });
}

export async function saveWebhookAction(raw: unknown) {
  return runAction(async () => {
    const out = await saveWebhook(getDb(), await requireActorOrThrow(), SaveWebhookInput.parse(raw));
    revalidatePath("/rules");
    return out;
  });
}
