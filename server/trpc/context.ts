import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { sessionViewer } from "@/server/access";
import { startChangeFeed } from "@/server/changes/feed";
import { db } from "@/server/db";
import { env, sessionModeUrl } from "@/server/env";
import { tokenCookie } from "@/server/auth/cookies";
import type { Context } from "@/server/trpc/init";

/**
 * Builds the request context: the viewer comes from the JWT, then from the database (deactivation,
 * a revoked, idle or expired sign-in session bite here), held between requests only while the change feed listens (server/changes/).
 */
export async function createRequestContext(req: NextRequest): Promise<Context> {
  startChangeFeed(sessionModeUrl(env()));
  const token = await getToken({ req, secret: env().NEXTAUTH_SECRET, ...tokenCookie() });
  const userId = token?.sub;
  const authAt = token?.authAt ?? 0;
  const sessionId = token?.sid;
  const viewer = userId ? await sessionViewer(db(), userId, authAt, sessionId) : null;
  // A live stream's re-checks see a revocation or the idle timeout, and are not activity themselves.
  const reloadViewer = userId ? () => sessionViewer(db(), userId, authAt, sessionId, { touch: false }) : undefined;
  return { db: db(), viewer, headers: req.headers, reloadViewer };
}
