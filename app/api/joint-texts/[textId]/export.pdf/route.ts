import { cookies } from "next/headers";
import { AppError } from "@/server/errors";
import { currentViewer } from "@/server/auth/session";
import { limitDownload } from "@/server/rate-limit";
import { db } from "@/server/db";
import { recordDownload } from "@/server/read-log";
import { renderBriefingPdf } from "@/server/services/briefing/pdf";
import { buildJointTextExport, exportFileName, ILLUSTRATIVE_LABEL } from "@/server/services/joint-texts/export";

// A joint text's current revision as PDF: its print page, printed by headless Chromium like the
// briefing book, with the release marking in every page's header and footer. NOT_FOUND (404)
// unless the viewer may read the text.
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function GET(request: Request, { params }: { params: Promise<{ textId: string }> }) {
  const { textId } = await params;
  const viewer = await currentViewer();
  if (!viewer) return new Response("Sign in to download the joint text.", { status: 401 });
  // Each download is work (a PDF is a Chromium render): counted per person (server/rate-limit.ts).
  const limited = await limitDownload(db(), viewer.userId, { action: "joint-text.pdf", objectType: "JointText", objectId: textId });
  if (limited) return limited;
  let doc;
  try {
    doc = await buildJointTextExport(db(), viewer, textId);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return new Response("Not found", { status: 404 });
    throw error;
  }
  const pdf = await renderBriefingPdf({
    path: `/print/joint-texts/${encodeURIComponent(doc.id)}`,
    cookies: (await cookies()).getAll(),
    header: doc.marking,
    illustrativeLabel: doc.illustrative ? ILLUSTRATIVE_LABEL : null,
    pageLabel: "Page {page} of {pages}",
    footerNote: doc.marking,
  });
  recordDownload({ db: db(), viewer, headers: request.headers }, { seriesId: doc.seriesId, objectType: "joint_text", objectId: doc.id }, "pdf");
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${exportFileName(doc, "pdf")}"`,
      "Content-Length": String(pdf.length),
      "Cache-Control": "private, no-store",
    },
  });
}
