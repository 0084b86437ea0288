import type { MemberRole } from "@/prisma/generated/client";
import type { Db } from "@/server/db";
import { ChangeAwareCache } from "@/server/changes/cache";

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
};

const VIEWER_SELECT = {
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

type ViewerRow = NonNullable<Awaited<ReturnType<typeof readViewerRow>>>;

function readViewerRow(db: Db, userId: string) {
  return db.user.findUnique({ where: { id: userId }, select: VIEWER_SELECT });
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

/** loadViewer for the request path: the same answer, without a query while the account is unchanged. */
export async function sessionViewer(db: Db, userId: string, authenticatedAt: number): Promise<Viewer | null> {
  return viewerFromRow(await viewerRows.get(userId, () => readViewerRow(db, userId)), authenticatedAt);
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
