import { inboxListSchema, markReadSchema, setEmailPreferenceSchema } from "@/lib/schemas/notifications";
import { openInboxStream } from "@/server/live/stream";
import { emailPreferences, listInbox, markAllRead, markRead, setEmailPreference, unreadCount } from "@/server/notifications/inbox";
import { streamContext } from "@/server/routers/live/_router";
import { authedProcedure, mappedStream, router } from "@/server/trpc/init";

/**
 * The signed-in person's own notifications (README "Notifications"): every procedure reads and
 * writes the viewer's rows only, and shows a notification only while its object is readable.
 */
export const notificationRouter = router({
  /** A page of the inbox, newest first; filters: unread only, one kind. */
  list: authedProcedure.input(inboxListSchema).query(({ ctx, input }) => listInbox(ctx.db, ctx.viewer, input)),
  /** The bell's count. */
  unreadCount: authedProcedure.query(({ ctx }) => unreadCount(ctx.db, ctx.viewer)),
  markRead: authedProcedure.input(markReadSchema).mutation(({ ctx, input }) => markRead(ctx.db, ctx.viewer, input.ids)),
  markAllRead: authedProcedure.mutation(({ ctx }) => markAllRead(ctx.db, ctx.viewer)),
  /** Email per kind: immediately, daily digest, or off. */
  preferences: authedProcedure.query(({ ctx }) => emailPreferences(ctx.db, ctx.viewer)),
  setPreference: authedProcedure.input(setEmailPreferenceSchema).mutation(({ ctx, input }) => setEmailPreference(ctx.db, ctx.viewer, input)),
  /** "Your inbox changed": the bell and the inbox page refetch. Only the viewer's own signals. */
  live: authedProcedure.subscription(({ ctx, signal }) => mappedStream(openInboxStream(streamContext(ctx, signal)))),
});
