import type { z } from "zod";
import type { auditListSchema } from "@/lib/schemas/sessions";
import {
  can,
  requireCan,
  visibleAgendaItemsWhere,
  visibleAuditEventsWhere,
  visibleIssuesWhere,
  visibleJointTextsWhere,
  visiblePapersWhere,
  visibleSessionsWhere,
  visibleStancesWhere,
  type Viewer,
} from "@/server/access";
import type { Db } from "@/server/db";

export const AUDIT_PAGE_SIZE = 50;
const DAY_MS = 24 * 60 * 60 * 1000;

const isIdList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string");

/** The item an agenda.reordered event moved: the one displaced furthest, with its positions (1-based). */
export function movedItem(before: string[], after: string[]): { id: string; from: number; to: number } | null {
  let best: { id: string; from: number; to: number } | null = null;
  for (const [index, id] of after.entries()) {
    const from = before.indexOf(id);
    if (from < 0 || from === index) continue;
    if (!best || Math.abs(index - from) > Math.abs(best.to - best.from)) best = { id, from: from + 1, to: index + 1 };
  }
  return best;
}

/**
 * A series' audit trail, newest first, a page at a time, for its convenors; filtered by person, kind
 * of object and day. Each event carries the titles it is about (its session, paper, agenda item,
 * issue or stance), each resolved through that object's own visibility fragment, so a title is
 * shown only to a viewer who may read the object now; otherwise the event names only its kind.
 */
