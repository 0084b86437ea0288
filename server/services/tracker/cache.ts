import { Prisma } from "@/prisma/generated/client";
import type { Viewer } from "@/server/access";
import type { Db } from "@/server/db";
import { ChangeAwareCache } from "@/server/changes/cache";

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
const entries = new Map<string, { stamp: string; value: unknown }>();
/** Computations under way, so concurrent misses for one key and stamp compute once. */
const pending = new Map<string, { stamp: string; value: Promise<unknown> }>();

/** The viewer's visibility class in a series, or null when their view must not be shared. */
export function visibilityClass(viewer: Viewer, seriesId: string): string | null {
  const mine = viewer.memberships.filter((m) => m.seriesId === seriesId);
  if (mine.length === 0 || mine.some((m) => m.role === "SCHOLAR")) return null;
  return mine
    .map((m) => `${m.role}:${m.role === "DELEGATE" ? (m.partyId ?? "") : ""}`)
    .sort()
    .join("|");
}

/**
 * One primary-key lookup: the series' change stamp (never shown to anyone), or null when the series
 * has none yet. The time is part of it so that a stamp row removed and created again (TRUNCATE in
 * tests) never repeats an earlier value.
 */
export async function seriesStamp(db: Db, seriesId: string): Promise<string | null> {
  const rows = await db.$queryRaw<{ s: string }[]>(
    Prisma.sql`SELECT "version"::text || '@' || "changedAt"::text AS s FROM "SeriesTrackerStamp" WHERE "seriesId" = ${seriesId}`,
  );
  return rows[0]?.s ?? null;
}

const stamps = new ChangeAwareCache<string | null>("trilogue_series", 1_000);

/** The series' stamp, held while the change feed listens (see above), else read. */
export function currentSeriesStamp(db: Db, seriesId: string): Promise<string | null> {
  return stamps.get(seriesId, () => seriesStamp(db, seriesId));
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
  const held = entries.get(key);
  if (held && held.stamp === stamp) {
    // Most recently used last, for eviction.
    entries.delete(key);
    entries.set(key, held);
    return held.value as T;
  }
  const running = pending.get(key);
  if (running && running.stamp === stamp) return running.value as Promise<T>;
  const value = compute();
  pending.set(key, { stamp, value });
  try {
    const result = await value;
    entries.delete(key);
    entries.set(key, { stamp, value: result });
    while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
    return result;
  } finally {
    if (pending.get(key)?.value === value) pending.delete(key);
  }
}

/** For tests. */
export function clearTrackerCache() {
  entries.clear();
  pending.clear();
}

/** For tests: how many entries are held (bounded by MAX_ENTRIES). */
export function trackerCacheSize() {
  return entries.size;
}
