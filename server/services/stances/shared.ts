import { invalid } from "@/server/errors";
import type { Tx } from "@/server/services/kit";


/**
 * Stance changes take a shared lock on their session row; sealing, submitting and opening take an
 * exclusive one. So a seal never lands between a release's check and its write, and the last two
 * submissions of a sealed session cannot both miss that they were the last.
 */
export async function lockSessionShared(tx: Tx, sessionId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Session" WHERE id = ${sessionId} FOR SHARE`;
}

export async function lockSessionExclusive(tx: Tx, sessionId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Session" WHERE id = ${sessionId} FOR UPDATE`;
}

export const DUPLICATE_STANCE =
  "Your party already recorded a stance on this issue at this session. Open that stance to change it instead.";
export const STALE_STANCE = "Someone in your party saved this stance since you opened it. Compare both versions and save again.";

export const CONCLUDED_STANCES =
  "This session has concluded, so its stances are locked. Record a new position at the next session, where this one is carried until then.";

/** Checks shared by every stance change of a party: a concluded session is locked, a submitted seal too. */
export function assertPartyMayChange(
  session: { status: string; stancesSealedAt: Date | null; stancesRevealedAt: Date | null; sealSubmissions: { partyId: string }[] },
  partyId: string,
): void {
  if (session.status === "CONCLUDED") throw invalid(CONCLUDED_STANCES);
  const sealedOpen = session.stancesSealedAt !== null && session.stancesRevealedAt === null;
  if (sealedOpen && session.sealSubmissions.some((s) => s.partyId === partyId)) {
    throw invalid("Your party has submitted its stances for this sealed session; they cannot change until the seal is opened.");
  }
}

export function assertOnScale(position: number, issue: { scaleMin: number; scaleMax: number }): void {
  if (!Number.isInteger(position) || position < issue.scaleMin || position > issue.scaleMax) {
    throw invalid(`Choose a point on the issue's scale, from ${issue.scaleMin} to ${issue.scaleMax}`, "position");
  }
}

/** The label of a point, or the number itself if the scale has no label for it. */
export function labelOf(issue: { scaleMin: number; scaleLabels: string[] }, position: number): string {
  return issue.scaleLabels[position - issue.scaleMin] ?? String(position);
}
