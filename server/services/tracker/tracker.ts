import { STATUS_LETTER, NO_STATUS_LETTER } from "@/lib/schemas/tracker";
import { membershipIn, orNotFound, requireMembership, visibleIssuesWhere, type Viewer } from "@/server/access";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import { carryForward, positionKey } from "@/server/domain/convergence/carry";
import { deterrenceProfile } from "@/server/domain/convergence/deterrence";
import { normalise, type PartyPosition } from "@/server/domain/convergence/figures";
import { issueTimeline, sessionSummary, type TimelinePoint } from "@/server/domain/convergence/timeline";
import { cachedForSeries, derivedOnce, forgetSessionSeries, seriesOfSession } from "@/server/services/tracker/cache";
import {
  byIssue,
  issueSessionSets,
  labelOf,
  loadAgendaLinks,
  loadIssues,
  loadParties,
  loadReleasedStances,
  loadReleasedCriterionStances,
  loadSessions,
  TRACKER_ISSUE_SELECT,
  type TrackerIssue,
  type TrackerParty,
  type TrackerSession,
} from "@/server/services/tracker/load";

/**
 * The convergence tracker (DESIGN.md "Convergence"): per session, per series, per issue and the
 * credible-deterrence profile. Figures are computed by the pure engine in
 * server/domain/convergence from what the viewer may see only; each view runs a fixed number of
 * SQL queries whatever the number of issues and sessions.
 */

function scaleOf(issue: Pick<TrackerIssue, "scaleMin" | "scaleMax">) {
  return { min: issue.scaleMin, max: issue.scaleMax };
}

function describePositions(issue: TrackerIssue, positions: PartyPosition[]) {
  return positions.map((p) => ({
    partyId: p.partyId,
    position: p.position,
    label: labelOf(issue, p.position),
    normalised: normalise(p.position, scaleOf(issue)),
    carried: p.carried,
    redLine: p.redLine,
    priority: p.priority,
  }));
}

function figuresOf(point: TimelinePoint) {
  return {
    status: point.status,
    missing: point.missing,
    spreadSteps: point.spreadSteps,
    spread: point.spread,
    agreement: point.agreement,
    outlier: point.outlier,
    blockedBy: point.blockedBy,
    previousSpreadSteps: point.previousSpreadSteps,
    weight: point.weight,
  };
}

/** Every issue's timeline over the visible sessions, from one load of the series' released stances. */
async function computeSeriesTimelines(db: Db, viewer: Viewer, seriesId: string) {
  const sessionsLoad = loadSessions(db, viewer, seriesId);
  const sessionIdsLoad = sessionsLoad.then((rows) => rows.map((s) => s.id));
  const [series, parties, sessions, issues, links, stances] = await Promise.all([
    // The caller checked membership (seriesTimelines); a series' own row is no one's secret inside it.
    db.series.findUniqueOrThrow({ where: { id: seriesId }, select: { id: true, shortName: true, name: true, illustrative: true } }),
    loadParties(db, viewer, seriesId),
    sessionsLoad,
    loadIssues(db, viewer, seriesId),
    sessionIdsLoad.then((ids) => loadAgendaLinks(db, viewer, ids)),
    sessionIdsLoad.then((ids) => loadReleasedStances(db, viewer, ids)),
  ]);
  const partyIds = parties.map((p) => p.id);
  const sessionOrder = sessions.map((s) => s.id);
  const stancesByIssue = byIssue(stances);
  const issueSessions = issueSessionSets(links, stances);
  const timelines = new Map<string, TimelinePoint[]>();
  for (const issue of issues) {
    timelines.set(
      issue.id,
      issueTimeline({
        partyIds,
        scale: scaleOf(issue),
        sessionOrder,
        issueSessions: issueSessions.get(issue.id) ?? new Set(),
        records: stancesByIssue.get(issue.id) ?? [],
      }),
    );
  }
  /** The issues each session's visible agenda discusses. */
  const agendaIssues = new Map<string, Set<string>>();
  for (const link of links) {
    const set = agendaIssues.get(link.sessionId);
    if (set) set.add(link.issueId);
    else agendaIssues.set(link.sessionId, new Set([link.issueId]));
  }
  return { series, parties, sessions, issues, timelines, agendaIssues };
}

type SeriesFigures = Awaited<ReturnType<typeof computeSeriesTimelines>>;

/**
 * The series' figures for this viewer, reused while nothing in the series changed for viewers who
 * see exactly the same rows (see ./cache.ts). The result is shared: callers must not mutate it.
 */
