import { Prisma } from "@/prisma/generated/client";
import { visibleAgendaItemsWhere, visibleJointTextsWhere, visiblePapersWhere, visibleSessionsWhere, visibleStancesWhere, type Viewer } from "@/server/access";
import type { Db } from "@/server/db";
import { ChangeAwareCache, StampedCache } from "@/server/changes/cache";
import { notFound } from "@/server/errors";
import { shareImmutable } from "@/server/serialization";

/**
 * A small in-process cache of computed series figures, so the heatmap of a large series does not
 * reload and recompute tens of thousands of stances on every request.
 *
 * Safety: an entry is keyed by the series and the viewer's *visibility class* in it — the exact set
 * of (role, party) memberships that every access fragment reads for that series — so two viewers
 * share an entry only when every fragment gives them the same rows. Scholars see per-person
 * material (their invitations) and are never cached.
 *
 * Freshness: an entry is used only while the series' stamp ("SeriesTrackerStamp", one row per
 * series) is unchanged. PostgreSQL triggers bump it in the same transaction as every insert, update
 * or delete of the series' sessions, issues, agenda items, scholar invitations, stances, parties
 * and memberships (migration tracker_stamp), so no code path can forget to invalidate. Checking
 * it is one primary-key lookup. The stamp is read *before* the figures are computed, so an entry
 * is never older than its stamp; a series without a stamp row is never cached.
 *
 * In the web server that lookup is itself held while PostgreSQL's change feed listens: the stamp
 * row announces every bump (migration change_notifications), which empties the held stamp, and a
 * mutation ending in this process empties it before its answer (server/changes/feed.ts). So a
 * repeated view costs no query at all; without a listening feed every view reads the stamp.
 */

const MAX_ENTRIES = 64;
const entries = new StampedCache(MAX_ENTRIES);

/** The viewer's visibility class in a series, or null when their view must not be shared. */
export function visibilityClass(viewer: Viewer, seriesId: string): string | null {
  const mine = viewer.memberships.filter((m) => m.seriesId === seriesId);
  if (mine.length === 0 || mine.some((m) => m.role === "SCHOLAR")) return null;
  return mine
    .map((m) => `${m.role}:${m.role === "DELEGATE" ? (m.partyId ?? "") : ""}`)
    .sort()
    .join("|");
}

type Stamps = { tracker: string; content: string };

/**
 * One primary-key lookup: the series' change stamps (never shown to anyone), or null when the series
 * has none yet. `tracker` changes with every write the tracker's figures depend on; `content` with
 * those and with every write to what the other cached views show (papers, comments, minutes,
 * assessments, stance revisions, names: migration content_stamp). The times are part of them so
 * that a stamp row removed and created again (TRUNCATE in tests) never repeats an earlier value.
 */
export async function seriesStamps(db: Db, seriesId: string): Promise<Stamps | null> {
  const rows = await db.$queryRaw<Stamps[]>(
    Prisma.sql`SELECT "version"::text || '@' || "changedAt"::text AS tracker,
      "version"::text || '.' || "contentVersion"::text || '@' || "changedAt"::text || '@' || "contentChangedAt"::text AS content
      FROM "SeriesTrackerStamp" WHERE "seriesId" = ${seriesId}`,
  );
  return rows[0] ?? null;
}

/** The tracker stamp alone (see seriesStamps). */
export async function seriesStamp(db: Db, seriesId: string): Promise<string | null> {
  return (await seriesStamps(db, seriesId))?.tracker ?? null;
}

const stamps = new ChangeAwareCache<Stamps | null>("trilogue_series", 1_000);

/** The series' tracker stamp, held while the change feed listens (see above), else read. */
export async function currentSeriesStamp(db: Db, seriesId: string): Promise<string | null> {
  return (await stamps.get(seriesId, () => seriesStamps(db, seriesId)))?.tracker ?? null;
}

/** The series' content stamp, held like the tracker stamp. */
export async function currentContentStamp(db: Db, seriesId: string): Promise<string | null> {
  return (await stamps.get(seriesId, () => seriesStamps(db, seriesId)))?.content ?? null;
}

