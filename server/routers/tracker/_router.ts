import { deterrenceProfileSchema, issueTimelineSchema, seriesOverviewSchema, sessionTrackerSchema } from "@/lib/schemas/tracker";
import { visibleAgendaItemsWhere, visibleSessionsWhere, visibleStancesWhere } from "@/server/access";
import { getDeterrenceProfile, getIssueTimeline, getSeriesOverview, getSessionTracker } from "@/server/services/tracker/tracker";
import { authedProcedure, router, seriesProcedure } from "@/server/trpc/init";

/** Convergence figures (DESIGN.md "Convergence"), computed only from what the viewer may read. */
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
  /** One session's issues with positions, spread, agreement, status and outlier; the summary on top. */
  session: authedProcedure.input(sessionTrackerSchema).query(({ ctx, input }) => getSessionTracker(ctx.db, ctx.viewer, input.sessionId)),
  /** Issues × sessions statuses of a series (the heatmap); non-members get NOT_FOUND. */
  seriesOverview: seriesProcedure.input(seriesOverviewSchema).query(({ ctx, input }) => getSeriesOverview(ctx.db, ctx.viewer, input.seriesId)),
  /** One issue's positions and status over the series' sessions. */
  issueTimeline: authedProcedure.input(issueTimelineSchema).query(({ ctx, input }) => getIssueTimeline(ctx.db, ctx.viewer, input.issueId)),
  /** Deterrence criteria × parties at a session (or the latest positions), with the shared core and the gaps. */
  deterrenceProfile: seriesProcedure
    .input(deterrenceProfileSchema)
    .query(({ ctx, input }) => getDeterrenceProfile(ctx.db, ctx.viewer, input)),
});
