import { membershipIn, visibleSeriesWhere, visibleSessionsWhere, type Viewer } from "@/server/access";
import type { Db } from "@/server/db";
import { cachedAcrossSeries } from "@/server/services/tracker/cache";
import { SERIES_WITH_PARTIES } from "@/server/services/series/series";
import { SESSION_CARD } from "@/server/services/sessions/select";

/**
 * The viewer's series and their next sessions; counts only what the viewer may see. Shared between
 * viewers of the same classes while their series are unchanged and none of the listed sessions has
 * ended since (cachedAcrossSeries).
 */
export async function getDashboard(db: Db, viewer: Viewer) {
  // A session leaves "upcoming" only by ending (new ones change a stamp): a held answer holds until
  // the first of its sessions ends.
  return cachedAcrossSeries(db, viewer, "dashboard.get", () => readDashboard(db, viewer), (held) => {
    const now = Date.now();
    return held.upcoming.every((s) => s.endsAt.getTime() >= now);
  });
}

async function readDashboard(db: Db, viewer: Viewer) {
  const sessionsWhere = visibleSessionsWhere(viewer);
  const [series, upcoming] = await Promise.all([
    db.series.findMany({
      where: { AND: [visibleSeriesWhere(viewer), { archivedAt: null }] },
      select: {
        ...SERIES_WITH_PARTIES,
        _count: { select: { sessions: { where: sessionsWhere } } },
      },
      orderBy: { shortName: "asc" },
    }),
    db.session.findMany({
      where: { AND: [sessionsWhere, { endsAt: { gte: new Date() } }] },
      select: { ...SESSION_CARD, series: { select: { id: true, shortName: true, name: true } } },
      orderBy: { startsAt: "asc" },
      take: 8,
    }),
  ]);
  return {
    series: series.map(({ parties, _count, ...s }) => ({
      ...s,
      parties: parties.map((p) => p.party),
      sessionCount: _count.sessions,
      role: membershipIn(viewer, s.id)?.role ?? null,
    })),
    upcoming,
  };
}