export function seriesTimelines(db: Db, viewer: Viewer, seriesId: string): Promise<SeriesFigures> {
  requireMembership(viewer, seriesId);
  return cachedForSeries(db, viewer, seriesId, "timelines", () => computeSeriesTimelines(db, viewer, seriesId));
}

/**
 * One session: its issues (those a visible agenda item of the session discusses) with each party's
 * position (recorded there or carried), spread, agreement, status and outlier, the most important
 * first; the priority-weighted share of CONVERGED issues on top.
 *
 * Everything comes from the series' figures for the viewer's class (the session, its agenda's
 * issues, the positions), so a repeated view while the series is unchanged runs no query.
 */
export async function getSessionTracker(db: Db, viewer: Viewer, sessionId: string) {
  const seriesId = await seriesOfSession(db, viewer, sessionId);
  // The same answer as for a session that does not exist, whichever check refuses.
  if (!membershipIn(viewer, seriesId)) throw notFound("Session not found");
  const all = await seriesTimelines(db, viewer, seriesId);
  return derivedOnce(all, `session:${sessionId}`, () => {
    const session = all.sessions.find((s) => s.id === sessionId);
    if (!session) {
      // Deleted since its series was noted (or never visible to this class): look it up afresh next time.
      forgetSessionSeries(sessionId);
      throw notFound("Session not found");
    }
    return buildSessionTracker(all, session);
  });
}

function buildSessionTracker(all: SeriesFigures, session: TrackerSession) {
  const onAgenda = all.agendaIssues.get(session.id) ?? new Set<string>();
  const { parties, timelines } = all;
  const rows = all.issues.filter((issue) => onAgenda.has(issue.id)).map((issue) => {
    const point = timelines.get(issue.id)?.find((p) => p.sessionId === session.id);
    const figures = point
      ? figuresOf(point)
      : { status: "INCOMPLETE" as const, missing: parties.map((p) => p.id), spreadSteps: null, spread: null, agreement: null, outlier: null, blockedBy: null, previousSpreadSteps: null, weight: null };
    return {
      issue: { id: issue.id, title: issue.title, kind: issue.kind, topic: issue.topic, scaleMin: issue.scaleMin, scaleMax: issue.scaleMax, scaleLabels: [...issue.scaleLabels] },
      positions: point ? describePositions(issue, point.positions) : [],
      ...figures,
      missing: [...figures.missing],
    };
  });
  rows.sort((a, b) => (b.weight ?? 0) - (a.weight ?? 0) || a.issue.title.localeCompare(b.issue.title));
  return {
    session: { id: session.id, title: session.title, startsAt: session.startsAt, timeZone: session.timeZone, status: session.status },
    series: { ...all.series },
    sealed: session.stancesSealedAt !== null && session.stancesRevealedAt === null,
    parties: parties.map((p) => ({ ...p })),
    summary: sessionSummary(rows),
    issues: rows,
  };
}

/**
 * Issues × sessions statuses for the heatmap. Each issue's row is a string with one letter per
 * session (STATUS_LETTER; "-" where the issue has no figures), aligned with `sessions`.
 */
export async function getSeriesOverview(db: Db, viewer: Viewer, seriesId: string) {
  const all = await seriesTimelines(db, viewer, seriesId);
  return derivedOnce(all, "overview", () => buildSeriesOverview(all));
}

function buildSeriesOverview({ parties, sessions, issues, timelines }: SeriesFigures) {
  const column = new Map(sessions.map((s, i) => [s.id, i] as const));
  const rows = issues.map((issue) => {
    const points = timelines.get(issue.id) ?? [];
    const letters = new Array<string>(sessions.length).fill(NO_STATUS_LETTER);
    for (const p of points) letters[column.get(p.sessionId)!] = STATUS_LETTER[p.status];
    const last = points.at(-1);
    return {
      id: issue.id,
      title: issue.title,
      kind: issue.kind,
      topic: issue.topic,
      statuses: letters.join(""),
      latest: last ? { sessionId: last.sessionId, status: last.status, spreadSteps: last.spreadSteps, agreement: last.agreement, outlier: last.outlier } : null,
    };
  });
  return {
    parties: parties.map((p) => ({ ...p })),
    sessions: sessions.map((s) => ({ id: s.id, title: s.title, startsAt: s.startsAt, timeZone: s.timeZone })),
    issues: rows,
  };
}

