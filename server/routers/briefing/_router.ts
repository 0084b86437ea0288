import { z } from "zod";
import { id } from "@/lib/schemas/common";
import { briefingFileName, buildBriefingBook } from "@/server/services/briefing/book";
import { renderBriefingMarkdown } from "@/server/services/briefing/markdown";
import { authedProcedure, router } from "@/server/trpc/init";

const sessionInput = z.object({ sessionId: id });

/** The session briefing book: convenors and delegates of the series; everyone else NOT_FOUND. */
export const briefingRouter = router({
  /** The book as Markdown, exactly what the .md download holds. */
  markdown: authedProcedure.input(sessionInput).query(async ({ ctx, input }) =>
    renderBriefingMarkdown(await buildBriefingBook(ctx.db, ctx.viewer, input.sessionId)),
  ),

  /** What the viewer's book contains, for the briefing tab. */
  summary: authedProcedure.input(sessionInput).query(async ({ ctx, input }) => {
    const book = await buildBriefingBook(ctx.db, ctx.viewer, input.sessionId, { outline: true });
    return {
      attribution: book.attribution,
      illustrative: book.illustrative,
      reader: book.reader,
      agendaItems: book.agenda.length,
      papers: book.papers.length,
      stanceIssues: book.stances.length,
      hasTracker: book.tracker !== null,
      panels: book.panels.length,
      minutes: book.minutes ? (book.minutes.released ? ("RELEASED" as const) : ("DRAFT" as const)) : null,
      fileNames: {
        pdf: briefingFileName(book.series.shortName, book.session.title, "pdf"),
        md: briefingFileName(book.series.shortName, book.session.title, "md"),
      },
    };
  }),
});
