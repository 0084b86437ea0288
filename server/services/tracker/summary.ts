import { statusOfLetter, TRACKER_STATUSES, type TrackerStatus } from "@/lib/vocabulary";
import type { Viewer } from "@/server/access";
import type { Db } from "@/server/db";
import { listSeries } from "@/server/services/series/series";
import { getSeriesOverview } from "@/server/services/tracker/tracker";

/** At most this many changed issues are named per series; the count says how many there are. */
const CHANGED_SHOWN = 5;

/**
 * Convergence across the viewer's series, for the Tracker page: per series, how many issues stand at
 * each status (their latest), and which issues changed status at the last session that has figures.
 * Built from each series' own tracker figures as the viewer may read them (released positions only,
 * cached per series and visibility class), so nothing here counts what the series tracker would not.
 */
export async function getTrackerSummary(db: Db, viewer: Viewer) {
  const series = await listSeries(db, viewer);
  const open = series.filter((s) => s.archivedAt === null);
  return Promise.all(
    open.map(async (s) => {
      const overview = await getSeriesOverview(db, viewer, s.id);
      const counts = Object.fromEntries(TRACKER_STATUSES.map((st) => [st, 0])) as Record<TrackerStatus, number>;
      for (const issue of overview.issues) if (issue.latest) counts[issue.latest.status] += 1;
      // The last session at which any issue has figures, and each issue's status there against its previous one.
      let last = -1;
      for (const issue of overview.issues) {
        for (let i = issue.statuses.length - 1; i > last; i--) {
          if (statusOfLetter(issue.statuses[i]!) !== null) {
            last = i;
            break;
          }
        }
      }
      const changed: { id: string; title: string; from: TrackerStatus | null; to: TrackerStatus }[] = [];
      if (last >= 0) {
        for (const issue of overview.issues) {
          const to = statusOfLetter(issue.statuses[last]!);
          if (!to) continue;
          let from: TrackerStatus | null = null;
          for (let i = last - 1; i >= 0 && from === null; i--) from = statusOfLetter(issue.statuses[i]!);
          if (from !== to) changed.push({ id: issue.id, title: issue.title, from, to });
        }
      }
      const session = last >= 0 ? overview.sessions[last]! : null;
      return {
        series: { id: s.id, shortName: s.shortName, name: s.name, illustrative: s.illustrative },
        issues: overview.issues.length,
        counts,
        lastSession: session ? { id: session.id, title: session.title, startsAt: session.startsAt, timeZone: session.timeZone } : null,
        changedCount: changed.length,
        changed: changed.slice(0, CHANGED_SHOWN),
      };
    }),
  );
}
