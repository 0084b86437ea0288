import type { MemberRole } from "@/prisma/generated/client";
import { forbidden, notFound } from "@/server/errors";
import { membershipIn, type Viewer, type ViewerMembership } from "@/server/access/viewer";

export * from "@/server/access/where";
export * from "@/server/access/audit";
export { loadViewer, sessionViewer, viewerCached, membershipIn, type Viewer, type ViewerMembership } from "@/server/access/viewer";

/** Not a member: the series does not exist as far as the viewer can tell. */
export function requireMembership(viewer: Viewer, seriesId: string): ViewerMembership {
  const m = membershipIn(viewer, seriesId);
  if (!m) throw notFound("Series not found");
  return m;
}

/** A member without one of the roles may know the series exists, but may not change it. */
export function requireRole(viewer: Viewer, seriesId: string, roles: MemberRole[]): ViewerMembership {
  const m = requireMembership(viewer, seriesId);
  if (!roles.includes(m.role)) throw forbidden();
  return m;
}

export function requireConvenor(viewer: Viewer, seriesId: string): ViewerMembership {
  return requireRole(viewer, seriesId, ["CONVENOR"]);
}

/** The party a delegate speaks for in a series, or FORBIDDEN for members who are not delegates. */
export function requireDelegateParty(viewer: Viewer, seriesId: string): string {
  const m = requireRole(viewer, seriesId, ["DELEGATE"]);
  if (!m.partyId) throw forbidden();
  return m.partyId;
}

/** Turns "no row matched id AND visibility" into the same NOT_FOUND a missing id gets. */
export async function orNotFound<T>(query: Promise<T | null>, what = "Not found"): Promise<T> {
  const row = await query;
  if (row === null) throw notFound(what);
  return row;
}
