import { zonedParts } from "@/lib/schemas/agenda";
import type { Db } from "@/server/db";
import { invalid } from "@/server/errors";
import type { Tx } from "@/server/services/kit";


export type Actor = { userId: string };

/** Item changes of one session are serialised: positions are read and written under this lock. */
export async function lockSession(tx: Tx, sessionId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Session" WHERE id = ${sessionId} FOR UPDATE`;
}

/** The next position at the end of a session's agenda. */
export async function nextPosition(tx: Tx, sessionId: string): Promise<number> {
  const last = await tx.agendaItem.aggregate({ where: { sessionId }, _max: { position: true } });
  return (last._max.position ?? 0) + 1;
}

/** After publication every change of the agenda is marked for members. */
export async function touchPublishedAgenda(tx: Tx, session: { id: string; agendaPublishedAt: Date | null }, at: Date): Promise<void> {
  if (session.agendaPublishedAt) await tx.session.update({ where: { id: session.id }, data: { agendaUpdatedAt: at } });
}

/** An issue of the same series that is not archived. */
export async function assertIssueOfSeries(db: Db | Tx, issueId: string, seriesId: string): Promise<void> {
  const issue = await db.issue.findUnique({ where: { id: issueId }, select: { seriesId: true, archivedAt: true } });
  if (!issue || issue.seriesId !== seriesId) throw invalid("Choose an issue of this series", "issueId");
  if (issue.archivedAt) throw invalid("That issue is archived; choose an active issue", "issueId");
}

/** A party of the series. */
export async function assertPartyOfSeries(db: Db | Tx, partyId: string, seriesId: string): Promise<void> {
  const link = await db.seriesParty.findUnique({ where: { seriesId_partyId: { seriesId, partyId } }, select: { partyId: true } });
  if (!link) throw invalid("Choose a party of this series", "proposingPartyId");
}

/** A time slot lies within the session's day(s), in the session's zone, and does not end before it starts. */
export function assertSlot(
  session: { startsAt: Date; endsAt: Date; timeZone: string },
  startsAt: Date | null,
  endsAt: Date | null,
): void {
  const first = zonedParts(session.startsAt, session.timeZone).day;
  const last = zonedParts(session.endsAt, session.timeZone).day;
  for (const [field, at] of [
    ["startsAt", startsAt],
    ["endsAt", endsAt],
  ] as const) {
    if (!at) continue;
    const day = zonedParts(at, session.timeZone).day;
    if (day < first || day > last) {
      throw invalid(first === last ? `The time slot must be on the session's day (${first})` : `The time slot must be within the session's days (${first} to ${last})`, field);
    }
  }
  if (startsAt && endsAt && endsAt.getTime() < startsAt.getTime()) throw invalid("The end is before the start", "endsAt");
}
