import { getSeries, listSeries } from "@/server/services/series/series";
import { authedProcedure, router, seriesProcedure } from "@/server/trpc/init";

export const seriesRouter = router({
  list: authedProcedure.query(({ ctx }) => listSeries(ctx.db, ctx.viewer)),
  /** A series page: what the viewer may see of its sessions, issues and members. */
  get: seriesProcedure.query(({ ctx }) => getSeries(ctx.db, ctx.viewer, ctx.membership)),
});
