import {
  visibleIssuesWhere,
  visibleMembershipsWhere,
  visibleSeriesWhere,
  visibleSessionsWhere,
} from "@/server/access";
import { authedProcedure, router, seriesProcedure } from "@/server/trpc/init";

export const seriesRouter = router({
  list: authedProcedure.query(({ ctx }) =>
    ctx.db.series.findMany({
      where: visibleSeriesWhere(ctx.viewer),
      select: {
        id: true,
        name: true,
        shortName: true,
        track: true,
        attribution: true,
        illustrative: true,
        archivedAt: true,
        parties: { select: { party: { select: { id: true, code: true, name: true } } }, orderBy: { party: { code: "asc" } } },
      },
      orderBy: { shortName: "asc" },
    }),
  ),

  /** A series page: what the viewer may see of its sessions, issues and members. */
  get: seriesProcedure.query(async ({ ctx, input }) => {
    const { db, viewer, membership } = ctx;
    const [series, sessions, issues, members] = await Promise.all([
      db.series.findUniqueOrThrow({
        where: { id: input.seriesId },
        select: {
          id: true,
          name: true,
          shortName: true,
          description: true,
          track: true,
          attribution: true,
          illustrative: true,
          archivedAt: true,
          parties: { select: { party: { select: { id: true, code: true, name: true } } }, orderBy: { party: { code: "asc" } } },
        },
      }),
      db.session.findMany({
        where: { AND: [visibleSessionsWhere(viewer), { seriesId: input.seriesId }] },
        select: { id: true, title: true, startsAt: true, endsAt: true, timeZone: true, place: true, isVirtual: true, status: true },
        orderBy: { startsAt: "desc" },
      }),
      db.issue.findMany({
        where: { AND: [visibleIssuesWhere(viewer), { seriesId: input.seriesId, archivedAt: null }] },
        select: { id: true, title: true, kind: true, topic: true, scaleMin: true, scaleMax: true },
        orderBy: [{ kind: "asc" }, { title: "asc" }],
      }),
      db.membership.findMany({
        where: { AND: [visibleMembershipsWhere(viewer), { seriesId: input.seriesId }] },
        select: {
          id: true,
          role: true,
          affiliation: true,
          party: { select: { code: true, name: true } },
          user: { select: { id: true, name: true } },
        },
        orderBy: [{ role: "asc" }, { user: { name: "asc" } }],
      }),
    ]);
    return {
      ...series,
      parties: series.parties.map((p) => p.party),
      myRole: membership.role,
      myPartyId: membership.partyId,
      sessions,
      issues,
      members,
    };
  }),
});
