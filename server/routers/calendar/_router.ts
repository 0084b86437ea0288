import { authedProcedure, router } from "@/server/trpc/init";
import { calendarTokenFor, feedUrl, publicOrigin, resetCalendarToken } from "@/server/services/calendar/feed";

/** The viewer's secret iCal feed URL and its reset. */
export const calendarRouter = router({
  get: authedProcedure.query(async ({ ctx }) => {
    const token = await calendarTokenFor(ctx.db, ctx.viewer.userId);
    return { url: feedUrl(publicOrigin(ctx.headers), token) };
  }),

  reset: authedProcedure.mutation(async ({ ctx }) => {
    const token = await resetCalendarToken(ctx.db, ctx.viewer.userId);
    return { url: feedUrl(publicOrigin(ctx.headers), token) };
  }),
});
