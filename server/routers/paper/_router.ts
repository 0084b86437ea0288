import {
  comparePaperRevisionsSchema,
  createPaperSchema,
  listPapersSchema,
  paperIdSchema,
  paperVersionSchema,
  raisePaperReleaseSchema,
  savePaperDraftSchema,
  savePaperSchema,
} from "@/lib/schemas/papers";
import {
  comparePaperRevisions,
  createPaper,
  discardPaperDraft,
  getPaper,
  listPaperRevisions,
  listPapersForSession,
  paperAuthorshipForSession,
  raisePaperRelease,
  savePaper,
  savePaperDraft,
  withdrawPaper,
} from "@/server/services/papers/papers";
import { recordRead } from "@/server/read-log";
import { authedProcedure, router } from "@/server/trpc/init";

/**
 * Position papers: a party's (or a scholar's own) paper for a session, linked to its agenda items.
 * Reads: visible papers only, NOT_FOUND otherwise. Changes: the owning party's delegates (a scholar's
 * paper: its author); others who may see the paper get FORBIDDEN.
 */
export const paperRouter = router({
  listForSession: authedProcedure.input(listPapersSchema).query(({ ctx, input }) => listPapersForSession(ctx.db, ctx.viewer, input.sessionId)),
  /** Whether the viewer may start a paper in the session, and the items they may link it to. */
  authorship: authedProcedure.input(listPapersSchema).query(({ ctx, input }) => paperAuthorshipForSession(ctx.db, ctx.viewer, input.sessionId)),
  /** A paper with its latest text; linked items are filtered to those the viewer may see. */
  get: authedProcedure.input(paperIdSchema).query(async ({ ctx, input }) => {
    const paper = await getPaper(ctx.db, ctx.viewer, input.paperId);
    recordRead(ctx, { seriesId: paper.session.seriesId, partyId: paper.partyId, objectType: "paper", objectId: paper.id, revisionId: paper.latest?.id ?? null });
    return paper;
  }),
  revisions: authedProcedure.input(paperIdSchema).query(({ ctx, input }) => listPaperRevisions(ctx.db, ctx.viewer, input.paperId)),
  compare: authedProcedure.input(comparePaperRevisionsSchema).query(({ ctx, input }) => comparePaperRevisions(ctx.db, ctx.viewer, input)),
  create: authedProcedure.input(createPaperSchema).mutation(({ ctx, input }) => createPaper(ctx.db, ctx.viewer, input)),
  save: authedProcedure.input(savePaperSchema).mutation(({ ctx, input }) => savePaper(ctx.db, ctx.viewer, input)),
  saveDraft: authedProcedure.input(savePaperDraftSchema).mutation(({ ctx, input }) => savePaperDraft(ctx.db, ctx.viewer, input)),
  discardDraft: authedProcedure.input(paperIdSchema).mutation(({ ctx, input }) => discardPaperDraft(ctx.db, ctx.viewer, input.paperId)),
  raiseRelease: authedProcedure.input(raisePaperReleaseSchema).mutation(({ ctx, input }) => raisePaperRelease(ctx.db, ctx.viewer, input)),
  withdraw: authedProcedure.input(paperVersionSchema).mutation(({ ctx, input }) => withdrawPaper(ctx.db, ctx.viewer, input)),
});
