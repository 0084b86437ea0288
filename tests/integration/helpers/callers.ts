import { loadViewer, type Viewer } from "@/server/access";
import type { Db } from "@/server/db";
import { createCaller } from "@/server/trpc/root";

/** The sign-in instant of a session opened just now, after the fixtures were written. */
export function signedInNow(): number {
  return Date.now() + 1000;
}

/**
 * A tRPC caller acting as a user (or signed out with null), through the same checks as HTTP. Like a
 * person who just signed in, it may take step-up actions (authenticatedAt now); pass
 * `authenticatedAt` (ms, or null for none) and `sessionId` to test step-up itself.
 */
export async function callerFor(db: Db, userId: string | null, session: { sessionId?: string; authenticatedAt?: number | null } = {}) {
  const loaded: Viewer | null = userId ? await loadViewer(db, userId, signedInNow()) : null;
  const viewer: Viewer | null = loaded && {
    ...loaded,
    sessionId: session.sessionId,
    authenticatedAt: session.authenticatedAt === undefined ? Date.now() : (session.authenticatedAt ?? undefined),
  };
  return createCaller({ db, viewer, headers: new Headers() });
}

/** The tRPC error code a call ends with, or "OK". */
export async function outcomeOf(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
    return "OK";
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === "string") return code;
    throw error;
  }
}
