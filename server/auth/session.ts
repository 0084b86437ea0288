import { getToken } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { tokenCookie } from "@/server/auth/cookies";
import { sessionViewer, type Viewer } from "@/server/access/viewer";
import { startChangeFeed } from "@/server/changes/feed";
import { db } from "@/server/db";
import { env, sessionModeUrl } from "@/server/env";

/**
 * The viewer of the current request (server components and route handlers), loaded once: the JWT
 * from the session cookie, then its account and live sign-in session (server/access/viewer.ts).
 */
export const currentViewer = cache(async (): Promise<Viewer | null> => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const token = await getToken({ req: { cookies: cookieStore, headers: headerList } as never, secret: env().NEXTAUTH_SECRET, ...tokenCookie() });
  startChangeFeed(sessionModeUrl(env()));
  if (!token?.sub) return null;
  return sessionViewer(db(), token.sub, token.authAt ?? 0, token.sid);
});
