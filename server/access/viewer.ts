import type { MemberRole } from "@/prisma/generated/client";
import type { Db } from "@/server/db";

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

/**
 * Loads the viewer for a session, or null when the account is unknown, deactivated, or the
 * session was issued before the account's sessions were revoked (password change, deactivation).
 */
export async function loadViewer(db: Db, userId: string, authenticatedAt: number): Promise<Viewer | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
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
    },
  });
  if (!user || user.deactivatedAt) return null;
  // authenticatedAt is the sign-in instant in ms (kept in the JWT); a revocation at or after it wins.
  if (user.sessionsValidFrom.getTime() >= authenticatedAt) return null;
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

export function membershipIn(viewer: Viewer, seriesId: string): ViewerMembership | undefined {
  return viewer.memberships.find((m) => m.seriesId === seriesId);
}

export function seriesIdsWhere(viewer: Viewer, roles: MemberRole[]): string[] {
  return viewer.memberships.filter((m) => roles.includes(m.role)).map((m) => m.seriesId);
}
