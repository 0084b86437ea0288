import { AppError } from "@/server/errors";
import { currentViewer } from "@/server/auth/session";
import { db } from "@/server/db";
import { briefingFileName, buildBriefingBook } from "@/server/services/briefing/book";
import { renderedBriefing } from "@/server/services/briefing/summary";

// The briefing book as Markdown: the same book object as the PDF, rendered as text.
export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ sessionId: string }> }) {
  const { sessionId } = await params;
  const viewer = await currentViewer();
  if (!viewer) return new Response("Sign in to download the briefing book.", { status: 401 });
  try {
    const book = await buildBriefingBook(db(), viewer, sessionId);
    const fileName = briefingFileName(book.series.shortName, book.session.title, "md");
    return new Response(renderedBriefing(book), {
      headers: {
        "Content-Type": "text/markdown; charset=utf-8",
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return new Response("Not found", { status: 404 });
    throw error;
  }
}
