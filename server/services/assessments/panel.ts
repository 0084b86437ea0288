import type { Prisma } from "@/prisma/generated/client";
import { orNotFound, panelAssessmentsWhere, visibleAgendaItemsWhere, visibleSessionsWhere, type Viewer } from "@/server/access";
import { PANEL_MIN_FOR_CONSENSUS, scholarPanel, type PanelFigures } from "@/server/domain/convergence/panel";
import type { Db } from "@/server/db";
import { cachedInSeries, seriesOf } from "@/server/services/tracker/cache";

// Scholar panels (Delphi), DESIGN.md "Convergence". Who rated what is private to the rater: the
// figures are computed from positions alone (never a scholar id or a reasoning), through
// panelAssessmentsWhere(viewer), and shown only once at least PANEL_MIN_ASSESSMENTS scholars have
// assessed — fewer would identify them. Below that nobody, not even a rater, learns the count.

/** The fewest assessments whose figures anyone is shown. */
export const PANEL_MIN_ASSESSMENTS = PANEL_MIN_FOR_CONSENSUS;

export const PANEL_ISSUE_SELECT = {
  id: true,
  title: true,
  scaleMin: true,
  scaleMax: true,
  scaleLabels: true,
} satisfies Prisma.IssueSelect;

export type PanelIssue = { id: string; title: string; scaleMin: number; scaleMax: number; scaleLabels: string[] };

export type ItemPanel = {
  agendaItemId: string;
  itemTitle: string;
  issue: PanelIssue;
  /** Null below PANEL_MIN_ASSESSMENTS assessments: "not enough assessments yet", nothing more. */
  figures: PanelFigures | null;
};

type Row = { issueId: string; sessionId: string; position: number; session: { startsAt: Date } };

/**
 * The assessments a set of panels needs, in one query: those of the issues at the session itself
 * and at the series' earlier sessions (for the previous round), as far as the viewer may count them.
 * Positions only.
 */
async function panelRows(db: Db, viewer: Viewer, session: { id: string; seriesId: string; startsAt: Date }, issueIds: string[]) {
  if (issueIds.length === 0) return [];
  return db.assessment.findMany({
    where: {
      AND: [
        panelAssessmentsWhere(viewer),
        { issueId: { in: issueIds } },
        { OR: [{ sessionId: session.id }, { session: { seriesId: session.seriesId, startsAt: { lt: session.startsAt } } }] },
      ],
    },
    select: { issueId: true, sessionId: true, position: true, session: { select: { startsAt: true } } },
  });
}

/**
 * The figures of one issue at one session, or null below the threshold. The previous round is the
 * issue's assessments at the latest earlier session of the series that has any (as the viewer may
 * count them); a previous round of fewer than PANEL_MIN_ASSESSMENTS is not compared with, since its
 * median would give away the few positions behind it.
 */
export function figuresFrom(rows: readonly Row[], issueId: string, sessionId: string): PanelFigures | null {
  const current: number[] = [];
  const earlier = new Map<string, { startsAt: number; positions: number[] }>();
  for (const r of rows) {
    if (r.issueId !== issueId) continue;
    if (r.sessionId === sessionId) {
      current.push(r.position);
      continue;
    }
    const round = earlier.get(r.sessionId) ?? { startsAt: r.session.startsAt.getTime(), positions: [] };
    round.positions.push(r.position);
    earlier.set(r.sessionId, round);
  }
  if (current.length < PANEL_MIN_ASSESSMENTS) return null;
  let previous: { id: string; startsAt: number; positions: number[] } | null = null;
  for (const [id, round] of earlier) {
    if (!previous || round.startsAt > previous.startsAt || (round.startsAt === previous.startsAt && id > previous.id)) {
      previous = { id, ...round };
    }
  }
  const previousRound = previous && previous.positions.length >= PANEL_MIN_ASSESSMENTS ? previous.positions : null;
  return scholarPanel(current, previousRound);
}

/** The panel of one agenda item the viewer may see (NOT_FOUND otherwise); `issue` null for a procedural item. */
export async function getPanel(db: Db, viewer: Viewer, agendaItemId: string) {
  const seriesId = await seriesOf(db, viewer, "item", agendaItemId);
  return cachedInSeries(db, viewer, seriesId, `assessment.panel\u0000${agendaItemId}`, () => readPanel(db, viewer, agendaItemId));
}

async function readPanel(db: Db, viewer: Viewer, agendaItemId: string) {
  const item = await orNotFound(
    db.agendaItem.findFirst({
      where: { AND: [visibleAgendaItemsWhere(viewer), { id: agendaItemId }] },
      select: {
        id: true,
        title: true,
        issue: { select: PANEL_ISSUE_SELECT },
        session: { select: { id: true, seriesId: true, startsAt: true } },
      },
    }),
    "Agenda item not found",
  );
  if (!item.issue) {
    return { agendaItemId: item.id, itemTitle: item.title, issue: null, figures: null, minimum: PANEL_MIN_ASSESSMENTS };
  }
  const rows = await panelRows(db, viewer, item.session, [item.issue.id]);
  return {
    agendaItemId: item.id,
    itemTitle: item.title,
    issue: item.issue,
    figures: figuresFrom(rows, item.issue.id, item.session.id),
    minimum: PANEL_MIN_ASSESSMENTS,
  };
}

/**
 * The panels of a session for the briefing book: one per agenda item the viewer may see that is
 * linked to an issue, in agenda order. The same few queries whatever the session holds.
 */
export async function getPanelsForSession(db: Db, viewer: Viewer, sessionId: string): Promise<ItemPanel[]> {
  const session = await orNotFound(
    db.session.findFirst({
      where: { AND: [visibleSessionsWhere(viewer), { id: sessionId }] },
      select: { id: true, seriesId: true, startsAt: true },
    }),
    "Session not found",
  );
  const items = await db.agendaItem.findMany({
    where: { AND: [visibleAgendaItemsWhere(viewer), { sessionId: session.id, issueId: { not: null } }] },
    select: { id: true, title: true, issue: { select: PANEL_ISSUE_SELECT } },
    orderBy: [{ position: "asc" }, { id: "asc" }],
  });
  const linked = items.filter((i): i is typeof i & { issue: PanelIssue } => i.issue !== null);
  const rows = await panelRows(db, viewer, session, [...new Set(linked.map((i) => i.issue.id))]);
  return linked.map((i) => ({
    agendaItemId: i.id,
    itemTitle: i.title,
    issue: i.issue,
    figures: figuresFrom(rows, i.issue.id, session.id),
  }));
}
