import "server-only";
import { cookies } from "next/headers";
import { DEFAULT_ZONE, VIEWER_ZONE_COOKIE, validTimeZone } from "@/lib/format";

/** The zone a page shows "other times" in: the browser's, as its cookie reports it, else UTC. */
export async function viewerZone(): Promise<string> {
  return validTimeZone((await cookies()).get(VIEWER_ZONE_COOKIE)?.value) ?? DEFAULT_ZONE;
}
