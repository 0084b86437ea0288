import { getDashboard } from "@/server/services/dashboard/dashboard";
import { getConvenorNeeds } from "@/server/services/dashboard/needs-me";
import { authedProcedure, router } from "@/server/trpc/init";

export const dashboardRouter = router({
  /** The viewer's series and their next sessions; counts only what the viewer may see. */
  get: authedProcedure.query(({ ctx }) => getDashboard(ctx.db, ctx.viewer)),
  /** What needs a convenor now, over the series they convene; empty lists for everyone else. */
  convenorNeeds: authedProcedure.query(({ ctx }) => getConvenorNeeds(ctx.db, ctx.viewer)),
});
