import { NextResponse, type NextRequest } from "next/server";

// A cheap gate only: no session cookie → the login page. The real checks (session, active user,
// permission, row scope) run in every page, action and route on the server.
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(req: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => req.cookies.has(name));
  if (!hasSession) {
    const url = req.nextUrl.clone();
    url.pathname = "/login";
    url.search = "";
    return NextResponse.redirect(url);
  }
  return NextResponse.next();
}

export const config = { matcher: ["/((?!login|api|_next|favicon.ico|.*\\..*).*)"] };
