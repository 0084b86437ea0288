import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/csp";
import { tokenCookie } from "@/server/auth/cookies";

/** Pages a signed-out visitor may open (/unsubscribe: an email's one-click link, its token the credential). */
const PUBLIC_PAGES = /^\/(sign-in(\/|$)|invite\/|unsubscribe$)/;

// Every page: a fresh CSP nonce (lib/csp.ts) on the request, where Next reads it for its own
// scripts, and on the response. Then a cheap first gate: signed-out visitors of any other page go to
// sign-in and come back after it. The real check (account active, session not revoked) happens on
// the server for every request.
export async function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  const nonce = newNonce();
  const csp = contentSecurityPolicy({ nonce, dev: process.env.NODE_ENV !== "production" });
  const headers = new Headers(req.headers);
  headers.set("x-trilogue-path", pathname + search);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  if (!PUBLIC_PAGES.test(pathname)) {
    const token = await getToken({ req, secret: process.env.NEXTAUTH_SECRET, ...tokenCookie() });
    if (!token) {
      const url = req.nextUrl.clone();
      url.pathname = "/sign-in";
      url.search = "";
      if (pathname !== "/") url.searchParams.set("callbackUrl", pathname + search);
      return NextResponse.redirect(url);
    }
  }
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: ["/((?!api/|_next/|favicon\\.ico|icon\\.svg|robots\\.txt).*)"],
};
