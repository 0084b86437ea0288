import type { Viewer } from "@/server/access";
import type { Db } from "@/server/db";

/** The signed-in person and their role in each series they belong to. */
export async function getMe(db: Db, viewer: Viewer) {
  const memberships = await db.membership.findMany({
    where: { userId: viewer.userId, removedAt: null },
    select: {
      role: true,
      affiliation: true,
      party: { select: { code: true, name: true } },
      series: { select: { id: true, name: true, shortName: true, track: true } },
    },
    orderBy: { series: { shortName: "asc" } },
  });
  return { id: viewer.userId, name: viewer.name, email: viewer.email, isAdmin: viewer.isAdmin, memberships };
}
