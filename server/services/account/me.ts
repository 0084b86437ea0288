import type { Viewer } from "@/server/access";
import type { Db } from "@/server/db";
import { validTimeZone } from "@/lib/format";

/** The signed-in person and their role in each series they belong to. */
export async function getMe(db: Db, viewer: Viewer) {
  const [memberships, preference] = await Promise.all([
    db.membership.findMany({
    where: { userId: viewer.userId, removedAt: null },
    select: {
      role: true,
      affiliation: true,
      party: { select: { code: true, name: true } },
      series: { select: { id: true, name: true, shortName: true, track: true } },
    },
    orderBy: { series: { shortName: "asc" } },
    }),
    db.user.findUnique({ where: { id: viewer.userId }, select: { timeZone: true } }),
  ]);
  return {
    id: viewer.userId,
    name: viewer.name,
    email: viewer.email,
    isAdmin: viewer.isAdmin,
    /** The zone chosen on the account page for "other times"; null: the browser's. */
    timeZone: validTimeZone(preference?.timeZone),
    memberships,
  };
}

/** Sets (or, with null, clears) the person's time-zone preference. */
export async function setTimeZone(db: Db, viewer: Viewer, timeZone: string | null) {
  await db.user.update({ where: { id: viewer.userId }, data: { timeZone } });
  return { timeZone };
}