export async function listAuditEvents(db: Db, viewer: Viewer, input: z.output<typeof auditListSchema>) {
  requireCan(viewer, input.seriesId, can.readAudit(viewer, input.seriesId));
  const rows = await db.auditEvent.findMany({
    where: {
      AND: [
        { seriesId: input.seriesId },
        visibleAuditEventsWhere(viewer),
        input.cursor ? { id: { lt: BigInt(input.cursor) } } : {},
        input.actorId ? { actorId: input.actorId } : {},
        input.objectType ? { objectType: input.objectType } : {},
        input.from ? { createdAt: { gte: new Date(`${input.from}T00:00:00Z`) } } : {},
        input.to ? { createdAt: { lt: new Date(new Date(`${input.to}T00:00:00Z`).getTime() + DAY_MS) } } : {},
      ],
    },
    select: {
      id: true,
      action: true,
      objectType: true,
      objectId: true,
      summary: true,
      createdAt: true,
      sessionId: true,
      paperId: true,
      stanceId: true,
      agendaItemId: true,
      issueId: true,
      jointTextId: true,
      actor: { select: { id: true, name: true } },
    },
    orderBy: { id: "desc" },
    take: AUDIT_PAGE_SIZE + 1,
  });
  const page = rows.slice(0, AUDIT_PAGE_SIZE);

  const moves = new Map(
    page.flatMap((e) => {
      const s = e.summary as { before?: unknown; after?: unknown } | null;
      if (e.action !== "agenda.reordered" || !s || !isIdList(s.before) || !isIdList(s.after)) return [];
      const moved = movedItem(s.before, s.after);
      return moved ? [[e.id, moved] as const] : [];
    }),
  );
  const ids = (pick: (e: (typeof page)[number]) => string | null | undefined) => [...new Set(page.map(pick).filter((x): x is string => !!x))];
  const itemIds = [...new Set([...ids((e) => e.agendaItemId), ...[...moves.values()].map((m) => m.id)])];
  const [sessions, papers, items, issues, stances, jointTexts] = await Promise.all([
    db.session.findMany({ where: { AND: [visibleSessionsWhere(viewer), { id: { in: ids((e) => e.sessionId) } }] }, select: { id: true, title: true } }),
    db.positionPaper.findMany({ where: { AND: [visiblePapersWhere(viewer), { id: { in: ids((e) => e.paperId) } }] }, select: { id: true, title: true } }),
    db.agendaItem.findMany({ where: { AND: [visibleAgendaItemsWhere(viewer), { id: { in: itemIds } }] }, select: { id: true, title: true, sessionId: true } }),
    db.issue.findMany({ where: { AND: [visibleIssuesWhere(viewer), { id: { in: ids((e) => e.issueId) } }] }, select: { id: true, title: true } }),
    db.stance.findMany({
      where: { AND: [visibleStancesWhere(viewer), { id: { in: ids((e) => e.stanceId) } }] },
      select: { id: true, sessionId: true, party: { select: { code: true } }, issue: { select: { title: true } } },
    }),
    db.jointText.findMany({ where: { AND: [visibleJointTextsWhere(viewer), { id: { in: ids((e) => e.jointTextId) } }] }, select: { id: true, title: true } }),
  ]);
  const session = new Map(sessions.map((x) => [x.id, x] as const));
  const paper = new Map(papers.map((x) => [x.id, x] as const));
  const item = new Map(items.map((x) => [x.id, x] as const));
  const issue = new Map(issues.map((x) => [x.id, x] as const));
  const stance = new Map(stances.map((x) => [x.id, x] as const));
  const jointText = new Map(jointTexts.map((x) => [x.id, x] as const));

  /** What the event is about, as the viewer may read it now: a title and where to open it, or null. */
  function objectOf(e: (typeof page)[number]): { title: string; href: string } | null {
    const s = e.sessionId ? session.get(e.sessionId) : undefined;
    switch (e.objectType) {
      case "PositionPaper": {
        const p = e.paperId ? paper.get(e.paperId) : undefined;
        return p ? { title: p.title, href: `/papers/${p.id}` } : null;
      }
      case "Stance": {
        const st = e.stanceId ? stance.get(e.stanceId) : undefined;
        return st ? { title: `${st.issue.title} (${st.party.code})`, href: `/sessions/${st.sessionId}/stances` } : null;
      }
      case "AgendaItem": {
        const it = e.agendaItemId ? item.get(e.agendaItemId) : undefined;
        return it ? { title: it.title, href: `/sessions/${it.sessionId}/items/${it.id}` } : null;
      }
      case "Comment": {
        const on = e.agendaItemId ? item.get(e.agendaItemId) : undefined;
        if (on) return { title: on.title, href: `/sessions/${on.sessionId}/items/${on.id}` };
        const p = e.paperId ? paper.get(e.paperId) : undefined;
        if (p) return { title: p.title, href: `/papers/${p.id}` };
        const j = e.jointTextId ? jointText.get(e.jointTextId) : undefined;
        return j ? { title: j.title, href: `/joint-texts/${j.id}` } : null;
      }
      case "Issue": {
        const i = e.issueId ? issue.get(e.issueId) : undefined;
        return i ? { title: i.title, href: `/series/${input.seriesId}/issues/${i.id}` } : null;
      }
      case "JointText": {
        const j = e.jointTextId ? jointText.get(e.jointTextId) : undefined;
        return j ? { title: j.title, href: `/joint-texts/${j.id}` } : null;
      }
      case "Minutes":
        return s ? { title: s.title, href: `/sessions/${s.id}/minutes` } : null;
      case "Session":
      case "Assessment":
        return s ? { title: s.title, href: `/sessions/${s.id}` } : null;
      default:
        return null;
    }
  }

  return {
    events: page.map((e) => {
      const move = moves.get(e.id);
      const moved = move ? item.get(move.id) : undefined;
      return {
        id: e.id.toString(),
        action: e.action,
        objectType: e.objectType,
        objectId: e.objectId,
        summary: e.action === "agenda.reordered" ? null : e.summary,
        createdAt: e.createdAt,
        actor: e.actor,
        object: objectOf(e),
        // Titles of what a reordering moved, only when the viewer may read that item.
        moved: move && moved ? { title: moved.title, from: move.from, to: move.to } : null,
      };
    }),
    nextCursor: rows.length > AUDIT_PAGE_SIZE ? (page[page.length - 1]?.id.toString() ?? null) : null,
  };
}
