import type { AuthMethod } from "@/prisma/generated/enums";
import type { Db } from "@/server/db";
import { env } from "@/server/env";
import { summariseUserAgent } from "@/lib/user-agent";

/**
 * Server-side sign-in sessions (OWASP ASVS 4.0 V3). The JWT carries the id of a SignInSession row;
 * a request is served only while that row is live. The row is read with the account, held between
 * requests by the change feed (server/access/viewer.ts), so checking costs no query while nothing
 * changed; every write to a session announces its account on 'trilogue_viewer'.
 */

/** Absolute lifetime: a session ends 12 hours after sign-in, used or not (also the JWT's maxAge). */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;
export const SESSION_LIFETIME_MS = SESSION_MAX_AGE_SECONDS * 1000;
/** lastSeenAt is written at most this often per session. */
export const LAST_SEEN_WRITE_MS = 60_000;

type SessionDb = Pick<Db, "signInSession">;

export type SessionTimes = { createdAt: Date; lastSeenAt: Date; revokedAt?: Date | null };
export type SessionState = "live" | "revoked" | "idle" | "expired";

/** The idle timeout in ms (SESSION_IDLE_MINUTES, default 120). */
export function sessionIdleMs(): number {
  return env().SESSION_IDLE_MINUTES * 60_000;
}

/** Whether a session may serve a request at `now` (ms). */
export function sessionState(session: SessionTimes, now: number, idleMs: number): SessionState {
  if (session.revokedAt) return "revoked";
  if (now - session.createdAt.getTime() >= SESSION_LIFETIME_MS) return "expired";
  if (now - session.lastSeenAt.getTime() >= idleMs) return "idle";
  return "live";
}

/** Sessions old enough to matter for the check: anything older has expired anyway. */
export function sessionsWorthHolding(now: number) {
  return { revokedAt: null, createdAt: { gt: new Date(now - SESSION_LIFETIME_MS) } };
}

/** Opens a session at sign-in; its id goes into the JWT. */
export async function openSession(
  db: SessionDb,
  userId: string,
  client: { userAgent?: string | null; address: string; signedInWith?: AuthMethod },
  now = new Date(),
): Promise<string> {
  const row = await db.signInSession.create({
    data: {
      userId,
      userAgent: (client.userAgent ?? "").slice(0, 512),
      address: client.address.slice(0, 100),
      createdAt: now,
      lastSeenAt: now,
      authenticatedAt: now,
      signedInWith: client.signedInWith ?? "PASSWORD",
    },
    select: { id: true },
  });
  return row.id;
}

// Per process: when each session's lastSeenAt was last written, so concurrent requests of one
// browser write it once. Bounded by the sessions active in the last minute, pruned on the way.
const lastWritten = new Map<string, number>();

/**
 * Records that a session was used at `now`, at most once a minute (a write announces the account,
 * so writing on every request would empty its held row every time). True when it wrote.
 */
export async function touchSession(db: SessionDb, sessionId: string, lastSeenAt: Date, now: number): Promise<boolean> {
  if (now - lastSeenAt.getTime() < LAST_SEEN_WRITE_MS) return false;
  const written = lastWritten.get(sessionId);
  if (written !== undefined && now - written < LAST_SEEN_WRITE_MS) return false;
  lastWritten.set(sessionId, now);
  if (lastWritten.size > 10_000) {
    for (const [id, at] of lastWritten) if (now - at >= LAST_SEEN_WRITE_MS) lastWritten.delete(id);
  }
  const { count } = await db.signInSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { lastSeenAt: new Date(now) } });
  return count > 0;
}

/** Ends one session of an account (sign-out, or "sign out" on the account page); false if none was live. */
export async function revokeSession(db: SessionDb, userId: string, sessionId: string, now = new Date()): Promise<boolean> {
  const { count } = await db.signInSession.updateMany({ where: { id: sessionId, userId, revokedAt: null }, data: { revokedAt: now } });
  return count > 0;
}

/** Ends every session of an account except `keepId` (none: all); the number ended. */
export async function revokeSessions(db: SessionDb, userId: string, keepId: string | null, now = new Date()): Promise<number> {
  const { count } = await db.signInSession.updateMany({
    where: { userId, revokedAt: null, ...(keepId ? { id: { not: keepId } } : {}) },
    data: { revokedAt: now },
  });
  return count;
}

export type ActiveSession = {
  id: string;
  current: boolean;
  browser: string | null;
  system: string | null;
  address: string;
  signedInAt: Date;
  lastSeenAt: Date;
};

/** An account's live sessions for its owner, the current one first, then the most recently seen. */
export async function activeSessions(db: SessionDb, userId: string, currentId: string | null, now = Date.now()): Promise<ActiveSession[]> {
  const idleMs = sessionIdleMs();
  const rows = await db.signInSession.findMany({
    where: { userId, ...sessionsWorthHolding(now), lastSeenAt: { gt: new Date(now - idleMs) } },
    select: { id: true, userAgent: true, address: true, createdAt: true, lastSeenAt: true },
    orderBy: { lastSeenAt: "desc" },
    take: 100,
  });
  return rows
    .map((row) => ({
      id: row.id,
      current: row.id === currentId,
      ...summariseUserAgent(row.userAgent),
      address: row.address,
      signedInAt: row.createdAt,
      lastSeenAt: row.lastSeenAt,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}
