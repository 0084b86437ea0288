import { AppError } from "@/server/errors";
import { currentViewer } from "@/server/auth/session";
import { limitDownload } from "@/server/rate-limit";
import { db } from "@/server/db";
import { recordDownload } from "@/server/read-log";
import { trackerCsv } from "@/server/services/tracker/csv";

// The series tracker as CSV, for the signed-in viewer: what they may see, party positions only.
// Not a member (or no such series) → 404, exactly alike; signed out → 401.
export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ seriesId: string }> }) {
  const viewer = await currentViewer();
  if (!viewer) return new Response("Sign in to continue.", { status: 401, headers: { "content-type": "text/plain; charset=utf-8" } });
  // Each download is work (a PDF is a Chromium render): counted per person (server/rate-limit.ts).
  const { seriesId } = await params;
  const limited = await limitDownload(db(), viewer.userId, { action: "tracker.csv", objectType: "Series", objectId: seriesId });
  if (limited) return limited;
  try {
    const { filename, body } = await trackerCsv(db(), viewer, seriesId);
    recordDownload({ db: db(), viewer, headers: request.headers }, { seriesId, objectType: "export", objectId: seriesId }, "csv");
    return new Response(body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${filename}"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") {
      return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
    }
    throw error;
  }
}
