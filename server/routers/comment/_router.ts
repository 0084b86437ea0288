import {
  commentCountsSchema,
  commentIdSchema,
  commentListSchema,
  commentTargetSchema,
  createCommentSchema,
  editCommentSchema,
  markSeenSchema,
  paragraphCommentCountsSchema,
} from "@/lib/schemas/comments";
import {
  commentCountsForSession,
  createComment,
  editComment,
  getThread,
  markSeen,
  mentionable,
  paragraphCommentCounts,
  setCommentResolved,
  withdrawComment,
} from "@/server/services/comments/comments";
import { authedProcedure, router } from "@/server/trpc/init";

/**
 * Threaded comments on agenda items, papers and joint text paragraphs, by anyone who may see them. A thread
 * on something the viewer may not see is NOT_FOUND, and nothing is written.
 */
export const commentRouter = router({
  /**
   * The thread on one agenda item or paper, with `isNew` markers and what the viewer may do: the
   * THREAD_PAGE most recently active top-level comments with their replies, or all of them (`all`).
   */
  list: authedProcedure.input(commentListSchema).query(({ ctx, input }) => getThread(ctx.db, ctx.viewer, input)),
  /** Comment counts (and new ones) per visible agenda item of a session, for the agenda. */
  countsForSession: authedProcedure
    .input(commentCountsSchema)
    .query(({ ctx, input }) => commentCountsForSession(ctx.db, ctx.viewer, input.sessionId)),
  /** Comment counts (and new ones) per paragraph of a joint text the viewer may read. */
  countsForJointText: authedProcedure
    .input(paragraphCommentCountsSchema)
    .query(({ ctx, input }) => paragraphCommentCounts(ctx.db, ctx.viewer, input.jointTextId)),
  /** Records that the viewer has read the thread (the client calls it after showing it). */
  markSeen: authedProcedure.input(markSeenSchema).mutation(({ ctx, input }) => markSeen(ctx.db, ctx.viewer, input)),
  /** Whom the viewer may @mention in a thread: people they may see who may read the thread. */
  mentionable: authedProcedure.input(commentTargetSchema).query(({ ctx, input }) => mentionable(ctx.db, ctx.viewer, input)),
  create: authedProcedure.input(createCommentSchema).mutation(({ ctx, input }) => createComment(ctx.db, ctx.viewer, input)),
  /** The author, within 15 minutes of posting. */
  edit: authedProcedure.input(editCommentSchema).mutation(({ ctx, input }) => editComment(ctx.db, ctx.viewer, input)),
  /** The author; the thread shows "comment withdrawn", the text stays in the audit trail. */
  withdraw: authedProcedure.input(commentIdSchema).mutation(({ ctx, input }) => withdrawComment(ctx.db, ctx.viewer, input.commentId)),
  /** Convenors of the series; other members FORBIDDEN. */
  resolve: authedProcedure.input(commentIdSchema).mutation(({ ctx, input }) => setCommentResolved(ctx.db, ctx.viewer, input.commentId, true)),
  reopen: authedProcedure.input(commentIdSchema).mutation(({ ctx, input }) => setCommentResolved(ctx.db, ctx.viewer, input.commentId, false)),
});
