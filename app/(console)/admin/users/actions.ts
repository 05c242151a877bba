"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/actions/run-action";
import { getDb } from "@/lib/db/client";
import { requireActorOrThrow } from "@/lib/session";
import { createUser, CreateUserInput } from "@/lib/users/create-user";
import { resetUserPassword, ResetPasswordInput } from "@/lib/users/reset-user-password";
import { setUserActive, SetUserActiveInput } from "@/lib/users/set-user-active";
import { updateUser, UpdateUserInput } from "@/lib/users/update-user";

// Thin: zod → session → domain (which checks admin.users and audits before/after).
export async function createUserAction(raw: unknown) {
  return runAction(async () => {
    const input = CreateUserInput.parse(raw);
    const out = await createUser(getDb(), await requireActorOrThrow(), input);
    revalidatePath("/admin/users");
    return out;
  });
}

export async function updateUserAction(raw: unknown) {
  return runAction(async () => {
    const input = UpdateUserInput.parse(raw);
    const out = await updateUser(getDb(), await requireActorOrThrow(), input);
    revalidatePath("/admin/users");
    return out;
  });
}

export async function setUserActiveAction(raw: unknown) {
  return runAction(async () => {
    const input = SetUserActiveInput.parse(raw);
    const out = await setUserActive(getDb(), await requireActorOrThrow(), input);
    revalidatePath("/admin/users");
    return out;
  });
}

export async function resetUserPasswordAction(raw: unknown) {
  return runAction(async () => {
    const input = ResetPasswordInput.parse(raw);
    return resetUserPassword(getDb(), await requireActorOrThrow(), input);
  });
}