/** One issue: each party's position at each of the series' sessions that discuss it, with its figures. */
export async function getIssueTimeline(db: Db, viewer: Viewer, issueId: string) {
  const issue = await orNotFound(
    db.issue.findFirst({
      where: { AND: [visibleIssuesWhere(viewer), { id: issueId }] },
      select: { ...TRACKER_ISSUE_SELECT, description: true, archivedAt: true, seriesId: true },
    }),
    "Issue not found",
  );
  requireMembership(viewer, issue.seriesId);
  const sessionsLoad = loadSessions(db, viewer, issue.seriesId);
  const sessionIdsLoad = sessionsLoad.then((rows) => rows.map((s) => s.id));
  const [parties, sessions, links, stances] = await Promise.all([
    loadParties(db, viewer, issue.seriesId),
    sessionsLoad,
    sessionIdsLoad.then((ids) => loadAgendaLinks(db, viewer, ids, [issue.id])),
    sessionIdsLoad.then((ids) => loadReleasedStances(db, viewer, ids, [issue.id])),
  ]);
  const sessionById = new Map(sessions.map((s) => [s.id, s] as const));
  const points = issueTimeline({
    partyIds: parties.map((p) => p.id),
    scale: scaleOf(issue),
    sessionOrder: sessions.map((s) => s.id),
    issueSessions: issueSessionSets(links, stances).get(issue.id) ?? new Set(),
    records: stances,
  });
  return {
    issue,
    parties,
    points: points.map((p) => {
      const s = sessionById.get(p.sessionId) as TrackerSession;
      return {
        session: { id: s.id, title: s.title, startsAt: s.startsAt, timeZone: s.timeZone },
        positions: describePositions(issue as TrackerIssue, p.positions),
        ...figuresOf(p),
      };
    }),
  };
}

/**
 * The credible-deterrence profile: the series' DETERRENCE_CRITERION issues × parties, each cell the
 * party's rating at the session (recorded there or carried) or, without a session, its latest one.
 */
export async function getDeterrenceProfile(db: Db, viewer: Viewer, input: { seriesId: string; sessionId?: string }) {
  requireMembership(viewer, input.seriesId);
  const [parties, sessions, criteria] = await Promise.all([
    loadParties(db, viewer, input.seriesId),
    loadSessions(db, viewer, input.seriesId),
    loadIssues(db, viewer, input.seriesId, { kind: "DETERRENCE_CRITERION" }),
  ]);
  if (input.sessionId && !sessions.some((s) => s.id === input.sessionId)) throw notFound("Session not found");
  const stances = await loadReleasedCriterionStances(
    db,
    viewer,
    sessions.map((s) => s.id),
    criteria.map((c) => c.id),
  );
  const order = sessions.map((s) => s.id);
  const at = input.sessionId ?? order.at(-1);
  const held = at ? carryForward(stances, order, at) : new Map<string, never>();
  const sessionById = new Map(sessions.map((s) => [s.id, s] as const));
  const profile = deterrenceProfile(
    parties.map((p) => p.id),
    criteria.map((c) => ({
      issueId: c.id,
      ratings: parties.flatMap((p) => {
        const h = held.get(positionKey(c.id, p.id));
        if (!h) return [];
        const s = sessionById.get(h.record.sessionId);
        return [
          {
            partyId: p.id,
            position: h.record.position,
            label: labelOf(c, h.record.position),
            rationale: h.record.rationale,
            redLine: h.record.redLine,
            carried: h.carried,
            sessionTitle: s?.title ?? "",
          },
        ];
      }),
    })),
  );
  const byId = new Map(criteria.map((c) => [c.id, c] as const));
  return {
    parties,
    session: input.sessionId ? (sessionById.get(input.sessionId) ?? null) : null,
    criteria: profile.criteria.map((c) => {
      const issue = byId.get(c.issueId) as TrackerIssue;
      return { ...c, title: issue.title, topic: issue.topic, scaleMin: issue.scaleMin, scaleMax: issue.scaleMax, scaleLabels: issue.scaleLabels };
    }),
    sharedCore: profile.sharedCore,
    gaps: profile.gaps,
  };
}

export type SessionTracker = Awaited<ReturnType<typeof getSessionTracker>>;
export type SeriesOverview = Awaited<ReturnType<typeof getSeriesOverview>>;
export type IssueTimeline = Awaited<ReturnType<typeof getIssueTimeline>>;
export type DeterrenceProfileView = Awaited<ReturnType<typeof getDeterrenceProfile>>;
export type { TrackerParty };
