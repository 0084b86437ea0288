import type { AgendaItemStatus, AttributionRule, IssueKind, ReleaseLevel, SessionStatus, Track } from "@/prisma/generated/client";
import { membershipIn, orNotFound, visibleIssuesWhere, visibleMembershipsWhere, visibleSessionsWhere, type Viewer, type ViewerMembership } from "@/server/access";
import { listAgenda } from "@/server/services/agenda/list";
import { getPanelsForSession } from "@/server/services/assessments/panel";
import { listCommentsForTargets, type ListedComment } from "@/server/services/comments/comments";
import { getMinutes } from "@/server/services/minutes/minutes";
import { latestReadableRevisions, listPapersForSession } from "@/server/services/papers/papers";
import { getStanceBoard } from "@/server/services/stances/board";
import { getSessionTracker } from "@/server/services/tracker/tracker";
import type { Db } from "@/server/db";
import { cachedInSession } from "@/server/services/tracker/cache";
import { notFound } from "@/server/errors";
import { SERIES_WITH_PARTIES } from "@/server/services/series/series";
import { SESSION_CARD } from "@/server/services/sessions/select";

/*
 * The briefing book: one plain object of everything a convenor or delegate may take into a
 * session, built for one viewer. The print page (PDF) and the Markdown export both render this
 * object and nothing else, so what a book may contain is decided here, once:
 *
 * - every read goes through a service (or an access fragment) with the viewer, so a book never
 *   holds more than its reader may see on the platform;
 * - positions are released ones only (drafts never, not even the reader's own party's);
 * - attribution is resolved here: under CHATHAM_HOUSE no person's name, affiliation or party
 *   is attached to a comment, and a scholar's paper is "a participant"'s. Party papers and party
 *   positions stay with their party (a delegation's position is not a person's words).
 */

/** Who said or wrote something, after the series' attribution rule was applied. */
export type BookAttribution =
  | { kind: "participant" }
  | { kind: "party"; code: string; name: string }
  | { kind: "person"; name: string; partyCode: string | null; affiliation: string | null };

export type BookComment = {
  id: string;
  by: BookAttribution;
  at: Date;
  body: string;
  resolved: boolean;
  replies: BookComment[];
};

export type BookIssue = {
  id: string;
  title: string;
  description: string;
  kind: IssueKind;
  topic: string;
  scaleMin: number;
  scaleMax: number;
  scaleLabels: string[];
};

export type BookAgendaItem = {
  id: string;
  position: number;
  title: string;
  description: string;
  status: AgendaItemStatus;
  startsAt: Date | null;
  endsAt: Date | null;
  proposedBy: string | null;
  issue: BookIssue | null;
  comments: BookComment[];
};

export type BookPaper = {
  id: string;
  title: string;
  by: BookAttribution;
  releaseLevel: ReleaseLevel;
  revision: number;
  revisedAt: Date;
  body: string;
  itemTitles: string[];
  comments: BookComment[];
};

export type BookPosition = {
  partyCode: string;
  position: number;
  label: string;
  rationale: string;
  conditions: string;
  redLine: boolean;
  priority: number;
  /** Recorded at an earlier session and carried forward. */
  carriedFrom: string | null;
};

export type BookStanceIssue = {
  issue: BookIssue;
  positions: BookPosition[];
  /** Parties of the series with no released position the reader may see. */
  missing: string[];
};

export type BookTrackerRow = {
  issueTitle: string;
  scaleMin: number;
  scaleMax: number;
  scaleLabels: string[];
  status: "INCOMPLETE" | "BLOCKED" | "CONVERGED" | "NARROWING" | "WIDENING" | "STEADY";
  spreadSteps: number | null;
  agreement: number | null;
  /** Party codes. */
  outlier: string | null;
  blockedBy: string | null;
  missing: string[];
  positions: { partyCode: string; position: number; carried: boolean; redLine: boolean }[];
};

export type BookTracker = {
  /** Priority-weighted share of the session's issues that converged, 0..1, or null. */
  convergedShare: number | null;
  issues: number;
  converged: number;
  rows: BookTrackerRow[];
};

export type BookPanel = {
  itemTitle: string;
  issueTitle: string;
  scaleMin: number;
  scaleMax: number;
  /** Null below the panel's minimum number of assessments. */
  figures: { count: number; median: number | null; q1: number | null; q3: number | null; consensus: boolean; stable: boolean | null } | null;
};

