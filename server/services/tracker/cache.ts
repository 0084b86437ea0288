import { Prisma } from "@/prisma/generated/client";
import type { Viewer } from "@/server/access";
import type { Db } from "@/server/db";

/**
 * A small in-process cache of computed series figures, so the heatmap of a large series does not
 * reload and recompute tens of thousands of stances on every request.
 *
 * Safety: an entry is keyed by the series and the viewer's *visibility class* in it — the exact set
 * of (role, party) memberships that every access fragment reads for that series — so two viewers
 * share an entry only when every fragment gives them the same rows. Scholars see per-person
 * material (their invitations) and are never cached. An entry is used only while the series'
 * fingerprint (counts and latest change of its sessions, issues, agenda items, scholar
 * invitations, stances and parties) is unchanged: any write a fragment could see moves it. The
 * fingerprint is an aggregate read only to decide reuse; it is never shown.
 */

const MAX_ENTRIES = 64;
const entries = new Map<string, { fingerprint: string; value: unknown }>();

/** The viewer's visibility class in a series, or null when their view must not be shared. */
export function visibilityClass(viewer: Viewer, seriesId: string): string | null {
  const mine = viewer.memberships.filter((m) => m.seriesId === seriesId);
  if (mine.length === 0 || mine.some((m) => m.role === "SCHOLAR")) return null;
  return mine
    .map((m) => `${m.role}:${m.role === "DELEGATE" ? (m.partyId ?? "") : ""}`)
    .sort()
    .join("|");
}

/** One query: what changed in the series, as a string (never shown to anyone). */
export async function seriesFingerprint(db: Db, seriesId: string): Promise<string> {
  const rows = await db.$queryRaw<{ f: string }[]>(Prisma.sql`
    WITH s AS (SELECT id, "updatedAt" FROM "Session" WHERE "seriesId" = ${seriesId})
    SELECT concat_ws(';',
      (SELECT count(*) || ':' || coalesce(max("updatedAt")::text, '') FROM s),
      (SELECT count(*) || ':' || coalesce(max("updatedAt")::text, '') FROM "Issue" WHERE "seriesId" = ${seriesId}),
      (SELECT count(*) || ':' || coalesce(max(a."updatedAt")::text, '') FROM "AgendaItem" a WHERE a."sessionId" IN (SELECT id FROM s)),
      (SELECT count(*) || ':' || coalesce(max(st."updatedAt")::text, '') FROM "Stance" st WHERE st."sessionId" IN (SELECT id FROM s)),
      (SELECT count(*)::text FROM "AgendaItemScholar" x JOIN "AgendaItem" a ON a.id = x."agendaItemId" WHERE a."sessionId" IN (SELECT id FROM s)),
      (SELECT string_agg(p.id || ':' || p.version, ',' ORDER BY p.id) FROM "SeriesParty" sp JOIN "Party" p ON p.id = sp."partyId" WHERE sp."seriesId" = ${seriesId})
    ) AS f`);
  return rows[0]?.f ?? "";
}

/**
 * The cached value for (series, viewer's class) if the series has not changed since, else a fresh
 * one from `compute`. Viewers without a shareable class always get `compute()`.
 */
export async function cachedForSeries<T>(db: Db, viewer: Viewer, seriesId: string, name: string, compute: () => Promise<T>): Promise<T> {
  const cls = visibilityClass(viewer, seriesId);
  if (cls === null) return compute();
  const key = `${name}\u0000${seriesId}\u0000${cls}`;
  const fingerprint = await seriesFingerprint(db, seriesId);
  const held = entries.get(key);
  if (held && held.fingerprint === fingerprint) {
    // Most recently used last, for eviction.
    entries.delete(key);
    entries.set(key, held);
    return held.value as T;
  }
  const value = await compute();
  entries.set(key, { fingerprint, value });
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  return value;
}

/** For tests. */
export function clearTrackerCache() {
  entries.clear();
}
