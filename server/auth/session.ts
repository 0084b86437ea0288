import { getServerSession } from "next-auth";
import { cache } from "react";
import { authOptions } from "@/server/auth/options";
import { loadViewer, type Viewer } from "@/server/access/viewer";
import { db } from "@/server/db";

/** The viewer of the current request (server components and route handlers), loaded once. */
export const currentViewer = cache(async (): Promise<Viewer | null> => {
  const session = await getServerSession(authOptions());
  if (!session?.user?.id) return null;
  return loadViewer(db(), session.user.id, session.authAt);
});
