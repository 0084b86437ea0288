import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { sessionViewer } from "@/server/access";
import { startChangeFeed } from "@/server/changes/feed";
import { db } from "@/server/db";
import { env, sessionModeUrl } from "@/server/env";
import type { Context } from "@/server/trpc/init";

/**
 * Builds the request context: the viewer comes from the JWT, then from the database (deactivation
 * bites here), held between requests only while the change feed listens (server/changes/).
 */
export async function createRequestContext(req: NextRequest): Promise<Context> {
  startChangeFeed(sessionModeUrl(env()));
  const token = await getToken({ req, secret: env().NEXTAUTH_SECRET });
  const userId = token?.sub;
  const authAt = token?.authAt ?? 0;
  const viewer = userId ? await sessionViewer(db(), userId, authAt) : null;
  const reloadViewer = userId ? () => sessionViewer(db(), userId, authAt) : undefined;
  return { db: db(), viewer, headers: req.headers, reloadViewer };
}
