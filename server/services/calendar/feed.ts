import { randomBytes } from "node:crypto";
import ical, { ICalCalendarMethod } from "ical-generator";
import { visibleSessionsWhere, type Viewer } from "@/server/access";
import { recordAudit } from "@/server/audit";
import { gzipSync } from "node:zlib";
import type { Db } from "@/server/db";
import { cachedAcrossSeries } from "@/server/services/tracker/cache";
import { env } from "@/server/env";
import { SESSION_CARD } from "@/server/services/sessions/select";
import { recordDownload } from "@/server/read-log";

/** randomBytes(24) in base64url: 32 characters. Anything else (e.g. the column's cuid default) is not a feed token. */
const TOKEN = /^[A-Za-z0-9_-]{32}$/;

export function newCalendarToken(): string {
  return randomBytes(24).toString("base64url");
}

export function isCalendarToken(token: string): boolean {
  return TOKEN.test(token);
}

/** The app's public origin: NEXTAUTH_URL when set, else the request's own origin. */
export function publicOrigin(headers: Headers, fallback = "http://127.0.0.1:3000"): string {
  const configured = env().NEXTAUTH_URL;
  if (configured) return configured.replace(/\/+$/, "");
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (!host) return fallback;
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || (host.startsWith("127.0.0.1") || host.startsWith("localhost") ? "http" : "https");
  return `${proto}://${host}`;
}

export function feedUrl(origin: string, token: string): string {
  return `${origin}/api/calendar/${token}.ics`;
}

/**
 * The viewer's feed token. Accounts start with the column's default (a cuid, which is not secret
 * enough for a URL that grants reading): the first request issues a random one in its place.
 */
export async function calendarTokenFor(db: Db, userId: string): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { calendarToken: true } });
  if (isCalendarToken(user.calendarToken)) return user.calendarToken;
  const token = newCalendarToken();
  await db.$transaction(async (tx) => {
    // Only if nobody issued one meanwhile; the loser of a race reads the winner's token below.
    const { count } = await tx.user.updateMany({ where: { id: userId, calendarToken: user.calendarToken }, data: { calendarToken: token } });
    if (count === 1) {
      await recordAudit(tx, { actorId: userId, action: "calendar.token_issued", subject: { kind: "ownAccount", id: userId } });
    }
  });
  return (await db.user.findUniqueOrThrow({ where: { id: userId }, select: { calendarToken: true } })).calendarToken;
}

/** Replaces the token: the old URL stops working at once. */
export async function resetCalendarToken(db: Db, userId: string): Promise<string> {
  const token = newCalendarToken();
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { calendarToken: token } });
    // The summary never carries the token.
    await recordAudit(tx, { actorId: userId, action: "calendar.token_reset", subject: { kind: "ownAccount", id: userId } });
  });
  return token;
}

/**
 * The viewer a feed token stands for: the account's active memberships, as loadViewer builds them,
 * without a sign-in session to check (the token is the credential). Unknown token or deactivated
 * account: null.
 */
export async function loadFeedViewer(db: Db, token: string): Promise<Viewer | null> {
  if (!isCalendarToken(token)) return null;
  const user = await db.user.findUnique({
    where: { calendarToken: token },
    select: {
      id: true,
      email: true,
      name: true,
      isAdmin: true,
      deactivatedAt: true,
      memberships: { where: { removedAt: null }, select: { id: true, seriesId: true, role: true, partyId: true } },
    },
  });
  if (!user || user.deactivatedAt) return null;
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    isAdmin: user.isAdmin,
    memberships: user.memberships.map((m) => ({ membershipId: m.id, seriesId: m.seriesId, role: m.role, partyId: m.partyId })),
  };
}

/** Newest first, at most this many: a feed is for the calendar, not an archive. */
const FEED_LIMIT = 500;

/** The iCal text of the sessions the viewer may see. */
export async function buildFeed(db: Db, viewer: Viewer, origin: string): Promise<string> {
  const sessions = await db.session.findMany({
    where: visibleSessionsWhere(viewer),
    select: {
      ...SESSION_CARD,
      updatedAt: true,
      series: { select: { shortName: true, name: true } },
    },
    orderBy: { startsAt: "desc" },
    take: FEED_LIMIT,
  });
  const calendar = ical({
    name: `Trilogue: ${viewer.name}`,
    description: "Sessions of the Trilogue dialogues you may see",
    prodId: { company: "Trilogue", product: "sessions", language: "EN" },
    method: ICalCalendarMethod.PUBLISH,
    ttl: 60 * 60,
  });
  for (const s of sessions) {
    const url = `${origin}/sessions/${s.id}`;
    calendar.createEvent({
      id: `${s.id}@trilogue`,
      start: s.startsAt,
      end: s.endsAt,
      timezone: s.timeZone,
      stamp: s.updatedAt,
      summary: `${s.series.shortName}: ${s.title}`,
      location: s.isVirtual ? "Virtual" : (s.place ?? ""),
      description: `${s.series.name}\n${url}`,
      url,
    });
  }
  return calendar.toString();
}

/**
 * The feed's text and its gzip, shared between viewers of the same classes in the same series while
 * those series are unchanged (cachedAcrossSeries: sessions are all a feed shows), so an unchanged
 * calendar is neither rebuilt nor compressed again.
 */
export async function cachedFeed(db: Db, viewer: Viewer, origin: string): Promise<{ text: string; gzip: Uint8Array<ArrayBuffer> }> {
  const feed = await cachedAcrossSeries(db, viewer, `calendar\u0000${origin}\u0000${viewer.name}`, async () => ({ text: await buildFeed(db, viewer, origin) }));
  let gzip = compressed.get(feed);
  if (!gzip) {
    gzip = new Uint8Array(gzipSync(feed.text));
    compressed.set(feed, gzip);
  }
  return { text: feed.text, gzip };
}
/** Each held feed's gzip, made once (beside it: a shared value is frozen, a Buffer cannot be). */
const compressed = new WeakMap<object, Uint8Array<ArrayBuffer>>();

/** The whole answer of GET /api/calendar/<token>.ics. */
export async function feedResponse(db: Db, rawToken: string, headers: Headers): Promise<Response> {
  const token = rawToken.replace(/\.ics$/, "");
  const viewer = await loadFeedViewer(db, token);
  const noStore = { "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" };
  if (!viewer) return new Response("Not found", { status: 404, headers: { ...noStore, "Content-Type": "text/plain; charset=utf-8" } });
  const feed = await cachedFeed(db, viewer, publicOrigin(headers));
  // The feed is the person's own calendar: recorded as a download of their feed (README "Read log").
  recordDownload({ db, viewer, headers }, { seriesId: null, objectType: "export", objectId: viewer.userId }, "ics");
  const gzip = /\bgzip\b/.test(headers.get("accept-encoding") ?? "");
  return new Response(gzip ? (feed.gzip) : feed.text, {
    status: 200,
    headers: {
      ...noStore,
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="trilogue.ics"',
      Vary: "Accept-Encoding",
      ...(gzip ? { "Content-Encoding": "gzip" } : {}),
    },
  });
}

/** The viewer's secret feed URL on this server's public origin, issuing a token on first use. */
export async function getCalendarFeedUrl(db: Db, userId: string, headers: Headers) {
  return { url: feedUrl(publicOrigin(headers), await calendarTokenFor(db, userId)) };
}

/** Replaces the viewer's token and answers the new URL; the old one stops working at once. */
export async function resetCalendarFeedUrl(db: Db, userId: string, headers: Headers) {
  return { url: feedUrl(publicOrigin(headers), await resetCalendarToken(db, userId)) };
}
