import { TRACKER_OVERVIEW_PAGE_SIZE } from "@/lib/schemas/tracker";
import { visibleAgendaItemsWhere, visibleSessionsWhere, visibleStancesWhere, type Viewer } from "@/server/access";
import type { Db } from "@/server/db";
import { cachedAcrossSeries } from "@/server/services/tracker/cache";

/**
 * Per session the viewer may see, across their series, a page at a time: issues on its agenda and
 * released positions on record. The counts are taken for the page's sessions only (two grouped
 * counts), not for every session of every series.
 */
export async function getTrackerOverview(db: Db, viewer: Viewer, page = 1) {
  return cachedAcrossSeries(db, viewer, `tracker.overview\u0000${page}`, () => readTrackerOverview(db, viewer, page));
}

async function readTrackerOverview(db: Db, viewer: Viewer, page: number) {
  const where = visibleSessionsWhere(viewer);
  const [total, sessions] = await Promise.all([
    db.session.count({ where }),
    db.session.findMany({
      where,
      select: {
        id: true,
        title: true,
        startsAt: true,
        endsAt: true,
        timeZone: true,
        status: true,
        series: { select: { id: true, shortName: true, name: true, illustrative: true } },
      },
      orderBy: [{ series: { shortName: "asc" } }, { startsAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * TRACKER_OVERVIEW_PAGE_SIZE,
      take: TRACKER_OVERVIEW_PAGE_SIZE,
    }),
  ]);
  const sessionIds = sessions.map((s) => s.id);
  const [items, stances] = await Promise.all([
    db.agendaItem.groupBy({
      by: ["sessionId"],
      where: { AND: [{ sessionId: { in: sessionIds } }, visibleAgendaItemsWhere(viewer), { issueId: { not: null } }] },
      _count: { _all: true },
    }),
    // Aggregates count only what the viewer may read, and never drafts.
    db.stance.groupBy({
      by: ["sessionId"],
      where: { AND: [{ sessionId: { in: sessionIds } }, visibleStancesWhere(viewer, { releasedOnly: true })] },
      _count: { _all: true },
    }),
  ]);
  const agendaIssues = new Map(items.map((i) => [i.sessionId, i._count._all]));
  const releasedPositions = new Map(stances.map((s) => [s.sessionId, s._count._all]));
  return {
    rows: sessions.map((s) => ({ ...s, agendaIssues: agendaIssues.get(s.id) ?? 0, releasedPositions: releasedPositions.get(s.id) ?? 0 })),
    page,
    pages: Math.max(1, Math.ceil(total / TRACKER_OVERVIEW_PAGE_SIZE)),
    total,
  };
}
