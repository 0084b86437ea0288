import { createComment } from "@/prisma/seed/factories";
import { eddConvenorOnly, eddMembers, ownPartyOnly, type MatrixContext, type Rows } from "@/tests/integration/authorization/shared";

// Comments on the EDD's GOVERNMENTS-level item (every EDD member sees it once the agenda is
// published); a fresh comment by the JP delegate (the owning party) per call for the changes.

async function freshJpComment({ world: w, db }: MatrixContext, extra: { resolvedAt?: Date; resolvedById?: string } = {}) {
  return createComment(db, { agendaItemId: w.items.eddGovernments.id, authorId: w.users.jpDelegate.id, body: "Matrix comment", ...extra });
}

/** Only the author may change their comment; other EDD members may see it but not change it. */
const authorOnly = { ...eddMembers, convenor: "FORBIDDEN", otherParty: "FORBIDDEN", observer: "FORBIDDEN" } as const;

export const commentsRows: Rows = {
  "comment.list": { input: ({ world: w }) => ({ paperId: w.papers.eddJpParty.id }), expect: ownPartyOnly },
  "comment.countsForSession": { input: ({ world: w }) => ({ sessionId: w.sessions.eddPublished.id }), expect: eddMembers },
  "comment.markSeen": { input: ({ world: w }) => ({ agendaItemId: w.items.eddGovernments.id }), expect: eddMembers },
  // Observers read the thread but write nothing (DESIGN.md, "Who uses it").
  "comment.create": {
    input: ({ world: w }) => ({ agendaItemId: w.items.eddGovernments.id, body: "Matrix comment" }),
    expect: { ...eddMembers, observer: "FORBIDDEN" },
  },
  "comment.create#on a paper": {
    input: ({ world: w }) => ({ paperId: w.papers.eddJpParty.id, body: "Matrix comment" }),
    expect: ownPartyOnly,
  },
  "comment.edit": {
    input: async (ctx) => {
      const c = await freshJpComment(ctx);
      return { commentId: c.id, version: c.version, body: "Matrix comment, edited" };
    },
    expect: authorOnly,
  },
  "comment.withdraw": { input: async (ctx) => ({ commentId: (await freshJpComment(ctx)).id }), expect: authorOnly },
  "comment.resolve": { input: async (ctx) => ({ commentId: (await freshJpComment(ctx)).id }), expect: eddConvenorOnly },
  "comment.reopen": {
    input: async (ctx) => ({
      commentId: (await freshJpComment(ctx, { resolvedAt: new Date(), resolvedById: ctx.world.users.eddConvenor.id })).id,
    }),
    expect: eddConvenorOnly,
  },
};
