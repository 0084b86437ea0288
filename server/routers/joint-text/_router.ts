import {
  compareJointTextSchema,
  createJointTextSchema,
  editJointTextSchema,
  jointTextIdSchema,
  jointTextVersionSchema,
  listJointTextsSchema,
  proposeJointTextSchema,
  raiseJointTextReleaseSchema,
  setJointTextHoldSchema,
  tableProposalSchema,
  withdrawProposalSchema,
} from "@/lib/schemas/joint-texts";
import { getJointTextShared } from "@/server/services/joint-texts/cached";
import { compareJointTextRevisions, listJointTextRevisions, listJointTexts } from "@/server/services/joint-texts/read";
import {
  createJointText,
  editJointText,
  proposeOnJointText,
  raiseJointTextRelease,
  setJointTextHold,
  tableJointText,
  tableProposal,
  withdrawProposal,
} from "@/server/services/joint-texts/write";
import { recordRead } from "@/server/read-log";
import { authedProcedure, router } from "@/server/trpc/init";

/**
 * Joint texts (DESIGN.md "Joint texts"): reads through visibleJointTextsWhere (NOT_FOUND otherwise);
 * the chair (a convenor) drafts, tables and releases; a delegate proposes, tables and withdraws their
 * party's proposals and holds or lifts their party's holds. Every change to the text is a revision.
 */
export const jointTextRouter = router({
  listForSession: authedProcedure.input(listJointTextsSchema).query(({ ctx, input }) => listJointTexts(ctx.db, ctx.viewer, input.sessionId)),
  get: authedProcedure.input(jointTextIdSchema).query(async ({ ctx, input }) => {
    const text = await getJointTextShared(ctx.db, ctx.viewer, input.textId);
    recordRead(ctx, { seriesId: text.session.seriesId, objectType: "joint_text", objectId: text.id, revisionId: text.currentRevisionId });
    return text;
  }),
  revisions: authedProcedure.input(jointTextIdSchema).query(({ ctx, input }) => listJointTextRevisions(ctx.db, ctx.viewer, input.textId)),
  compare: authedProcedure.input(compareJointTextSchema).query(({ ctx, input }) => compareJointTextRevisions(ctx.db, ctx.viewer, input)),
  create: authedProcedure.input(createJointTextSchema).mutation(({ ctx, input }) => createJointText(ctx.db, ctx.viewer, input)),
  edit: authedProcedure.input(editJointTextSchema).mutation(({ ctx, input }) => editJointText(ctx.db, ctx.viewer, input)),
  table: authedProcedure.input(jointTextVersionSchema).mutation(({ ctx, input }) => tableJointText(ctx.db, ctx.viewer, input)),
  raiseRelease: authedProcedure.input(raiseJointTextReleaseSchema).mutation(({ ctx, input }) => raiseJointTextRelease(ctx.db, ctx.viewer, input)),
  setHold: authedProcedure.input(setJointTextHoldSchema).mutation(({ ctx, input }) => setJointTextHold(ctx.db, ctx.viewer, input)),
  propose: authedProcedure.input(proposeJointTextSchema).mutation(({ ctx, input }) => proposeOnJointText(ctx.db, ctx.viewer, input)),
  tableProposal: authedProcedure.input(tableProposalSchema).mutation(({ ctx, input }) => tableProposal(ctx.db, ctx.viewer, input)),
  withdrawProposal: authedProcedure.input(withdrawProposalSchema).mutation(({ ctx, input }) => withdrawProposal(ctx.db, ctx.viewer, input)),
});
