import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { loadViewer } from "@/server/access";
import { db } from "@/server/db";
import { env } from "@/server/env";
import type { Context } from "@/server/trpc/init";

/** Builds the request context: the viewer comes from the JWT, then from the database (deactivation bites here). */
export async function createRequestContext(req: NextRequest): Promise<Context> {
  const token = await getToken({ req, secret: env().NEXTAUTH_SECRET });
  const viewer = token?.sub ? await loadViewer(db(), token.sub, token.authAt ?? 0) : null;
  return { db: db(), viewer, headers: req.headers };
}
