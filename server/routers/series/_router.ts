import { seriesSessionsSchema } from "@/lib/schemas/sessions";
import { getSeries, listSeries, listSeriesSessions } from "@/server/services/series/series";
import { authedProcedure, router, seriesProcedure } from "@/server/trpc/init";

export const seriesRouter = router({
  list: authedProcedure.query(({ ctx }) => listSeries(ctx.db, ctx.viewer)),
  /** A series page: what the viewer may see of its issues and members, and what they may change. */
  get: seriesProcedure.query(({ ctx }) => getSeries(ctx.db, ctx.viewer, ctx.membership)),
  /** The series' sessions the viewer may see, newest first, 50 a page. */
  sessions: seriesProcedure
    .input(seriesSessionsSchema)
    .query(({ ctx, input }) => listSeriesSessions(ctx.db, ctx.viewer, ctx.membership.seriesId, input.page)),
});
