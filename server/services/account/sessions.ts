import type { Viewer } from "@/server/access";
import { activeSessions, revokeSession, revokeSessions, type ActiveSession } from "@/server/auth/sessions";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import { securityEvent } from "@/server/security-log";
import { auditSessionsEnded } from "@/server/auth/session-audit";

/** The viewer's live sign-in sessions, this one marked current (account page). */
export function listMySessions(db: Db, viewer: Viewer): Promise<ActiveSession[]> {
  return activeSessions(db, viewer.userId, viewer.sessionId ?? null);
}

/** Ends one of the viewer's sessions; another person's id, or an ended one, looks missing. */
export async function signOutSession(db: Db, viewer: Viewer, sessionId: string): Promise<{ ok: true }> {
  if (!(await revokeSession(db, viewer.userId, sessionId))) throw notFound("That session has already ended");
  securityEvent("session.ended", { actorId: viewer.userId, userId: viewer.userId, objectType: "session", objectId: sessionId, reason: "revoked" });
  await auditSessionsEnded(db, { actorId: viewer.userId, userId: viewer.userId, reason: "revoked", sessionId });
  return { ok: true };
}

/** "Sign out everywhere else": every session of the viewer but the one this request came with. */
export async function signOutOtherSessions(db: Db, viewer: Viewer): Promise<{ ended: number }> {
  const ended = await revokeSessions(db, viewer.userId, viewer.sessionId ?? null);
  if (ended > 0) {
    securityEvent("session.ended", { actorId: viewer.userId, userId: viewer.userId, objectType: "session", objectId: viewer.sessionId, reason: "revoked_others" });
    await auditSessionsEnded(db, { actorId: viewer.userId, userId: viewer.userId, reason: "revoked_others", ended });
  }
  return { ended };
}
