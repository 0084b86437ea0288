import { markdownToHtml } from "@/server/markdown/html";
import {
  can,
  membershipIn,
  orNotFound,
  visibleAgendaItemsWhere,
  visibleIssuesWhere,
  visibleMembershipsWhere,
  visibleSessionsWhere,
  type Viewer,
} from "@/server/access";
import type { Db } from "@/server/db";
import { currentItemFor } from "@/server/services/sessions/current-item";

/**
 * A session's agenda as the viewer may see it (drafts for convenors only; a scholar only the
 * published items they are invited to), with what convenors need to edit it.
 */
export async function listAgenda(db: Db, viewer: Viewer, sessionId: string) {
  const [session, rows] = await Promise.all([
    orNotFound(
      db.session.findFirst({
        where: { AND: [{ id: sessionId }, visibleSessionsWhere(viewer)] },
        select: {
          id: true,
          seriesId: true,
          status: true,
          version: true,
          startsAt: true,
          endsAt: true,
          timeZone: true,
          agendaPublishedAt: true,
          agendaUpdatedAt: true,
          currentItemId: true,
          series: { select: { track: true } },
        },
      }),
      "Session not found",
    ),
    db.agendaItem.findMany({
      where: { AND: [{ sessionId }, visibleAgendaItemsWhere(viewer)] },
      select: {
        id: true,
        position: true,
        title: true,
        description: true,
        startsAt: true,
        endsAt: true,
        status: true,
        version: true,
        updatedAt: true,
        changes: true,
        issue: { select: { id: true, title: true, kind: true } },
        proposingParty: { select: { id: true, code: true, name: true } },
        carriedFrom: { select: { sessionId: true } },
      },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    }),
  ]);
  const role = membershipIn(viewer, session.seriesId)?.role ?? null;
  const isConvenor = can.manageAgenda(viewer, session.seriesId);
  const publishedAt = session.agendaPublishedAt;
  const itemIds = rows.map((r) => r.id);

  // Where an item was carried from, only if the viewer may see that session.
  const sourceIds = [...new Set(rows.flatMap((r) => (r.carriedFrom ? [r.carriedFrom.sessionId] : [])))];
  const [sources, invited, options] = await Promise.all([
    sourceIds.length
      ? db.session.findMany({ where: { AND: [{ id: { in: sourceIds } }, visibleSessionsWhere(viewer)] }, select: { id: true, title: true } })
      : Promise.resolve([]),
    isConvenor && itemIds.length
      ? db.agendaItemScholar.findMany({
          where: { agendaItemId: { in: itemIds } },
          select: { agendaItemId: true, user: { select: { id: true, name: true, affiliation: true } } },
          orderBy: { user: { name: "asc" } },
        })
      : Promise.resolve([]),
    isConvenor ? editorOptions(db, viewer, session.seriesId, session.series.track === "TRACK_1_5") : Promise.resolve(null),
  ]);
  const sourceTitle = new Map(sources.map((s) => [s.id, s.title]));

  // Only what changed in substance since publication (or the last re-announcement) is marked.
  const published = publishedAt !== null;
  const currentItemId = currentItemFor(session, itemIds);
  const markable = isConvenor && session.status === "IN_SESSION";
  const items = rows.map(({ carriedFrom, updatedAt, version, changes, ...row }) => ({
    ...row,
    descriptionHtml: markdownToHtml(row.description),
    version,
    updatedAt,
    changes: published ? changes : [],
    updatedSincePublication: published && changes.length > 0,
    carriedFrom:
      carriedFrom && sourceTitle.has(carriedFrom.sessionId)
        ? { sessionId: carriedFrom.sessionId, sessionTitle: sourceTitle.get(carriedFrom.sessionId) as string }
        : null,
    current: row.id === currentItemId,
    markable,
    scholars: isConvenor ? invited.filter((s) => s.agendaItemId === row.id).map((s) => s.user) : null,
  }));

  return {
    session: {
      id: session.id,
      status: session.status,
      version: session.version,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      timeZone: session.timeZone,
      agendaPublishedAt: publishedAt,
      agendaUpdatedAt: session.agendaUpdatedAt,
      // From the items the viewer may see only: a scholar is not told of changes to items they cannot read.
      updatedSincePublication: items.some((i) => i.updatedSincePublication),
      currentItemId,
      track: session.series.track,
    },
    myRole: role,
    canEdit: isConvenor,
    items,
    options,
  };
}

/** The series' active issues, its parties and (track 1.5) its active scholars, for the editor's selects. */
async function editorOptions(db: Db, viewer: Viewer, seriesId: string, withScholars: boolean) {
  const [issues, parties, scholars] = await Promise.all([
    db.issue.findMany({
      where: { AND: [visibleIssuesWhere(viewer), { seriesId, archivedAt: null }] },
      select: { id: true, title: true, kind: true },
      orderBy: [{ kind: "asc" }, { title: "asc" }],
    }),
    db.seriesParty.findMany({
      where: { seriesId },
      select: { party: { select: { id: true, code: true, name: true } } },
      orderBy: { party: { code: "asc" } },
    }),
    withScholars
      ? db.membership.findMany({
          where: { AND: [visibleMembershipsWhere(viewer), { seriesId, role: "SCHOLAR", removedAt: null, user: { deactivatedAt: null } }] },
          select: { affiliation: true, user: { select: { id: true, name: true } } },
          orderBy: { user: { name: "asc" } },
        })
      : Promise.resolve([]),
  ]);
  return {
    issues,
    parties: parties.map((p) => p.party),
    scholars: scholars.map((s) => ({ id: s.user.id, name: s.user.name, affiliation: s.affiliation })),
  };
}
