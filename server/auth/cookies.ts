import type { CookiesOptions } from "next-auth";

/**
 * The sign-in cookies (ASVS V3.4): HttpOnly, SameSite=Lax, path /, and — whenever the public URL
 * (NEXTAUTH_URL) is https — Secure with the `__Host-` prefix (the session and CSRF cookies: this
 * host only, no Domain, path /) or `__Secure-` (the callback URL). Over plain http (`npm run dev`
 * on http://localhost, the e2e servers on 127.0.0.1) a browser would drop a Secure cookie, so the
 * names are unprefixed there; production refuses a plain-http NEXTAUTH_URL other than loopback
 * (server/env.ts). Read without server/env.ts: proxy.ts uses it too.
 */
export function secureCookies(publicUrl: string | undefined = process.env.NEXTAUTH_URL): boolean {
  return publicUrl?.startsWith("https://") ?? false;
}

export function sessionCookieName(secure: boolean = secureCookies()): string {
  return `${secure ? "__Host-" : ""}trilogue.session-token`;
}

export function authCookies(secure: boolean = secureCookies()): Partial<CookiesOptions> {
  const options = { httpOnly: true, sameSite: "lax" as const, path: "/", secure };
  return {
    sessionToken: { name: sessionCookieName(secure), options },
    csrfToken: { name: `${secure ? "__Host-" : ""}trilogue.csrf-token`, options },
    callbackUrl: { name: `${secure ? "__Secure-" : ""}trilogue.callback-url`, options },
  };
}

/** What getToken needs to find the session cookie (proxy.ts, tRPC's context, server components). */
export function tokenCookie(): { cookieName: string; secureCookie: boolean } {
  const secure = secureCookies();
  return { cookieName: sessionCookieName(secure), secureCookie: secure };
}
