import type { MemberRole } from "@/prisma/generated/client";
import { invalid, notFound } from "@/server/errors";
import type { DbOrTx } from "@/server/services/kit";


/**
 * The rules a role in a series must follow, shared by invitations and role changes: a delegate
 * speaks for a party of the series; scholars join track 1.5 series only. Returns the membership
 * fields to store (party only for delegates, affiliation only for scholars).
 */
export async function membershipFieldsFor(
  db: DbOrTx,
  seriesId: string,
  role: MemberRole,
  partyId: string | null | undefined,
  affiliation: string | null | undefined,
): Promise<{ role: MemberRole; partyId: string | null; affiliation: string | null }> {
  const series = await db.series.findUnique({
    where: { id: seriesId },
    select: { track: true, parties: { select: { partyId: true } } },
  });
  if (!series) throw notFound("Series not found");
  if (role === "DELEGATE") {
    if (!partyId) throw invalid("Choose the party the delegate speaks for", "partyId");
    if (!series.parties.some((p) => p.partyId === partyId)) throw invalid("Choose a party of this series", "partyId");
    return { role, partyId, affiliation: null };
  }
  if (role === "SCHOLAR") {
    if (series.track !== "TRACK_1_5") throw invalid("Scholars can only join track 1.5 series", "role");
    return { role, partyId: null, affiliation: affiliation?.trim() || null };
  }
  return { role, partyId: null, affiliation: null };
}
