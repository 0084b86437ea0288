import { z } from "zod";
import { id } from "@/lib/schemas/common";
import { getBriefingMarkdown, getBriefingSummary } from "@/server/services/briefing/summary";
import { authedProcedure, router } from "@/server/trpc/init";

const sessionInput = z.object({ sessionId: id });

/** The session briefing book: convenors and delegates of the series; everyone else NOT_FOUND. */
export const briefingRouter = router({
  /** The book as Markdown, exactly what the .md download holds. */
  markdown: authedProcedure.input(sessionInput).query(({ ctx, input }) => getBriefingMarkdown(ctx.db, ctx.viewer, input.sessionId)),
  /** What the viewer's book contains, for the briefing tab. */
  summary: authedProcedure.input(sessionInput).query(({ ctx, input }) => getBriefingSummary(ctx.db, ctx.viewer, input.sessionId)),
});
