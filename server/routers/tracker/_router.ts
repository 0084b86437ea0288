import { deterrenceProfileSchema, issueTimelineSchema, seriesOverviewSchema, sessionTrackerSchema, textConvergenceSchema, trackerOverviewSchema } from "@/lib/schemas/tracker";
import { getDeterrenceProfile, getIssueTimeline, getSeriesOverview, getSessionTracker } from "@/server/services/tracker/tracker";
import { getTrackerOverview } from "@/server/services/tracker/overview";
import { getTrackerSummary } from "@/server/services/tracker/summary";
import { getTextConvergence } from "@/server/services/tracker/text-convergence";
import { authedProcedure, router, seriesProcedure } from "@/server/trpc/init";

/** Convergence figures (DESIGN.md "Convergence"), computed only from what the viewer may read. */
export const trackerRouter = router({
  /** Per session the viewer may see: issues on its agenda and released positions on record. */
  /** Convergence across the viewer's series: status counts and what changed at each series' last session. */
  summary: authedProcedure.query(({ ctx }) => getTrackerSummary(ctx.db, ctx.viewer)),
  overview: authedProcedure.input(trackerOverviewSchema).query(({ ctx, input }) => getTrackerOverview(ctx.db, ctx.viewer, input?.page)),
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
  /** Text convergence: clean share and agreed paragraphs of each readable joint text, per revision (of one session, or the series). */
  textConvergence: seriesProcedure.input(textConvergenceSchema).query(({ ctx, input }) => getTextConvergence(ctx.db, ctx.viewer, input)),
});
