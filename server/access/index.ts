import { notFound } from "@/server/errors";

export * from "@/server/access/where";
export * from "@/server/access/audit";
export { can, requireCan, requireComment, requireConvenor, requireDelegateParty, requireMembership, requireRole } from "@/server/access/can";
export { loadViewer, sessionViewer, viewerCached, membershipIn, type Viewer, type ViewerMembership } from "@/server/access/viewer";

/** Turns "no row matched id AND visibility" into the same NOT_FOUND a missing id gets. */
export async function orNotFound<T>(query: Promise<T | null>, what = "Not found"): Promise<T> {
  const row = await query;
  if (row === null) throw notFound(what);
  return row;
}
