import { router } from "@/server/trpc/init";

/** The viewer's secret iCal feed URL and its reset. */
export const calendarRouter = router({});