/** For tests: whether a series' stamp is held. */
export function seriesStampHeld(seriesId: string): boolean {
  return stamps.has(seriesId);
}

/**
 * The cached value for (series, viewer's class) if the series has not changed since, else a fresh
 * one from `compute`. Viewers without a shareable class always get `compute()`.
 */
export async function cachedForSeries<T>(db: Db, viewer: Viewer, seriesId: string, name: string, compute: () => Promise<T>): Promise<T> {
  const cls = visibilityClass(viewer, seriesId);
  if (cls === null) return compute();
  const key = `${name}\u0000${seriesId}\u0000${cls}`;
  const stamp = await currentSeriesStamp(db, seriesId);
  if (stamp === null) return compute();
  return entries.get(key, stamp, compute);
}

/**
 * Which series a session belongs to, read through the session fragment and held while the change
 * feed listens. It only chooses where to look: the caller must then find the session among what
 * the viewer's own figures hold (loaded through the same fragments), else answer NOT_FOUND.
 */
const sessionSeries = new ChangeAwareCache<string>("trilogue_series", 5_000);

export async function seriesOfSession(db: Db, viewer: Viewer, sessionId: string): Promise<string> {
  return sessionSeries.get(sessionId, async () => {
    const row = await db.session.findFirst({ where: { AND: [visibleSessionsWhere(viewer), { id: sessionId }] }, select: { seriesId: true } });
    if (!row) throw notFound("Session not found");
    return row.seriesId;
  });
}

/**
 * A view of one session, cached like the series figures: per the session's series, the viewer's
 * visibility class there and the series' stamp (so only views built from tables the stamp covers
 * may use it — sessions, agenda items, issues, stances, scholar invitations, seal submissions,
 * series, parties, memberships; see the tracker_stamp migrations). `compute` reads through the
 * access fragments and decides NOT_FOUND; it runs on every call for viewers without a shareable
 * class (scholars). The answer is shared between requests: deep-frozen, serialised once.
 */
export async function cachedForSession<T extends object>(db: Db, viewer: Viewer, sessionId: string, name: string, compute: () => Promise<T>): Promise<T> {
  const seriesId = await seriesOfSession(db, viewer, sessionId);
  return cachedForSeries(db, viewer, seriesId, `${name}\u0000${sessionId}`, async () => shareImmutable(await compute()));
}

const views = new StampedCache(256);

/**
 * A read view shared like the tracker's figures, but under the series' *content* stamp: per series,
 * the viewer's visibility class there and the content stamp, so it may read anything the tracker
 * and content_stamp triggers cover (sessions, agenda items, issues, stances and their revisions,
 * seal submissions, papers, their revisions and links, comments, minutes and their revisions,
 * assessments, memberships, parties, series, people's names) — never a per-person table (drafts,
 * thread visits) and nothing that depends on the viewer beyond their class: per-person flags are
 * added by the caller after the cache. `compute` reads through the access fragments and decides
 * NOT_FOUND (errors are never kept); scholars and non-members always compute. The answer is
 * deep-frozen and serialised once.
 */
export async function cachedInSeries<T extends object>(db: Db, viewer: Viewer, seriesId: string, key: string, compute: () => Promise<T>): Promise<T> {
  const cls = visibilityClass(viewer, seriesId);
  if (cls === null) return compute();
  const stamp = await currentContentStamp(db, seriesId);
  if (stamp === null) return compute();
  return views.get(`${key}\u0000${seriesId}\u0000${cls}`, stamp, async () => shareImmutable(await compute()));
}

/**
 * A view across all of the viewer's series (the dashboard, the tracker overview), shared between
 * viewers with the same visibility class in every one of their series, under all those series'
 * tracker stamps — so it may read only what the tracker stamp covers. A viewer with any series in
 * which their class is not shareable (a scholar), or any series without a stamp, always computes.
 * `isFresh` lets a view that also depends on the clock (what is still upcoming) refuse a held value.
 */
