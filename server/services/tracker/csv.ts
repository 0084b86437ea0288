import { orNotFound, requireMembership, visibleSeriesWhere, type Viewer } from "@/server/access";
import type { Db } from "@/server/db";
import { seriesTimelines } from "@/server/services/tracker/tracker";

/**
 * The series tracker as CSV: one row per issue and session with figures, each party's released
 * position (party codes only: no person, no affiliation, whatever the attribution rule), spread,
 * agreement and status. Computed from what the viewer may see only, like the pages.
 */
export async function trackerCsv(db: Db, viewer: Viewer, seriesId: string): Promise<{ filename: string; body: string }> {
  requireMembership(viewer, seriesId);
  const [series, { parties, sessions, issues, timelines }] = await Promise.all([
    orNotFound(db.series.findFirst({ where: { AND: [visibleSeriesWhere(viewer), { id: seriesId }] }, select: { shortName: true, illustrative: true } }), "Series not found"),
    seriesTimelines(db, viewer, seriesId),
  ]);
  const sessionById = new Map(sessions.map((s) => [s.id, s] as const));
  const header = [
    "issue",
    "kind",
    "session",
    "session_date",
    ...parties.flatMap((p) => [`${p.code}_position`, `${p.code}_carried`, `${p.code}_red_line`]),
    "spread_steps",
    "spread",
    "agreement",
    "status",
    "outlier",
    "illustrative",
  ];
  const lines = [header.map(cell).join(",")];
  const codeOf = new Map(parties.map((p) => [p.id, p.code] as const));
  for (const issue of issues) {
    for (const point of timelines.get(issue.id) ?? []) {
      const session = sessionById.get(point.sessionId)!;
      const byParty = new Map(point.positions.map((p) => [p.partyId, p] as const));
      lines.push(
        [
          issue.title,
          issue.kind,
          session.title,
          session.startsAt.toISOString().slice(0, 10),
          ...parties.flatMap((p) => {
            const pos = byParty.get(p.id);
            return pos ? [pos.position, pos.carried ? "yes" : "no", pos.redLine ? "yes" : "no"] : ["", "", ""];
          }),
          point.spreadSteps ?? "",
          point.spread === null ? "" : point.spread.toFixed(4),
          point.agreement === null ? "" : point.agreement.toFixed(4),
          point.status,
          point.outlier ? (codeOf.get(point.outlier) ?? "") : "",
          // Demo data says so in every row it leaves the platform in.
          series.illustrative ? "yes" : "no",
        ]
          .map(cell)
          .join(","),
      );
    }
  }
  const safeName = series.shortName.replace(/[^A-Za-z0-9_-]+/g, "-");
  return { filename: `tracker-${safeName}.csv`, body: lines.join("\r\n") + "\r\n" };
}

/** RFC 4180 quoting; text that a spreadsheet would run as a formula is defused with a leading apostrophe. */
function cell(value: string | number): string {
  if (typeof value === "number") return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
