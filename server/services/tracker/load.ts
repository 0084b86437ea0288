import {
  requireMembership,
  visibleAgendaItemsWhere,
  visibleIssuesWhere,
  visibleSessionsWhere,
  visibleStancesWhere,
  type Viewer,
} from "@/server/access";
import type { Db } from "@/server/db";
import type { StanceRecord } from "@/server/domain/convergence/timeline";

/**
 * What the tracker reads, always through the access fragments: only sessions, issues, agenda items
 * and released stances (never drafts, not even the viewer's own) the viewer may see. Every loader
 * is one SQL query whatever the number of issues and sessions.
 */

export type TrackerParty = { id: string; code: string; name: string };
export type TrackerSession = {
  id: string;
  title: string;
  startsAt: Date;
  timeZone: string;
  status: string;
  stancesSealedAt: Date | null;
  stancesRevealedAt: Date | null;
};
export type TrackerIssue = {
  id: string;
  title: string;
  kind: "PROPOSITION" | "DETERRENCE_CRITERION";
  topic: string;
  scaleMin: number;
  scaleMax: number;
  scaleLabels: string[];
};

export const TRACKER_ISSUE_SELECT = {
  id: true,
  title: true,
  kind: true,
  topic: true,
  scaleMin: true,
  scaleMax: true,
  scaleLabels: true,
} as const;

/**
 * The series' parties (not guarded: a member knows who sits at the table), in the series' order
 * (by code, as SERIES_PARTIES), so the tracker lists them as the board, the agenda and the papers do.
 */
export async function loadParties(db: Db, viewer: Viewer, seriesId: string): Promise<TrackerParty[]> {
  requireMembership(viewer, seriesId);
  return db.party.findMany({
    where: { series: { some: { seriesId } } },
    select: { id: true, code: true, name: true },
    orderBy: { code: "asc" },
  });
}

/** The sessions of the series the viewer may see, oldest first. */
export function loadSessions(db: Db, viewer: Viewer, seriesId: string): Promise<TrackerSession[]> {
  return db.session.findMany({
    where: { AND: [visibleSessionsWhere(viewer), { seriesId }] },
    select: { id: true, title: true, startsAt: true, timeZone: true, status: true, stancesSealedAt: true, stancesRevealedAt: true },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
  });
}

/** The series' current (not archived) issues the viewer may see. */
export function loadIssues(db: Db, viewer: Viewer, seriesId: string, opts: { kind?: TrackerIssue["kind"]; ids?: string[] } = {}) {
  return db.issue.findMany({
    where: {
      AND: [
        visibleIssuesWhere(viewer),
        { seriesId, archivedAt: null },
        opts.kind ? { kind: opts.kind } : {},
        opts.ids ? { id: { in: opts.ids } } : {},
      ],
    },
    select: TRACKER_ISSUE_SELECT,
    orderBy: [{ kind: "asc" }, { title: "asc" }],
  }) as Promise<TrackerIssue[]>;
}

/**
 * (issue, session) pairs where a visible agenda item of the given sessions (the series' visible
 * ones, from loadSessions) discusses the issue.
 */
export function loadAgendaLinks(db: Db, viewer: Viewer, sessionIds: string[], issueIds?: string[]) {
  return db.agendaItem.findMany({
    where: {
      AND: [visibleAgendaItemsWhere(viewer), { sessionId: { in: sessionIds }, issueId: issueIds ? { in: issueIds } : { not: null } }],
    },
    select: { issueId: true, sessionId: true },
  }) as Promise<{ issueId: string; sessionId: string }[]>;
}

/**
 * Every released stance the viewer may see in the given sessions (the series' visible ones, from
 * loadSessions), optionally of some issues, in one query. The explicit session ids let PostgreSQL
 * walk the (sessionId, partyId, releaseLevel) index instead of the fragment's relation filters.
 */
export function loadReleasedStances(db: Db, viewer: Viewer, sessionIds: string[], issueIds?: string[]): Promise<StanceRecord[]> {
  return db.stance.findMany({
    where: {
      AND: [
        visibleStancesWhere(viewer, { releasedOnly: true }),
        { sessionId: { in: sessionIds }, releaseLevel: { not: "PARTY" } },
        issueIds ? { issueId: { in: issueIds } } : {},
      ],
    },
    select: { issueId: true, sessionId: true, partyId: true, position: true, redLine: true, priority: true },
  });
}

/** Released stances of the given sessions with their rationale, for the deterrence matrix's tooltips. */
export function loadReleasedCriterionStances(db: Db, viewer: Viewer, sessionIds: string[], criterionIds: string[]) {
  return db.stance.findMany({
    where: {
      AND: [
        visibleStancesWhere(viewer, { releasedOnly: true }),
        { sessionId: { in: sessionIds }, issueId: { in: criterionIds }, releaseLevel: { not: "PARTY" } },
      ],
    },
    select: { issueId: true, sessionId: true, partyId: true, position: true, redLine: true, priority: true, rationale: true },
  });
}

/** Groups rows by issue id in one pass. */
export function byIssue<R extends { issueId: string }>(rows: readonly R[]): Map<string, R[]> {
  const out = new Map<string, R[]>();
  for (const r of rows) {
    const list = out.get(r.issueId);
    if (list) list.push(r);
    else out.set(r.issueId, [r]);
  }
  return out;
}

/** Per issue: the sessions at which it has figures — its agenda sessions and those with a position recorded. */
export function issueSessionSets(links: readonly { issueId: string; sessionId: string }[], stances: readonly StanceRecord[]) {
  const out = new Map<string, Set<string>>();
  const add = (issueId: string, sessionId: string) => {
    const set = out.get(issueId);
    if (set) set.add(sessionId);
    else out.set(issueId, new Set([sessionId]));
  };
  for (const l of links) add(l.issueId, l.sessionId);
  for (const s of stances) add(s.issueId, s.sessionId);
  return out;
}

export function labelOf(issue: Pick<TrackerIssue, "scaleMin" | "scaleLabels">, position: number): string {
  return issue.scaleLabels[position - issue.scaleMin] ?? String(position);
}
