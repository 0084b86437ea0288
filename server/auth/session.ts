import { getServerSession } from "next-auth";
import { cache } from "react";
import { authOptions } from "@/server/auth/options";
import { sessionViewer, type Viewer } from "@/server/access/viewer";
import { startChangeFeed } from "@/server/changes/feed";
import { db } from "@/server/db";
import { env, sessionModeUrl } from "@/server/env";

/** The viewer of the current request (server components and route handlers), loaded once. */
export const currentViewer = cache(async (): Promise<Viewer | null> => {
  const session = await getServerSession(authOptions());
  startChangeFeed(sessionModeUrl(env()));
  if (!session?.user?.id) return null;
  return sessionViewer(db(), session.user.id, session.authAt);
});
