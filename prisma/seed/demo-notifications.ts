import type { Prisma } from "@/prisma/generated/client";
import type { Db } from "@/server/db";
import { fanOutPending } from "@/server/notifications/fanout";

// The demo's inboxes: a few of the seeded history's events, as the outbox would have held them had
// they happened through the app (the seed writes through factories, which record no audit trail),
// fanned out by the same worker code, so each demo account's bell shows what it may read — and only that.
export async function seedDemoNotifications(db: Db): Promise<void> {
  const events: Prisma.NotificationEventCreateManyInput[] = [];
  for (const series of await db.series.findMany({ select: { id: true } })) {
    // Each party's latest paper released beyond its delegation.
    const papers = await db.positionPaper.findMany({
      where: { session: { seriesId: series.id }, releaseLevel: { in: ["GOVERNMENTS", "ALL_PARTICIPANTS"] }, partyId: { not: null } },
      orderBy: { releasedAt: "desc" },
      distinct: ["partyId"],
      select: { id: true, sessionId: true, authorId: true },
    });
    for (const p of papers) {
      events.push({ dedupeKey: `demo:release:${p.id}`, kind: "RELEASE", action: "paper.released", seriesId: series.id, sessionId: p.sessionId, actorId: p.authorId, objectType: "paper", objectId: p.id });
    }
    // The next session's published agenda.
    const next = await db.session.findFirst({
      where: { seriesId: series.id, agendaPublishedAt: { not: null }, status: { not: "CONCLUDED" } },
      orderBy: { startsAt: "asc" },
      select: { id: true },
    });
    if (next) {
      events.push({ dedupeKey: `demo:agenda:${next.id}`, kind: "AGENDA", action: "agenda.published", seriesId: series.id, sessionId: next.id, objectType: "session", objectId: next.id });
    }
    // Replies to comments, to their authors.
    const replies = await db.comment.findMany({
      where: { parentId: { not: null }, withdrawnAt: null, OR: [{ agendaItem: { session: { seriesId: series.id } } }, { paper: { session: { seriesId: series.id } } }] },
      select: { id: true, authorId: true, parent: { select: { authorId: true } }, agendaItem: { select: { sessionId: true } }, paper: { select: { sessionId: true } } },
      take: 5,
    });
    for (const r of replies) {
      if (!r.parent || r.parent.authorId === r.authorId) continue;
      events.push({
        dedupeKey: `demo:reply:${r.id}`,
        kind: "REPLY",
        action: "comment.created",
        seriesId: series.id,
        sessionId: r.agendaItem?.sessionId ?? r.paper?.sessionId ?? null,
        actorId: r.authorId,
        objectType: "comment",
        objectId: r.id,
        data: { recipients: [r.parent.authorId] },
      });
    }
  }
  await db.notificationEvent.createMany({ data: events, skipDuplicates: true });
  while ((await fanOutPending(db, { limit: 100 })) > 0) {
    // Until the demo's events are all fanned out.
  }
}
