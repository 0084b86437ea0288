import { assessmentItemSchema, assessmentSessionSchema, saveAssessmentSchema } from "@/lib/schemas/assessments";
import { getMyAssessment, saveAssessment } from "@/server/services/assessments/assessments";
import { getPanel, getPanelsForSession } from "@/server/services/assessments/panel";
import { authedProcedure, router } from "@/server/trpc/init";

/** Scholar assessments (Delphi): a scholar's own rating, and the panel figures everyone who sees the item gets. */
export const assessmentRouter = router({
  /** The viewer's own assessment of an item's issue (null unless they are an invited scholar who gave one). */
  mine: authedProcedure.input(assessmentItemSchema).query(({ ctx, input }) => getMyAssessment(ctx.db, ctx.viewer, input.agendaItemId)),
  // Invited scholars of the series; other members who see the item FORBIDDEN; everyone else NOT_FOUND.
  save: authedProcedure.input(saveAssessmentSchema).mutation(({ ctx, input }) => saveAssessment(ctx.db, ctx.viewer, input)),
  /** Median, IQR, count, consensus and stability — only once at least 3 scholars have assessed. */
  panel: authedProcedure.input(assessmentItemSchema).query(({ ctx, input }) => getPanel(ctx.db, ctx.viewer, input.agendaItemId)),
  panelsForSession: authedProcedure
    .input(assessmentSessionSchema)
    .query(({ ctx, input }) => getPanelsForSession(ctx.db, ctx.viewer, input.sessionId)),
});
