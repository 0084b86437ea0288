import { db } from "@/server/db";
import { feedResponse } from "@/server/services/calendar/feed";

// The per-user iCal feed: the secret token in the URL is the credential (calendar apps send no cookie).
export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return feedResponse(db(), token, request.headers);
}
