import type { MemberRole } from "@/prisma/generated/client";
import type { Db } from "@/server/db";
import { ChangeAwareCache } from "@/server/changes/cache";
import { sessionIdleMs, sessionState, sessionsWorthHolding, touchSession } from "@/server/auth/sessions";

export type ViewerMembership = {
  membershipId: string;
  seriesId: string;
  role: MemberRole;
  partyId: string | null;
};

/** The signed-in person as every access rule sees them, loaded once per request. */
export type Viewer = {
  userId: string;
  email: string;
  name: string;
  isAdmin: boolean;
  memberships: ViewerMembership[];
  /** The sign-in session (SignInSession) this request came with; absent outside requests. */
  sessionId?: string;
  /** When that session last proved who it is (sign-in or step-up), in ms, as held; step-up actions need it fresh. */
  authenticatedAt?: number;
};

const VIEWER_SELECT_BASE = {
  id: true,
  email: true,
  name: true,
  isAdmin: true,
  deactivatedAt: true,
  sessionsValidFrom: true,
  memberships: {
    where: { removedAt: null },
    select: { id: true, seriesId: true, role: true, partyId: true },
  },
} as const;

function viewerSelect(now: number) {
  return {
    ...VIEWER_SELECT_BASE,
    // The account's sessions that may still be live, held with it: a sign-in, a revocation or a
    // last-seen write announces the account (migration sign_in_sessions), so the check below
    // costs no query while nothing changed.
    signInSessions: {
      where: sessionsWorthHolding(now),
      select: { id: true, createdAt: true, lastSeenAt: true, authenticatedAt: true },
      orderBy: { lastSeenAt: "desc" as const },
      take: 200,
    },
  };
}

type ViewerRow = NonNullable<Awaited<ReturnType<typeof readViewerRow>>>;

function readViewerRow(db: Db, userId: string) {
  return db.user.findUnique({ where: { id: userId }, select: viewerSelect(Date.now()) });
}

function viewerFromRow(user: ViewerRow | null, authenticatedAt: number): Viewer | null {
  if (!user || user.deactivatedAt) return null;
  // authenticatedAt is the sign-in instant in ms (kept in the JWT); a revocation at or after it wins.
  if (user.sessionsValidFrom.getTime() >= authenticatedAt) return null;
  // A fresh object per call: a cached row is shared between requests and never handed out.
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    isAdmin: user.isAdmin,
    memberships: user.memberships.map((m) => ({
      membershipId: m.id,
      seriesId: m.seriesId,
      role: m.role,
      partyId: m.partyId,
    })),
  };
}

/**
 * Loads the viewer for a session, or null when the account is unknown, deactivated, or the
 * session was issued before the account's sessions were revoked (password change, deactivation).
 */
export async function loadViewer(db: Db, userId: string, authenticatedAt: number): Promise<Viewer | null> {
  return viewerFromRow(await readViewerRow(db, userId), authenticatedAt);
}

/**
 * The accounts read by requests, held while PostgreSQL's change feed listens: any write to an
 * account or its memberships empties the entry (migration change_notifications; rules in
 * server/changes/feed.ts), so a deactivation, a revocation or a removed membership still bites on
 * the next request. The deactivation and revocation checks run on every call.
 */
const viewerRows = new ChangeAwareCache<ViewerRow | null>("trilogue_viewer", 2_000);

export type SessionCheck = {
  /** The clock, in ms (tests inject it). */
  now?: number;
  /** The idle timeout; default SESSION_IDLE_MINUTES. */
  idleMs?: number;
  /** Whether this use counts as activity (lastSeenAt); false for a live stream's periodic re-check. */
  touch?: boolean;
};

/**
 * loadViewer for the request path, the same answer without a query while the account is unchanged,
 * and only for a live sign-in session: the JWT's session id must name a session of this account
 * that is not revoked, not idle past the timeout and not past its 12-hour lifetime
 * (server/auth/sessions.ts). A JWT without a session id (issued before sessions were recorded) is
 * refused: its holder signs in again.
 */
export async function sessionViewer(
  db: Db,
  userId: string,
  authenticatedAt: number,
  sessionId: string | null | undefined,
  check: SessionCheck = {},
): Promise<Viewer | null> {
  const row = await viewerRows.get(userId, () => readViewerRow(db, userId));
  const viewer = viewerFromRow(row, authenticatedAt);
  if (!viewer || !row || !sessionId) return null;
  const now = check.now ?? Date.now();
  // A session opened a moment ago may not be in a held row yet (its notification is on the way):
  // one that is not there is looked up before being refused. Revoked ones cost that query too.
  const session =
    row.signInSessions.find((s) => s.id === sessionId) ??
    (await db.signInSession.findFirst({
      where: { id: sessionId, userId, revokedAt: null },
      select: { id: true, createdAt: true, lastSeenAt: true, authenticatedAt: true },
    }));
  if (!session) return null;
  const state = sessionState(session, now, check.idleMs ?? sessionIdleMs());
  if (state !== "live") {
    if (state === "idle" || state === "expired") await endDetectedSession(db, userId, sessionId, state, now);
    return null;
  }
  if (check.touch !== false) {
    try {
      // The held row moves with the write at once; the feed's notification then replaces it. Without
      // this, a request between the write and its notification would judge idleness by the old time.
      if (await touchSession(db, sessionId, session.lastSeenAt, now)) session.lastSeenAt = new Date(now);
    } catch {
      // Last-seen is bookkeeping: a failed write must not fail the request it rides on.
    }
  }
  return { ...viewer, sessionId, authenticatedAt: session.authenticatedAt.getTime() };
}

/** For tests: whether an account's row is held. */
export function viewerCached(userId: string): boolean {
  return viewerRows.has(userId);
}

export function membershipIn(viewer: Viewer, seriesId: string): ViewerMembership | undefined {
  return viewer.memberships.find((m) => m.seriesId === seriesId);
}

export function seriesIdsWhere(viewer: Viewer, roles: MemberRole[]): string[] {
  return viewer.memberships.filter((m) => roles.includes(m.role)).map((m) => m.seriesId);
}

/**
 * A session found idle or past its lifetime at a request: closed (revokedAt) so it is recorded once,
 * with a "sign_in_session.ended" audit event (server/auth/session-audit.ts). Bookkeeping: a failure
 * here never fails the request, which is refused either way.
 */
async function endDetectedSession(db: Db, userId: string, sessionId: string, state: "idle" | "expired", now: number): Promise<void> {
  try {
    const { count } = await db.signInSession.updateMany({ where: { id: sessionId, userId, revokedAt: null }, data: { revokedAt: new Date(now) } });
    if (count === 0) return;
    const { auditSessionsEnded } = await import("@/server/auth/session-audit");
    await auditSessionsEnded(db, { actorId: null, userId, reason: state, sessionId });
  } catch {
    // The refusal stands; the next request with this session finds it closed or tries again.
  }
}
