"use server";
import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { runAction } from "@/lib/actions/run-action";
import { signOut } from "@/lib/auth";
import { getDb } from "@/lib/db/client";
import { LOCALE_COOKIE } from "@/lib/i18n/locale";
import { requireActorOrThrow } from "@/lib/session";
import { LocaleSchema, setUserLocale } from "@/lib/users/set-locale";

export async function setLocaleAction(raw: unknown) {
  return runAction(async () => {
    const locale = LocaleSchema.parse(raw);
    const actor = await requireActorOrThrow();
    await setUserLocale(getDb(), actor.id, locale);
    (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 365 * 86400 });
    revalidatePath("/", "layout");
    return { locale };
  });
}

export async function signOutAction() {
  await signOut({ redirectTo: "/login" });
}
