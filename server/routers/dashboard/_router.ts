import { visibleSeriesWhere, visibleSessionsWhere } from "@/server/access";
import { authedProcedure, router } from "@/server/trpc/init";

export const dashboardRouter = router({
  /** The viewer's series and their next sessions; counts only what the viewer may see. */
  get: authedProcedure.query(async ({ ctx }) => {
    const { viewer, db } = ctx;
    const sessionsWhere = visibleSessionsWhere(viewer);
    const [series, upcoming] = await Promise.all([
      db.series.findMany({
        where: { AND: [visibleSeriesWhere(viewer), { archivedAt: null }] },
        select: {
          id: true,
          name: true,
          shortName: true,
          track: true,
          attribution: true,
          illustrative: true,
          parties: { select: { party: { select: { code: true, name: true } } }, orderBy: { party: { code: "asc" } } },
          _count: { select: { sessions: { where: sessionsWhere } } },
        },
        orderBy: { shortName: "asc" },
      }),
      db.session.findMany({
        where: { AND: [sessionsWhere, { endsAt: { gte: new Date() } }] },
        select: {
          id: true,
          title: true,
          startsAt: true,
          endsAt: true,
          timeZone: true,
          place: true,
          isVirtual: true,
          status: true,
          series: { select: { id: true, shortName: true, name: true } },
        },
        orderBy: { startsAt: "asc" },
        take: 8,
      }),
    ]);
    return {
      series: series.map((s) => ({
        id: s.id,
        name: s.name,
        shortName: s.shortName,
        track: s.track,
        attribution: s.attribution,
        illustrative: s.illustrative,
        parties: s.parties.map((p) => p.party),
        sessionCount: s._count.sessions,
        role: viewer.memberships.find((m) => m.seriesId === s.id)?.role ?? null,
      })),
      upcoming,
    };
  }),
});
