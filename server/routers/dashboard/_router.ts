import { getDashboard } from "@/server/services/dashboard/dashboard";
import { authedProcedure, router } from "@/server/trpc/init";

export const dashboardRouter = router({
  /** The viewer's series and their next sessions; counts only what the viewer may see. */
  get: authedProcedure.query(({ ctx }) => getDashboard(ctx.db, ctx.viewer)),
});
