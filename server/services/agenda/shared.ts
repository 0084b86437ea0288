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

/** What changed in substance on an item since publication (AgendaItem.changes); the rest is not marked. */
export type ItemChange = "added" | "moved" | "title" | "description" | "time" | "issue" | "status";

/** The marks after a change: the old ones and the new, each once, in a stable order. */
export function withChanges(current: string[], added: ItemChange[]): ItemChange[] {
  const order: ItemChange[] = ["added", "moved", "title", "description", "time", "issue", "status"];
  const all = new Set([...current, ...added]);
  return order.filter((c) => all.has(c));
}

/**
 * The items a convenor moved, from the order before and after: those outside the longest run kept in
 * the same relative order. Moving item 2 to 6 shifts 3…6 by one, but only item 2 was moved.
 */
export function movedItems(before: string[], after: string[]): string[] {
  const rank = new Map(before.map((id, i) => [id, i]));
  const seq = after.map((id) => rank.get(id) ?? -1);
  // Longest increasing subsequence (O(n²): an agenda has tens of items).
  const length = seq.map(() => 1);
  const prev = seq.map(() => -1);
  for (let i = 0; i < seq.length; i++) {
    for (let j = 0; j < i; j++) {
      if (seq[j]! < seq[i]! && length[j]! + 1 > length[i]!) {
        length[i] = length[j]! + 1;
        prev[i] = j;
      }
    }
  }
  let end = length.indexOf(Math.max(0, ...length));
  const kept = new Set<string>();
  while (end >= 0) {
    kept.add(after[end]!);
    end = prev[end]!;
  }
  return after.filter((id) => !kept.has(id));
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
