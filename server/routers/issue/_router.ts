import { createIssueSchema, issueIdSchema, issueVersionSchema, listIssuesSchema, updateIssueSchema } from "@/lib/schemas/issues";
import { createIssue, getIssue, listIssues, setIssueArchived, updateIssue } from "@/server/services/issues/issues";
import { authedProcedure, router, seriesProcedure } from "@/server/trpc/init";

/** Issues (propositions and deterrence criteria) a series tracks across sessions. */
export const issueRouter = router({
  /** What the viewer may see of a series' issues; non-members get NOT_FOUND. */
  list: seriesProcedure.input(listIssuesSchema).query(({ ctx, input }) => listIssues(ctx.db, ctx.viewer, input)),
  get: authedProcedure.input(issueIdSchema).query(({ ctx, input }) => getIssue(ctx.db, ctx.viewer, input.issueId)),
  // Changes: convenors of the series; other members FORBIDDEN; everyone else NOT_FOUND.
  create: seriesProcedure.input(createIssueSchema).mutation(({ ctx, input }) => createIssue(ctx.db, ctx.viewer, input)),
  update: authedProcedure.input(updateIssueSchema).mutation(({ ctx, input }) => updateIssue(ctx.db, ctx.viewer, input)),
  archive: authedProcedure.input(issueVersionSchema).mutation(({ ctx, input }) => setIssueArchived(ctx.db, ctx.viewer, input, true)),
  unarchive: authedProcedure.input(issueVersionSchema).mutation(({ ctx, input }) => setIssueArchived(ctx.db, ctx.viewer, input, false)),
});
