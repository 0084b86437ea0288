import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { AppError } from "@/server/errors";
import { currentViewer } from "@/server/auth/session";
import { limitDownload } from "@/server/rate-limit";
import { db } from "@/server/db";
import { recordDownload } from "@/server/read-log";
import { briefingFileName, briefingSubject } from "@/server/services/briefing/book";
import { renderBriefingPdf } from "@/server/services/briefing/pdf";

// The briefing book as PDF: the app's own print page, printed by headless Chromium.
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function GET(request: Request, { params }: { params: Promise<{ sessionId: string }> }) {
  const { sessionId } = await params;
  const viewer = await currentViewer();
  if (!viewer) return new Response("Sign in to download the briefing book.", { status: 401 });
  // Each download is work (a PDF is a Chromium render): counted per person (server/rate-limit.ts).
  const limited = await limitDownload(db(), viewer.userId, { action: "briefing.pdf", objectType: "Session", objectId: sessionId });
  if (limited) return limited;
  let subject;
  try {
    subject = await briefingSubject(db(), viewer, sessionId);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return new Response("Not found", { status: 404 });
    throw error;
  }
  const t = await getTranslations("briefing");
  const { session } = subject;
  const pdf = await renderBriefingPdf({
    path: `/print/sessions/${encodeURIComponent(session.id)}/briefing`,
    cookies: (await cookies()).getAll(),
    header: `${session.series.shortName} · ${session.title} · ${t("documentTitle")}`,
    illustrativeLabel: session.series.illustrative ? t("illustrative") : null,
    pageLabel: t("pdf.page", { page: "{page}", pages: "{pages}" }),
    footerNote: session.series.attribution === "CHATHAM_HOUSE" ? t("pdf.chathamHouse") : t("pdf.restricted"),
  });
  const fileName = briefingFileName(session.series.shortName, session.title, "pdf");
  recordDownload({ db: db(), viewer, headers: request.headers }, { seriesId: session.series.id, objectType: "export", objectId: session.id }, "pdf");
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Content-Length": String(pdf.length),
      "Cache-Control": "private, no-store",
    },
  });
}