export type BookMinutes = { body: string; releasedAt: Date | null; released: boolean; revision: number };

export type BriefingBook = {
  generatedAt: Date;
  attribution: AttributionRule;
  illustrative: boolean;
  series: { id: string; name: string; shortName: string; track: Track; parties: { code: string; name: string }[] };
  session: {
    id: string;
    title: string;
    startsAt: Date;
    endsAt: Date;
    timeZone: string;
    place: string | null;
    isVirtual: boolean;
    status: SessionStatus;
    agendaPublishedAt: Date | null;
  };
  reader: { role: "CONVENOR" | "DELEGATE"; partyCode: string | null };
  agenda: BookAgendaItem[];
  papers: BookPaper[];
  stances: BookStanceIssue[];
  tracker: BookTracker | null;
  panels: BookPanel[];
  minutes: BookMinutes | null;
};

/**
 * The session and series a book is about, for a reader who may have one: a convenor or delegate
 * of the series. Everyone else — scholars and observers included — gets NOT_FOUND, as if the
 * book did not exist.
 */
export async function briefingSubject(db: Db, viewer: Viewer, sessionId: string) {
  const session = await orNotFound(
    db.session.findFirst({
      where: { AND: [{ id: sessionId }, visibleSessionsWhere(viewer)] },
      select: { ...SESSION_CARD, agendaPublishedAt: true, series: { select: SERIES_WITH_PARTIES } },
    }),
    "Session not found",
  );
  const membership = notFoundUnlessReader(membershipIn(viewer, session.series.id));
  const partyCode = membership.partyId
    ? (session.series.parties.find((p) => p.party.id === membership.partyId)?.party.code ?? null)
    : null;
  return { session, role: membership.role, partyCode };
}

/** Convenors and delegates of the series have a book; scholars, observers and non-members do not. */
function notFoundUnlessReader(m: ViewerMembership | undefined): ViewerMembership & { role: "CONVENOR" | "DELEGATE" } {
  if (!m || (m.role !== "CONVENOR" && m.role !== "DELEGATE")) throw notFound("Session not found");
  return m as ViewerMembership & { role: "CONVENOR" | "DELEGATE" };
}

/** Resolves who said something under the series' rule; under CHATHAM_HOUSE it is always "a participant". */
export function attribute(
  rule: AttributionRule,
  author: { name: string; partyCode?: string | null; affiliation?: string | null },
): BookAttribution {
  if (rule === "CHATHAM_HOUSE") return { kind: "participant" };
  return { kind: "person", name: author.name, partyCode: author.partyCode ?? null, affiliation: author.affiliation ?? null };
}


/**
 * A thread as the book shows it: withdrawn comments left out (their replies move up a level),
 * each author resolved through the attribution rule.
 */
function thread(rule: AttributionRule, rows: ListedComment[]): BookComment[] {
  const kept = rows.filter((c) => c.withdrawnAt === null);
  const byId = new Map(rows.map((c) => [c.id, c]));
  const keptIds = new Set(kept.map((c) => c.id));
  /** The nearest kept ancestor of a comment, or null for the top level. */
  const parentOf = (c: ListedComment): string | null => {
    let p = c.parentId;
    while (p && !keptIds.has(p)) p = byId.get(p)?.parentId ?? null;
    return p;
  };
  const nodes = new Map<string, BookComment>(
    kept.map((c) => [
      c.id,
      {
        id: c.id,
        by: attribute(rule, { name: c.author.name, partyCode: c.author.partyCode, affiliation: c.author.affiliation }),
        at: c.createdAt,
        body: c.body,
        resolved: c.resolvedAt !== null,
        replies: [],
      },
    ]),
  );
  const top: BookComment[] = [];
  for (const c of kept) {
    const parent = parentOf(c);
    const node = nodes.get(c.id) as BookComment;
    if (parent) nodes.get(parent)?.replies.push(node);
    else top.push(node);
  }
  return top;
}

