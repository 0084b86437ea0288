import { visibleAgendaItemsWhere, visibleSessionsWhere, visibleStancesWhere, type Viewer } from "@/server/access";
import type { Db } from "@/server/db";

/** Per session the viewer may see, across their series: issues on its agenda and released positions on record. */
export async function getTrackerOverview(db: Db, viewer: Viewer) {
  const sessions = await db.session.findMany({
    where: visibleSessionsWhere(viewer),
    select: {
      id: true,
      title: true,
      startsAt: true,
      endsAt: true,
      timeZone: true,
      status: true,
      series: { select: { id: true, shortName: true, name: true, illustrative: true } },
      _count: {
        select: {
          agendaItems: { where: { AND: [visibleAgendaItemsWhere(viewer), { issueId: { not: null } }] } },
          // Aggregates count only what the viewer may read, and never drafts.
          stances: { where: visibleStancesWhere(viewer, { releasedOnly: true }) },
        },
      },
    },
    orderBy: [{ series: { shortName: "asc" } }, { startsAt: "desc" }],
  });
  return sessions.map(({ _count, ...s }) => ({ ...s, agendaIssues: _count.agendaItems, releasedPositions: _count.stances }));
}
