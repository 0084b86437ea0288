import { membershipIn, orNotFound, visibleAgendaItemsWhere, visiblePapersWhere, type Viewer } from "@/server/access";
import type { Db } from "@/server/db";
import { cachedInSeries, seriesOf } from "@/server/services/tracker/cache";

/**
 * One agenda item for its page: NOT_FOUND unless the viewer may see it (drafts for convenors; a
 * scholar only the published items they are invited to). Linked papers are those the viewer may read.
 */
export async function getAgendaItemPage(db: Db, viewer: Viewer, itemId: string) {
  const seriesId = await seriesOf(db, viewer, "item", itemId);
  const item = await cachedInSeries(db, viewer, seriesId, `agenda.getItem\u0000${itemId}`, () => readAgendaItemPage(db, viewer, itemId));
  return { ...item, myRole: membershipIn(viewer, item.session.seriesId)?.role ?? null };
}

/** The item as every viewer of the same visibility class sees it (shared through cachedInSeries). */
async function readAgendaItemPage(db: Db, viewer: Viewer, itemId: string) {
  const item = await orNotFound(
    db.agendaItem.findFirst({
      where: { AND: [{ id: itemId }, visibleAgendaItemsWhere(viewer)] },
      select: {
        id: true,
        title: true,
        description: true,
        status: true,
        startsAt: true,
        endsAt: true,
        position: true,
        version: true,
        updatedAt: true,
        issue: { select: { id: true, title: true, kind: true, seriesId: true } },
        proposingParty: { select: { id: true, code: true, name: true } },
        session: {
          select: {
            id: true,
            seriesId: true,
            title: true,
            startsAt: true,
            endsAt: true,
            timeZone: true,
            agendaPublishedAt: true,
            series: { select: { track: true, shortName: true } },
          },
        },
        papers: {
          where: { paper: visiblePapersWhere(viewer) },
          select: {
            paper: {
              select: {
                id: true,
                title: true,
                releaseLevel: true,
                withdrawnAt: true,
                updatedAt: true,
                party: { select: { code: true, name: true } },
                author: { select: { id: true, name: true } },
              },
            },
          },
        },
      },
    }),
    "Agenda item not found",
  );
  const { papers, ...rest } = item;
  return {
    ...rest,
    papers: papers.map((p) => p.paper).sort((a, b) => (a.party?.code ?? "~").localeCompare(b.party?.code ?? "~") || a.title.localeCompare(b.title)),
  };
}
