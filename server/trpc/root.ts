import { assessmentRouter } from "@/server/routers/assessment/_router";
import { briefingRouter } from "@/server/routers/briefing/_router";
import { minutesRouter } from "@/server/routers/minutes/_router";
import { agendaRouter } from "@/server/routers/agenda/_router";
import { auditRouter } from "@/server/routers/audit/_router";
import { calendarRouter } from "@/server/routers/calendar/_router";
import { invitationRouter } from "@/server/routers/invitation/_router";
import { liveRouter } from "@/server/routers/live/_router";
import { notificationRouter } from "@/server/routers/notification/_router";
import { issueRouter } from "@/server/routers/issue/_router";
import { memberRouter } from "@/server/routers/member/_router";
import { adminRouter } from "@/server/routers/admin/_router";
import { commentRouter } from "@/server/routers/comment/_router";
import { dashboardRouter } from "@/server/routers/dashboard/_router";
import { healthRouter } from "@/server/routers/health/_router";
import { meRouter } from "@/server/routers/me/_router";
import { jointTextRouter } from "@/server/routers/joint-text/_router";
import { paperRouter } from "@/server/routers/paper/_router";
import { readLogRouter } from "@/server/routers/read-log/_router";
import { seriesRouter } from "@/server/routers/series/_router";
import { sessionRouter } from "@/server/routers/session/_router";
import { signInRouter } from "@/server/routers/sign-in/_router";
import { stanceRouter } from "@/server/routers/stance/_router";
import { trackerRouter } from "@/server/routers/tracker/_router";
import { createCallerFactory, router } from "@/server/trpc/init";

export const appRouter = router({
  health: healthRouter,
  me: meRouter,
  signIn: signInRouter,
  dashboard: dashboardRouter,
  series: seriesRouter,
  session: sessionRouter,
  paper: paperRouter,
  jointText: jointTextRouter,
  stance: stanceRouter,
  comment: commentRouter,
  tracker: trackerRouter,
  admin: adminRouter,
  member: memberRouter,
  invitation: invitationRouter,
  issue: issueRouter,
  agenda: agendaRouter,
  audit: auditRouter,
  calendar: calendarRouter,
  assessment: assessmentRouter,
  minutes: minutesRouter,
  briefing: briefingRouter,
  live: liveRouter,
  notification: notificationRouter,
  readLog: readLogRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
