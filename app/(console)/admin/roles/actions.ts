"use server";
import { revalidatePath } from "next/cache";
import { updateRole, UpdateRoleInput } from "@/lib/access/update-role";
import { runAction } from "@/lib/actions/run-action";
import { getDb } from "@/lib/db/client";
import { requireActorOrThrow } from "@/lib/session";

export async function updateRoleAction(raw: unknown) {
  return runAction(async () => {
    const input = UpdateRoleInput.parse(raw);
    const out = await updateRole(getDb(), await requireActorOrThrow(), input);
    revalidatePath("/admin/roles");
    return out;
  });
}