async function papersOf(db: Db, viewer: Viewer, sessionId: string, seriesId: string, rule: AttributionRule, outline: boolean): Promise<BookPaper[]> {
  const listed = await listPapersForSession(db, viewer, sessionId);
  // Released papers only (never a party's draft, not even the reader's own), withdrawn ones out.
  const released = listed.filter((p) => p.releaseLevel !== "PARTY" && p.withdrawnAt === null);
  if (outline) {
    return released.map((p) => ({
      id: p.id,
      title: p.title,
      by: p.party ? { kind: "party", code: p.party.code, name: p.party.name } : attribute(rule, { name: p.author.name }),
      releaseLevel: p.releaseLevel,
      revision: 0,
      revisedAt: p.updatedAt,
      body: "",
      itemTitles: p.items.map((i) => i.title),
      comments: [],
    }));
  }
  const latest = await latestReadableRevisions(db, viewer, released.map((p) => p.id));
  // A scholar's paper under ATTRIBUTED names the scholar's affiliation in the series.
  const scholarIds = [...new Set(released.filter((p) => p.partyId === null).map((p) => p.author.id))];
  const [affiliations, threads] = await Promise.all([
    rule === "ATTRIBUTED" && scholarIds.length
      ? db.membership.findMany({
          where: { AND: [visibleMembershipsWhere(viewer), { seriesId, userId: { in: scholarIds } }] },
          select: { userId: true, affiliation: true },
        })
      : Promise.resolve([]),
    listCommentsForTargets(db, viewer, seriesId, { agendaItemIds: [], paperIds: released.map((p) => p.id) }),
  ]);
  const affiliationOf = new Map(affiliations.map((m) => [m.userId, m.affiliation]));
  return released.flatMap((p) => {
    const revision = latest.get(p.id);
    if (!revision) return [];
    const by: BookAttribution = p.party
      ? { kind: "party", code: p.party.code, name: p.party.name }
      : attribute(rule, { name: p.author.name, affiliation: affiliationOf.get(p.author.id) ?? null });
    return [
      {
        id: p.id,
        title: revision.title || p.title,
        by,
        releaseLevel: p.releaseLevel,
        revision: revision.number,
        revisedAt: revision.createdAt,
        body: revision.body,
        itemTitles: p.items.map((i) => i.title),
        comments: thread(rule, threads.get(`paper:${p.id}`) ?? []),
      },
    ];
  });
}

async function stancesOf(db: Db, viewer: Viewer, sessionId: string, issueById: Map<string, BookIssue>): Promise<BookStanceIssue[]> {
  const board = await getStanceBoard(db, viewer, sessionId, { releasedOnly: true });
  return board.rows.map((row) => {
    const positions: BookPosition[] = [];
    const missing: string[] = [];
    for (const party of board.parties) {
      const cell = row.cells[party.id];
      // releasedOnly already left drafts out; a draft that slipped through would still stay out.
      if (!cell || cell.isDraft) {
        missing.push(party.code);
        continue;
      }
      positions.push({
        partyCode: party.code,
        position: cell.position,
        label: cell.label,
        rationale: cell.rationale,
        conditions: cell.conditions,
        redLine: cell.redLine,
        priority: cell.priority,
        carriedFrom: cell.carriedFrom ? cell.carriedFrom.title : null,
      });
    }
    const issue = issueById.get(row.issue.id) ?? { ...row.issue, description: "", topic: "" };
    return { issue, positions, missing };
  });
}

async function trackerOf(db: Db, viewer: Viewer, sessionId: string): Promise<BookTracker> {
  const tracker = await getSessionTracker(db, viewer, sessionId);
  const code = new Map(tracker.parties.map((p) => [p.id, p.code]));
  const codeOf = (id: string | null) => (id ? (code.get(id) ?? null) : null);
  return {
    convergedShare: tracker.summary.share,
    issues: tracker.summary.issues,
    converged: tracker.summary.converged,
    rows: tracker.issues.map((r) => ({
      issueTitle: r.issue.title,
      scaleMin: r.issue.scaleMin,
      scaleMax: r.issue.scaleMax,
      scaleLabels: r.issue.scaleLabels,
      status: r.status,
      spreadSteps: r.spreadSteps,
      agreement: r.agreement,
      outlier: codeOf(r.outlier),
      blockedBy: codeOf(r.blockedBy),
      missing: r.missing.map((id) => code.get(id) ?? "?"),
      positions: r.positions.map((p) => ({ partyCode: codeOf(p.partyId) ?? "?", position: p.position, carried: p.carried, redLine: p.redLine })),
    })),
  };
}

async function panelsOf(db: Db, viewer: Viewer, sessionId: string): Promise<BookPanel[]> {
  const panels = await getPanelsForSession(db, viewer, sessionId);
  return panels.map((p) => ({
    itemTitle: p.itemTitle,
    issueTitle: p.issue.title,
    scaleMin: p.issue.scaleMin,
    scaleMax: p.issue.scaleMax,
    figures: p.figures
      ? { count: p.figures.count, median: p.figures.median, q1: p.figures.q1, q3: p.figures.q3, consensus: p.figures.consensus, stable: p.figures.stable }
      : null,
  }));
}