export async function cachedAcrossSeries<T extends object>(
  db: Db,
  viewer: Viewer,
  name: string,
  compute: () => Promise<T>,
  isFresh?: (value: T) => boolean,
): Promise<T> {
  const seriesIds = [...new Set(viewer.memberships.map((m) => m.seriesId))].sort();
  const classes: string[] = [];
  for (const id of seriesIds) {
    const cls = visibilityClass(viewer, id);
    if (cls === null) return compute();
    classes.push(`${id}=${cls}`);
  }
  const stampsNow = await Promise.all(seriesIds.map((id) => currentSeriesStamp(db, id)));
  if (stampsNow.some((s) => s === null)) return compute();
  return views.get(`${name}\u0000${classes.join(",")}`, stampsNow.join(","), async () => shareImmutable(await compute()), isFresh);
}

/** cachedInSeries for a view of one session (its series found through seriesOfSession). */
export async function cachedInSession<T extends object>(db: Db, viewer: Viewer, sessionId: string, key: string, compute: () => Promise<T>): Promise<T> {
  const seriesId = await seriesOfSession(db, viewer, sessionId);
  return cachedInSeries(db, viewer, seriesId, `${key}\u0000${sessionId}`, compute);
}

type SeriesLookup = (db: Db, viewer: Viewer, id: string) => Promise<{ seriesId: string } | null>;
// One query each: the session found through the object's own access fragment.
const OBJECT_SERIES: Record<"paper" | "item" | "stance" | "jointText", SeriesLookup> = {
  paper: (db, viewer, id) => db.session.findFirst({ where: { papers: { some: { AND: [visiblePapersWhere(viewer), { id }] } } }, select: { seriesId: true } }),
  item: (db, viewer, id) => db.session.findFirst({ where: { agendaItems: { some: { AND: [visibleAgendaItemsWhere(viewer), { id }] } } }, select: { seriesId: true } }),
  stance: (db, viewer, id) => db.session.findFirst({ where: { stances: { some: { AND: [visibleStancesWhere(viewer), { id }] } } }, select: { seriesId: true } }),
  jointText: (db, viewer, id) => db.session.findFirst({ where: { jointTexts: { some: { AND: [visibleJointTextsWhere(viewer), { id }] } } }, select: { seriesId: true } }),
};
const objectSeries = new ChangeAwareCache<string>("trilogue_series", 20_000);

/**
 * Which series a paper, agenda item or stance belongs to, read through its access fragment and
 * held while the change feed listens (an object never changes series). Like seriesOfSession it only
 * chooses where to look: the caller's own read must still find the object, else NOT_FOUND.
 */
export async function seriesOf(db: Db, viewer: Viewer, kind: keyof typeof OBJECT_SERIES, id: string): Promise<string> {
  return objectSeries.get(`${kind}:${id}`, async () => {
    const row = await OBJECT_SERIES[kind](db, viewer, id);
    if (!row) throw notFound(`${{ item: "Agenda item", paper: "Paper", stance: "Stance", jointText: "Joint text" }[kind]} not found`);
    return row.seriesId;
  });
}

/** Forgets a session's series (it was deleted, or is not among the figures it should be in). */
export function forgetSessionSeries(sessionId: string): void {
  sessionSeries.invalidate(sessionId);
}

/**
 * Answers derived from a cached value (the heatmap, each session's view), built once each while
 * that value is held, deep-frozen and serialised once (server/serialization.ts). They go with the
 * value: a new stamp, another class or a scholar's uncached figures build afresh.
 */
const derived = new WeakMap<object, Map<string, object>>();

export function derivedOnce<T extends object>(owner: object, key: string, build: () => T): T {
  let views = derived.get(owner);
  if (!views) {
    views = new Map();
    derived.set(owner, views);
  }
  let view = views.get(key) as T | undefined;
  if (!view) {
    view = shareImmutable(build());
    views.set(key, view);
  }
  return view;
}

/** For tests: how many entries are held (bounded by MAX_ENTRIES). */
export function trackerCacheSize() {
  return entries.size;
}
