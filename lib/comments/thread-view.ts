import type { RouterOutputs } from "@/lib/trpc/types";

type ThreadAnswer = RouterOutputs["comment"]["list"];

/**
 * `comment.list` answers in two parts (server/services/comments/comments.ts getThread): the thread as
 * everyone of the viewer's visibility class sees it, and the viewer's own part. This joins them into
 * one list of comments, each with its author and what the viewer may do with it.
 */
export function threadView(answer: ThreadAnswer) {
  const { thread, viewerId, seenAt, mine, fetchedAt } = answer;
  const withdrawable = new Set(mine.withdrawable);
  const comments = thread.comments.map((c) => {
    const isMine = c.authorId === viewerId;
    return {
      ...c,
      author: thread.authors[c.authorId] ?? { id: c.authorId, name: "—", affiliation: null, role: null, partyCode: null },
      isMine,
      isNew: !isMine && c.withdrawnAt === null && (seenAt === null || c.createdAt.getTime() > seenAt.getTime()),
      canEdit: Object.hasOwn(mine.editable, c.id),
      canWithdraw: withdrawable.has(c.id),
      /** The Markdown source, sent only to the author while they may edit it. */
      body: Object.hasOwn(mine.editable, c.id) ? (mine.editable[c.id] as string) : null,
    };
  });
  return { comments, earlier: thread.earlier, total: thread.total, canComment: thread.canComment, canResolve: thread.canResolve, fetchedAt };
}

export type ThreadView = ReturnType<typeof threadView>;