/**
 * The book for a viewer. `outline` (for the page that describes the book) leaves out what costs a
 * query per object — paper texts and comment threads — and keeps everything else identical.
 */
export async function buildBriefingBook(db: Db, viewer: Viewer, sessionId: string, opts: { outline?: boolean } = {}): Promise<BriefingBook> {
  // Shared per series, visibility class and content stamp (every table the book reads bumps it), so
  // an unchanged book is assembled once; its "generated" time is when this content was assembled.
  const outline = opts.outline ?? false;
  return cachedInSession(db, viewer, sessionId, `briefing.book\u0000${outline}`, () => assembleBriefingBook(db, viewer, sessionId, outline));
}

async function assembleBriefingBook(db: Db, viewer: Viewer, sessionId: string, outline: boolean): Promise<BriefingBook> {
  const { session, role, partyCode } = await briefingSubject(db, viewer, sessionId);
  const rule = session.series.attribution;
  const agenda = await listAgenda(db, viewer, sessionId);

  const issueIds = [...new Set(agenda.items.flatMap((i) => (i.issue ? [i.issue.id] : [])))];
  const issues = issueIds.length
    ? await db.issue.findMany({
        where: { AND: [{ id: { in: issueIds } }, visibleIssuesWhere(viewer)] },
        select: { id: true, title: true, description: true, kind: true, topic: true, scaleMin: true, scaleMax: true, scaleLabels: true },
      })
    : [];
  const issueById = new Map<string, BookIssue>(issues.map((i) => [i.id, i]));

  const [itemThreads, papers, stances, tracker, panels, minutes] = await Promise.all([
    outline
      ? Promise.resolve(new Map<string, ListedComment[]>())
      : listCommentsForTargets(db, viewer, session.series.id, { agendaItemIds: agenda.items.map((i) => i.id), paperIds: [] }),
    papersOf(db, viewer, sessionId, session.series.id, rule, outline),
    stancesOf(db, viewer, sessionId, issueById),
    trackerOf(db, viewer, sessionId),
    session.series.track === "TRACK_1_5" ? panelsOf(db, viewer, sessionId) : Promise.resolve([]),
    getMinutes(db, viewer, sessionId),
  ]);

  const items: BookAgendaItem[] = agenda.items.map((i) => ({
    id: i.id,
    position: i.position,
    title: i.title,
    description: i.description,
    status: i.status,
    startsAt: i.startsAt,
    endsAt: i.endsAt,
    proposedBy: i.proposingParty?.code ?? null,
    issue: i.issue ? (issueById.get(i.issue.id) ?? null) : null,
    comments: thread(rule, itemThreads.get(`item:${i.id}`) ?? []),
  }));

  return {
    generatedAt: new Date(),
    attribution: rule,
    illustrative: session.series.illustrative,
    series: {
      id: session.series.id,
      name: session.series.name,
      shortName: session.series.shortName,
      track: session.series.track,
      parties: session.series.parties.map((p) => ({ code: p.party.code, name: p.party.name })),
    },
    session: {
      id: session.id,
      title: session.title,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      timeZone: session.timeZone,
      place: session.place,
      isVirtual: session.isVirtual,
      status: session.status,
      agendaPublishedAt: session.agendaPublishedAt,
    },
    reader: { role, partyCode },
    agenda: items,
    papers,
    stances,
    tracker: tracker.rows.length > 0 ? tracker : null,
    panels,
    // Minutes go into a book once released, for convenors too (their draft is not a document yet).
    minutes:
      minutes && minutes.releasedAt
        ? { body: minutes.body, releasedAt: minutes.releasedAt, released: true, revision: minutes.revisionNumber }
        : null,
  };
}

/** A file name for the book: "TRI-15 - Session title - briefing book". */
export function briefingFileName(seriesShortName: string, sessionTitle: string, ext: "pdf" | "md"): string {
  const base = `${seriesShortName} ${sessionTitle} briefing book`
    .normalize("NFKD")
    .replace(/[^\w\s.-]/g, "")
    .trim()
    .replace(/\s+/g, "-")
    .slice(0, 120);
  return `${base || "briefing-book"}.${ext}`;
}
