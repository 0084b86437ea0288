import type { IssueKind, ReleaseLevel } from "@/prisma/generated/client";
import {
  membershipIn,
  orNotFound,
  visibleAgendaItemsWhere,
  visibleIssuesWhere,
  visibleSessionsWhere,
  visibleStancesWhere,
  type Viewer,
} from "@/server/access";
import type { Db } from "@/server/db";
import { carryForward, positionKey } from "@/server/domain/convergence/carry";
import { labelOf } from "@/server/services/stances/shared";
import { SERIES_PARTIES } from "@/server/services/series/series";
import { cachedForSession } from "@/server/services/tracker/cache";

/** The board as the stance.board procedure answers it: shared per series × class while unchanged. */
export function getStanceBoardView(db: Db, viewer: Viewer, sessionId: string): Promise<StanceBoard> {
  return cachedForSession(db, viewer, sessionId, "stance.board", () => getStanceBoard(db, viewer, sessionId));
}

export type StanceBoardCell = {
  stanceId: string;
  /** The session the stance was recorded at (another one when carried). */
  sessionId: string;
  position: number;
  label: string;
  releaseLevel: ReleaseLevel;
  redLine: boolean;
  priority: number;
  rationale: string;
  conditions: string;
  /** A PARTY-level stance: only its own party sees it. */
  isDraft: boolean;
  carriedFrom: { sessionId: string; title: string } | null;
  version: number;
};

export type StanceBoardRow = {
  issue: { id: string; title: string; kind: IssueKind; scaleMin: number; scaleMax: number; scaleLabels: string[] };
  cells: Record<string, StanceBoardCell | null>;
};

export type StanceBoard = {
  session: { id: string; title: string; seriesId: string; status: string };
  parties: { id: string; code: string; name: string }[];
  rows: StanceBoardRow[];
  seal: { sealedAt: Date | null; revealedAt: Date | null; submitted: { partyCode: string; submittedAt: Date }[] };
  viewer: { role: string | null; partyId: string | null };
};

/**
 * The stance board of a session: the session's agenda issues the viewer may see (propositions,
 * then deterrence criteria) × the series' parties, each cell the stance the viewer may read
 * (carried from an earlier session when the party recorded nothing here). `releasedOnly` leaves
 * drafts out, even the viewer's own party's (exports). A fixed number of queries, whatever the
 * number of issues, parties or sessions.
 */
export async function getStanceBoard(
  db: Db,
  viewer: Viewer,
  sessionId: string,
  opts: { releasedOnly?: boolean } = {},
): Promise<StanceBoard> {
  const session = await orNotFound(
    db.session.findFirst({
      where: { AND: [{ id: sessionId }, visibleSessionsWhere(viewer)] },
      select: {
        id: true,
        title: true,
        seriesId: true,
        status: true,
        stancesSealedAt: true,
        stancesRevealedAt: true,
        series: { select: { parties: SERIES_PARTIES } },
        sealSubmissions: { select: { submittedAt: true, party: { select: { code: true } } }, orderBy: { submittedAt: "asc" } },
      },
    }),
    "Session not found",
  );
  const parties = session.series.parties.map((p) => p.party).sort((a, b) => a.code.localeCompare(b.code));

  const [issues, sessions, stances] = await Promise.all([
    db.issue.findMany({
      where: {
        AND: [
          { seriesId: session.seriesId, archivedAt: null },
          visibleIssuesWhere(viewer),
          { agendaItems: { some: { AND: [{ sessionId: session.id }, visibleAgendaItemsWhere(viewer)] } } },
        ],
      },
      select: {
        id: true,
        title: true,
        kind: true,
        scaleMin: true,
        scaleMax: true,
        scaleLabels: true,
        agendaItems: {
          where: { AND: [{ sessionId: session.id }, visibleAgendaItemsWhere(viewer)] },
          select: { position: true },
          orderBy: { position: "asc" },
          take: 1,
        },
      },
    }),
    db.session.findMany({
      where: { AND: [{ seriesId: session.seriesId }, visibleSessionsWhere(viewer)] },
      select: { id: true, title: true },
      orderBy: [{ startsAt: "asc" }, { createdAt: "asc" }],
    }),
    db.stance.findMany({
      where: {
        AND: [
          { session: { seriesId: session.seriesId } },
          { issue: { agendaItems: { some: { sessionId: session.id } } } },
          visibleStancesWhere(viewer, { releasedOnly: opts.releasedOnly }),
        ],
      },
      select: {
        id: true,
        issueId: true,
        sessionId: true,
        partyId: true,
        position: true,
        rationale: true,
        conditions: true,
        redLine: true,
        priority: true,
        releaseLevel: true,
        version: true,
      },
    }),
  ]);

  const sessionTitles = new Map(sessions.map((s) => [s.id, s.title]));
  const order = sessions.map((s) => s.id);
  // The session itself is visible, so it is in the order; keep it there even if the list raced.
  if (!order.includes(session.id)) order.push(session.id);
  const positions = carryForward(stances, order, session.id);

  const KIND_ORDER: Record<IssueKind, number> = { PROPOSITION: 0, DETERRENCE_CRITERION: 1 };
  const rows = issues
    .sort(
      (a, b) =>
        KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
        (a.agendaItems[0]?.position ?? 0) - (b.agendaItems[0]?.position ?? 0) ||
        a.title.localeCompare(b.title),
    )
    .map(({ agendaItems: _items, ...issue }) => {
      const cells: Record<string, StanceBoardCell | null> = {};
      for (const party of parties) {
        const held = positions.get(positionKey(issue.id, party.id));
        if (!held) {
          cells[party.id] = null;
          continue;
        }
        const s = held.record;
        cells[party.id] = {
          stanceId: s.id,
          sessionId: s.sessionId,
          position: s.position,
          label: labelOf(issue, s.position),
          releaseLevel: s.releaseLevel,
          redLine: s.redLine,
          priority: s.priority,
          rationale: s.rationale,
          conditions: s.conditions,
          isDraft: s.releaseLevel === "PARTY",
          carriedFrom: held.carried ? { sessionId: s.sessionId, title: sessionTitles.get(s.sessionId) ?? "" } : null,
          version: s.version,
        };
      }
      return { issue, cells };
    });

  const m = membershipIn(viewer, session.seriesId);
  return {
    session: { id: session.id, title: session.title, seriesId: session.seriesId, status: session.status },
    parties,
    rows,
    seal: {
      sealedAt: session.stancesSealedAt,
      revealedAt: session.stancesRevealedAt,
      submitted: session.sealSubmissions.map((s) => ({ partyCode: s.party.code, submittedAt: s.submittedAt })),
    },
    viewer: { role: m?.role ?? null, partyId: m?.role === "DELEGATE" ? m.partyId : null },
  };
}
