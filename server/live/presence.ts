import type { Db } from "@/server/db";
import { orNotFound, visibleMembershipsWhere, visibleSessionsWhere, type Viewer } from "@/server/access";

/**
 * Presence: who has a session open right now. Each open session stream (server/live/stream.ts)
 * holds one row in PostgreSQL while it lasts — written when it opens, its `seenAt` renewed every
 * PRESENCE_BEAT_MS, deleted when it ends — so every app server answers from the same rows and none
 * keeps state another needs. A row whose server died without deleting it stops counting once
 * `seenAt` is older than PRESENCE_STALE_MS, and is swept by the next stream that opens on the session.
 * Opening and closing are announced as "presence" signals (migration presence).
 */
export const PRESENCE_BEAT_MS = 30_000;
export const PRESENCE_STALE_MS = 90_000;

/** Records an open stream; returns what renews and what ends it. */
export async function enterPresence(db: Db, sessionId: string, userId: string): Promise<{ beat: () => Promise<void>; leave: () => Promise<void> }> {
  const stale = new Date(Date.now() - PRESENCE_STALE_MS);
  await db.presence.deleteMany({ where: { sessionId, seenAt: { lt: stale } } });
  const row = await db.presence.create({ data: { sessionId, userId }, select: { id: true } });
  return {
    beat: async () => {
      await db.presence.updateMany({ where: { id: row.id }, data: { seenAt: new Date() } });
    },
    leave: async () => {
      await db.presence.deleteMany({ where: { id: row.id } });
    },
  };
}

/**
 * Who has the session open: names to those who may see the series' member list (the government
 * side), a count to everyone else (a scholar). NOT_FOUND for a session the viewer may not see.
 */
export async function sessionPresence(db: Db, viewer: Viewer, sessionId: string) {
  const session = await orNotFound(
    db.session.findFirst({ where: { AND: [{ id: sessionId }, visibleSessionsWhere(viewer)] }, select: { seriesId: true } }),
    "Session not found",
  );
  const rows = await db.presence.findMany({
    where: { sessionId, seenAt: { gte: new Date(Date.now() - PRESENCE_STALE_MS) } },
    select: { userId: true },
    distinct: ["userId"],
  });
  const userIds = rows.map((r) => r.userId);
  const named = userIds.length
    ? await db.membership.findMany({
        where: { AND: [visibleMembershipsWhere(viewer), { seriesId: session.seriesId, userId: { in: userIds } }] },
        select: { user: { select: { id: true, name: true } } },
        orderBy: { user: { name: "asc" } },
      })
    : [];
  const mayName = viewer.memberships.some((m) => m.seriesId === session.seriesId && m.role !== "SCHOLAR");
  return {
    count: userIds.length,
    people: mayName ? named.map((m) => ({ id: m.user.id, name: m.user.name, me: m.user.id === viewer.userId })) : null,
  };
}
