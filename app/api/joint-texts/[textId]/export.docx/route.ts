import { AppError } from "@/server/errors";
import { currentViewer } from "@/server/auth/session";
import { limitDownload } from "@/server/rate-limit";
import { db } from "@/server/db";
import { recordDownload } from "@/server/read-log";
import { buildJointTextExport, exportFileName, renderJointTextDocx } from "@/server/services/joint-texts/export";

// A joint text's current revision as Word (.docx), the format delegations exchange. Read through
// the same service as the page: NOT_FOUND (404) unless the viewer may read the text.
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function GET(request: Request, { params }: { params: Promise<{ textId: string }> }) {
  const { textId } = await params;
  const viewer = await currentViewer();
  if (!viewer) return new Response("Sign in to download the joint text.", { status: 401 });
  // Each download is work (a PDF is a Chromium render): counted per person (server/rate-limit.ts).
  const limited = await limitDownload(db(), viewer.userId, { action: "joint-text.docx", objectType: "JointText", objectId: textId });
  if (limited) return limited;
  try {
    const doc = await buildJointTextExport(db(), viewer, textId);
    const file = await renderJointTextDocx(doc);
    recordDownload({ db: db(), viewer, headers: request.headers }, { seriesId: doc.seriesId, objectType: "joint_text", objectId: doc.id }, "docx");
    return new Response(new Uint8Array(file), {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "Content-Disposition": `attachment; filename="${exportFileName(doc, "docx")}"`,
        "Content-Length": String(file.length),
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return new Response("Not found", { status: 404 });
    throw error;
  }
}
