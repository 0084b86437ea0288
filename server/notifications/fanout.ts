import type { EmailMode, NotificationKind, Prisma } from "@/prisma/generated/client";
import type { Db } from "@/server/db";
import { loadViewer } from "@/server/access";
import { DEFAULT_EMAIL } from "@/server/notifications/kinds";
import { describeObjects, objectKey } from "@/server/notifications/objects";

// The notification fan-out (README "Notifications"): each notification event (the outbox recordAudit
// writes in the change's transaction) becomes one notification per person who may read its object
// now, and an email queued for those who want it at once — in one transaction with marking the
// event processed, so an event is fanned out exactly once even with several app servers (each
// claims its events with FOR UPDATE SKIP LOCKED) or a crash half way (the transaction rolls back).

type Tx = Prisma.TransactionClient;
type ClaimedEvent = {
  id: bigint;
  kind: NotificationKind;
  seriesId: string;
  sessionId: string | null;
  actorId: string | null;
  objectType: string;
  objectId: string;
  data: Prisma.JsonValue;
};

/** Whom an event may concern, before the visibility check: the addressed people, or the series' members. */
async function candidates(tx: Tx, event: ClaimedEvent): Promise<string[]> {
  const data = (event.data ?? {}) as { recipients?: unknown };
  if (Array.isArray(data.recipients)) {
    return data.recipients.filter((r): r is string => typeof r === "string");
  }
  const members = await tx.membership.findMany({
    where: {
      seriesId: event.seriesId,
      removedAt: null,
      user: { deactivatedAt: null },
      ...(event.kind === "INVITATION_ACCEPTED" ? { role: "CONVENOR" as const } : {}),
    },
    select: { userId: true },
  });
  return [...new Set(members.map((m) => m.userId))];
}

/** The people among `userIds` who may read the event's object now (each through server/access). */
async function readers(tx: Tx, event: ClaimedEvent, userIds: string[], now: number): Promise<string[]> {
  const out: string[] = [];
  const key = objectKey({ type: event.objectType, id: event.objectId });
  for (const userId of userIds) {
    if (userId === event.actorId) continue;
    const viewer = await loadViewer(tx as unknown as Db, userId, now);
    if (!viewer) continue;
    const described = await describeObjects(tx as unknown as Db, viewer, [{ type: event.objectType, id: event.objectId }]);
    if (described.has(key)) out.push(userId);
  }
  return out;
}

async function emailModes(tx: Tx, kind: NotificationKind, userIds: string[]): Promise<Map<string, EmailMode>> {
  const prefs = await tx.notificationPreference.findMany({ where: { kind, userId: { in: userIds } }, select: { userId: true, email: true } });
  const chosen = new Map(prefs.map((p) => [p.userId, p.email]));
  return new Map(userIds.map((u) => [u, chosen.get(u) ?? DEFAULT_EMAIL[kind]]));
}

async function fanOutEvent(tx: Tx, event: ClaimedEvent, now: number): Promise<number> {
  const recipients = await readers(tx, event, await candidates(tx, event), now);
  if (recipients.length > 0) {
    const modes = await emailModes(tx, event.kind, recipients);
    const created = await tx.notification.createManyAndReturn({
      data: recipients.map((userId) => ({
        userId,
        eventId: event.id,
        kind: event.kind,
        seriesId: event.seriesId,
        sessionId: event.sessionId,
        objectType: event.objectType,
        objectId: event.objectId,
        digestPending: modes.get(userId) === "DIGEST",
      })),
      skipDuplicates: true,
      select: { id: true, userId: true },
    });
    const immediate = created.filter((n) => modes.get(n.userId) === "IMMEDIATE");
    if (immediate.length > 0) {
      await tx.emailOutbox.createMany({
        data: immediate.map((n) => ({ idempotencyKey: `n:${n.id}`, userId: n.userId, notificationIds: [n.id] })),
        skipDuplicates: true,
      });
    }
  }
  await tx.notificationEvent.update({ where: { id: event.id }, data: { processedAt: new Date(now) } });
  return recipients.length;
}

/**
 * Fans out up to `limit` pending events, oldest first; returns how many events were processed.
 * Each event in its own transaction: one that fails (and is retried next round) holds no other back.
 */
export async function fanOutPending(db: Db, options: { limit?: number; now?: () => number } = {}): Promise<number> {
  const limit = options.limit ?? 50;
  const now = options.now ?? Date.now;
  let processed = 0;
  for (let i = 0; i < limit; i++) {
    const done = await db.$transaction(async (tx) => {
      const [event] = await tx.$queryRaw<ClaimedEvent[]>`
        SELECT "id", "kind", "seriesId", "sessionId", "actorId", "objectType", "objectId", "data"
          FROM "NotificationEvent" WHERE "processedAt" IS NULL
          ORDER BY "id" LIMIT 1 FOR UPDATE SKIP LOCKED`;
      if (!event) return false;
      await fanOutEvent(tx, event, now());
      return true;
    });
    if (!done) break;
    processed++;
  }
  return processed;
}

/** How far ahead "a session starting in 24 hours" looks. */
export const SESSION_SOON_MS = 24 * 60 * 60 * 1000;

/**
 * Queues a "starts within 24 hours" event once per session and start time (a rescheduled session is
 * announced again): sessions with a published agenda, not yet started or concluded.
 */
export async function scheduleSessionSoon(db: Db, now: Date = new Date()): Promise<number> {
  const soon = await db.session.findMany({
    where: { status: "AGENDA_PUBLISHED", startsAt: { gt: now, lte: new Date(now.getTime() + SESSION_SOON_MS) } },
    select: { id: true, seriesId: true, startsAt: true },
  });
  if (soon.length === 0) return 0;
  const created = await db.notificationEvent.createMany({
    data: soon.map((s) => ({
      dedupeKey: `session-soon:${s.id}:${s.startsAt.toISOString()}`,
      kind: "SESSION_SOON" as const,
      action: "session.starting_soon",
      seriesId: s.seriesId,
      sessionId: s.id,
      objectType: "session",
      objectId: s.id,
    })),
    skipDuplicates: true,
  });
  return created.count;
}
