import { visibleAgendaItemsWhere, visibleSessionsWhere, visibleStancesWhere } from "@/server/access";
import { authedProcedure, router } from "@/server/trpc/init";

export const trackerRouter = router({
  /** Per session the viewer may see: issues on its agenda and released positions on record. */
  overview: authedProcedure.query(async ({ ctx }) => {
    const { db, viewer } = ctx;
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
  }),
});
