import { AppError } from "@/server/errors";
import { currentViewer } from "@/server/auth/session";
import { limitDownload } from "@/server/rate-limit";
import { db } from "@/server/db";
import { recordDownload } from "@/server/read-log";
import { briefingFileName, buildBriefingBook } from "@/server/services/briefing/book";
import { briefingDownload } from "@/server/services/briefing/summary";

// The briefing book as Markdown: the same book object as the PDF, rendered as text.
export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ sessionId: string }> }) {
  const { sessionId } = await params;
  const viewer = await currentViewer();
  if (!viewer) return new Response("Sign in to download the briefing book.", { status: 401 });
  // Each download is work (a PDF is a Chromium render): counted per person (server/rate-limit.ts).
  const limited = await limitDownload(db(), viewer.userId, { action: "briefing.md", objectType: "Session", objectId: sessionId });
  if (limited) return limited;
  try {
    const book = await buildBriefingBook(db(), viewer, sessionId);
    const fileName = briefingFileName(book.series.shortName, book.session.title, "md");
    const download = briefingDownload(book);
    recordDownload({ db: db(), viewer, headers: request.headers }, { seriesId: book.series.id, objectType: "export", objectId: book.session.id }, "md");
    const gzip = /\bgzip\b/.test(request.headers.get("accept-encoding") ?? "");
    return new Response(gzip ? download.gzip : download.bytes, {
      headers: {
        "Content-Type": "text/markdown; charset=utf-8",
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Cache-Control": "private, no-store",
        Vary: "Accept-Encoding",
        ...(gzip ? { "Content-Encoding": "gzip" } : {}),
      },
    });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return new Response("Not found", { status: 404 });
    throw error;
  }
}
