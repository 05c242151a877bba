"use server";
import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import { signIn } from "@/lib/auth";
import { ERROR_CODES, type ErrorCode } from "@/lib/errors/app-error";

const LoginInput = z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) });

export async function loginAction(_prev: { code?: ErrorCode } | undefined, form: FormData): Promise<{ code?: ErrorCode }> {
  const parsed = LoginInput.safeParse({ username: form.get("username"), password: form.get("password") });
  if (!parsed.success) return { code: "LOGIN_FAILED" };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: "/orders" });
    return {};
  } catch (err) {
    if (err instanceof CredentialsSignin) {
      const code = (ERROR_CODES as readonly string[]).includes(err.code) ? (err.code as ErrorCode) : "LOGIN_FAILED";
      return { code };
    }
    if (err instanceof AuthError) return { code: "INTERNAL" };
    throw err; // the redirect after a successful sign-in
  }
}
