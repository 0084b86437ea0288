import { z } from "zod";
import { id } from "@/lib/schemas/common";
import { loadViewer } from "@/server/access";
import { openSeriesStream, openSessionStream, type StreamContext } from "@/server/live/stream";
import { sessionPresence } from "@/server/live/presence";
import { authedProcedure, mappedStream, router, type Context } from "@/server/trpc/init";
import type { Viewer } from "@/server/access";

export function streamContext(ctx: Context & { viewer: Viewer }, signal: AbortSignal | undefined): StreamContext {
  const startedAt = Date.now();
  const userId = ctx.viewer.userId;
  return {
    db: ctx.db,
    viewer: ctx.viewer,
    // The request path reads the account through the change-aware cache; a caller without one
    // (tests, scripts) reads it afresh, as signed in when the stream opened.
    reloadViewer: ctx.reloadViewer ?? (() => loadViewer(ctx.db, userId, startedAt)),
    signal,
  };
}

/**
 * Live signals over Server-Sent Events (README "Live updates"): ids of objects that changed and the
 * viewer may read, never content; the browser refetches through the ordinary procedures.
 */
export const liveRouter = router({
  /** Signals of one session the viewer may see: its agenda, papers, stances, seal, comments, minutes, and the series' issues and members. */
  session: authedProcedure
    .input(z.object({ sessionId: id }))
    .subscription(async ({ ctx, input, signal }) => mappedStream(await openSessionStream(streamContext(ctx, signal), input.sessionId))),

  /** Who has the session open now: names for those who may see the member list, a count for others. */
  presence: authedProcedure.input(z.object({ sessionId: id })).query(({ ctx, input }) => sessionPresence(ctx.db, ctx.viewer, input.sessionId)),

  /** Signals of a whole series the viewer sits in (series page, series tracker). */
  series: authedProcedure
    .input(z.object({ seriesId: id }))
    .subscription(({ ctx, input, signal }) => mappedStream(openSeriesStream(streamContext(ctx, signal), input.seriesId))),
});
