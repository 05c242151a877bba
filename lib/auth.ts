import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { getDb } from "./db/client";
import { isAppError } from "./errors/app-error";
import { LOCALE_COOKIE } from "./i18n/locale";
import { authenticate } from "./users/authenticate";

/** Carries our error code (LOGIN_RATE_LIMITED, USER_DEACTIVATED, …) out of authorize(). */
class LoginRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  // A JWT only carries the user id; who they are and what they may do is read from the database on
  // every request (lib/session.ts), so deactivation and role changes apply at once.
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { username: {}, password: {} },
      authorize: async (credentials) => {
        try {
          const user = await authenticate(getDb(), String(credentials?.username ?? ""), String(credentials?.password ?? ""));
          (await cookies()).set(LOCALE_COOKIE, user.locale, { path: "/", sameSite: "lax", maxAge: 365 * 86400 });
          return { id: user.id, name: user.displayName };
        } catch (e) {
          if (isAppError(e)) throw new LoginRefused(e.code);
          throw e;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.uid = user.id;
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === "string") session.user.id = token.uid;
      return session;
    },
  },
});
