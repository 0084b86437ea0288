import { authedProcedure, router } from "@/server/trpc/init";
import { getCalendarFeedUrl, resetCalendarFeedUrl } from "@/server/services/calendar/feed";

/** The viewer's secret iCal feed URL and its reset. */
export const calendarRouter = router({
  get: authedProcedure.query(({ ctx }) => getCalendarFeedUrl(ctx.db, ctx.viewer.userId, ctx.headers)),
  reset: authedProcedure.mutation(({ ctx }) => resetCalendarFeedUrl(ctx.db, ctx.viewer.userId, ctx.headers)),
});
