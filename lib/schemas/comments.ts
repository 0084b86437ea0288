import { z } from "zod";
import { id, positiveInt } from "@/lib/schemas/common";
import { COMMENT_MAX_LENGTH } from "@/lib/vocabulary";

/** Comments can be edited by their author for this long after posting. */
export const COMMENT_EDIT_WINDOW_MS = 15 * 60 * 1000;
export { COMMENT_MAX_LENGTH };

export const commentBody = z
  .string({ message: "Write a comment" })
  .trim()
  .min(1, "Write a comment")
  .max(COMMENT_MAX_LENGTH, `Keep comments under ${COMMENT_MAX_LENGTH.toLocaleString("en")} characters`);

/** People one comment may @mention. */
export const MAX_MENTIONS = 20;

const TARGET_MESSAGE = "Name an agenda item, a paper or a paragraph of a joint text";

/** A paragraph's stable id in a joint text's body. */
const paragraphId = z.string().trim().min(1).max(64);

/** What a thread is on: an agenda item, a paper, or a paragraph of a joint text. */
export const commentTargetSchema = z.union([z.object({ agendaItemId: id }), z.object({ paperId: id }), z.object({ jointTextId: id, paragraphId })], {
  message: TARGET_MESSAGE,
});
export type CommentTarget = { agendaItemId: string } | { paperId: string } | { jointTextId: string; paragraphId: string };

/** How many of a thread's top-level comments comment.list shows at first (the most recently active). */
export const THREAD_PAGE = 30;

/** A thread to list: its target, and `all` for every top-level comment rather than the latest THREAD_PAGE. */
export const commentListSchema = z.union(
  [
    z.object({ agendaItemId: id, all: z.boolean().optional() }),
    z.object({ paperId: id, all: z.boolean().optional() }),
    z.object({ jointTextId: id, paragraphId, all: z.boolean().optional() }),
  ],
  { message: TARGET_MESSAGE },
);

/** A new comment, or a reply when parentId names a comment on the same item or paper. */
export const createCommentSchema = z
  .object({
    agendaItemId: id.optional(),
    paperId: id.optional(),
    jointTextId: id.optional(),
    paragraphId: paragraphId.optional(),
    parentId: id.nullable().optional(),
    body: commentBody,
    /** People @mentioned (picked from comment.mentionable): each told, if they may read the thread. */
    mentionIds: z.array(id).max(MAX_MENTIONS, `Mention at most ${MAX_MENTIONS} people in one comment`).optional(),
  })
  .superRefine((v, ctx) => {
    const targets = [v.agendaItemId, v.paperId, v.jointTextId].filter((t) => t !== undefined).length;
    if (targets !== 1 || (v.jointTextId === undefined) !== (v.paragraphId === undefined)) ctx.addIssue({ code: "custom", message: TARGET_MESSAGE });
  });
export type CreateCommentInput = z.input<typeof createCommentSchema>;

export const editCommentSchema = z.object({ commentId: id, version: positiveInt, body: commentBody });
export type EditCommentInput = z.input<typeof editCommentSchema>;

export const commentIdSchema = z.object({ commentId: id });

/** The visit to a thread: `seenAt` is when the list shown was fetched (never later than now). */
export const markSeenSchema = z.union(
  [
    z.object({ agendaItemId: id, seenAt: z.date().optional() }),
    z.object({ paperId: id, seenAt: z.date().optional() }),
    z.object({ jointTextId: id, paragraphId, seenAt: z.date().optional() }),
  ],
  { message: TARGET_MESSAGE },
);

export const commentCountsSchema = z.object({ sessionId: id });

/** Comments per paragraph of one joint text. */
export const paragraphCommentCountsSchema = z.object({ jointTextId: id });

/** The comment form (new comment, reply, edit). */
export const commentFormSchema = z.object({ body: commentBody });
export type CommentFormValues = z.infer<typeof commentFormSchema>;
