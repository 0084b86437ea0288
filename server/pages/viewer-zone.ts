import "server-only";
import { cookies } from "next/headers";
import { DEFAULT_ZONE, VIEWER_ZONE_COOKIE, validTimeZone } from "@/lib/format";
import { currentAccount } from "@/server/trpc/server";

/**
 * The zone a page shows "other times" in: the person's choice on the account page, else the
 * browser's as its cookie reports it, else UTC.
 */
export async function viewerZone(): Promise<string> {
  return (await viewerZoneChoice()).zone;
}

/** The zone and whether the person chose it (then the browser's own zone is not reported). */
export async function viewerZoneChoice(): Promise<{ zone: string; chosen: boolean }> {
  const me = await currentAccount();
  if (me.timeZone) return { zone: me.timeZone, chosen: true };
  return { zone: validTimeZone((await cookies()).get(VIEWER_ZONE_COOKIE)?.value) ?? DEFAULT_ZONE, chosen: false };
}
