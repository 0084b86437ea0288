import type { Prisma } from "@/prisma/generated/client";
import type { Db } from "@/server/db";
import type { Viewer } from "@/server/access";
import { INBOX_PAGE, type NotificationKindName } from "@/lib/schemas/notifications";
import { DEFAULT_EMAIL, KIND_LABELS, NOTIFICATION_KINDS } from "@/server/notifications/kinds";
import { describeObjects, headlineVariant, notificationHeadline, notificationHref, objectKey } from "@/server/notifications/objects";

// The in-app inbox. A notification is shown, and counted, only while its reader may read its object
// (describeObjects, through server/access): a release withdrawn by a removed membership disappears
// from the inbox and the bell alike. Queries per call do not grow with the inbox: one for the page,
// one or two per kind of object on it.

/** The bell's count stops here ("99+"). */
export const UNREAD_CAP = 99;

const SELECT = {
  id: true,
  kind: true,
  objectType: true,
  objectId: true,
  createdAt: true,
  readAt: true,
  event: { select: { action: true } },
} as const satisfies Prisma.NotificationSelect;

export async function listInbox(db: Db, viewer: Viewer, input: { unreadOnly?: boolean; kind?: NotificationKindName; cursor?: string }) {
  const where: Prisma.NotificationWhereInput = {
    userId: viewer.userId,
    ...(input.unreadOnly ? { readAt: null } : {}),
    ...(input.kind ? { kind: input.kind } : {}),
  };
  const rows = await db.notification.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: INBOX_PAGE + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    select: SELECT,
  });
  const page = rows.slice(0, INBOX_PAGE);
  const objects = await describeObjects(db, viewer, page.map((n) => ({ type: n.objectType, id: n.objectId })));
  const items = page.flatMap((n) => {
    const object = objects.get(objectKey({ type: n.objectType, id: n.objectId }));
    if (!object) return [];
    return [
      {
        id: n.id,
        kind: n.kind,
        headline: notificationHeadline(n.kind, object, n.event.action),
        /** The sentence's key and its title, for the reader's language. */
        variant: headlineVariant(n.kind, object, n.event.action),
        title: object.title,
        href: notificationHref(n.kind, object),
        seriesShortName: object.seriesShortName,
        marking: object.marking,
        createdAt: n.createdAt,
        readAt: n.readAt,
      },
    ];
  });
  return { items, nextCursor: rows.length > INBOX_PAGE ? page.at(-1)!.id : null };
}

/** Unread notifications the viewer may still read, up to UNREAD_CAP + 1 (the bell shows "99+"). */
export async function unreadCount(db: Db, viewer: Viewer): Promise<{ count: number; capped: boolean }> {
  const rows = await db.notification.findMany({
    where: { userId: viewer.userId, readAt: null },
    orderBy: { createdAt: "desc" },
    take: UNREAD_CAP + 1,
    select: { objectType: true, objectId: true },
  });
  if (rows.length === 0) return { count: 0, capped: false };
  const objects = await describeObjects(db, viewer, rows.map((n) => ({ type: n.objectType, id: n.objectId })));
  const count = rows.filter((n) => objects.has(objectKey({ type: n.objectType, id: n.objectId }))).length;
  return { count: Math.min(count, UNREAD_CAP), capped: count > UNREAD_CAP };
}

/** Marks the viewer's own notifications read; another person's ids change nothing. */
export async function markRead(db: Db, viewer: Viewer, ids: string[]): Promise<{ marked: number }> {
  const { count } = await db.notification.updateMany({ where: { id: { in: ids }, userId: viewer.userId, readAt: null }, data: { readAt: new Date() } });
  return { marked: count };
}

export async function markAllRead(db: Db, viewer: Viewer): Promise<{ marked: number }> {
  const { count } = await db.notification.updateMany({ where: { userId: viewer.userId, readAt: null }, data: { readAt: new Date() } });
  return { marked: count };
}

/** The viewer's email choice per kind (the default where they chose nothing). */
export async function emailPreferences(db: Db, viewer: Viewer) {
  const chosen = new Map(
    (await db.notificationPreference.findMany({ where: { userId: viewer.userId }, select: { kind: true, email: true } })).map((p) => [p.kind, p.email]),
  );
  return NOTIFICATION_KINDS.map((kind) => ({ kind, label: KIND_LABELS[kind], email: chosen.get(kind) ?? DEFAULT_EMAIL[kind], isDefault: !chosen.has(kind) }));
}

export async function setEmailPreference(db: Db, viewer: Viewer, input: { kind: NotificationKindName; email: "IMMEDIATE" | "DIGEST" | "OFF" }) {
  await db.notificationPreference.upsert({
    where: { userId_kind: { userId: viewer.userId, kind: input.kind } },
    create: { userId: viewer.userId, kind: input.kind, email: input.email },
    update: { email: input.email },
  });
  return emailPreferences(db, viewer);
}
