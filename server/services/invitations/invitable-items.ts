import { requireConvenor, visibleAgendaItemsWhere, type Viewer } from "@/server/access";
import type { Db } from "@/server/db";

/**
 * The agenda items a convenor may invite a scholar to, for the members page's invitation form: the
 * items of the series' sessions that are not concluded, latest session first, in agenda order. One
 * query, however many sessions the series has. Empty for a Track 1 series (no scholars there).
 */
export async function listInvitableAgendaItems(db: Db, viewer: Viewer, seriesId: string) {
  requireConvenor(viewer, seriesId);
  const items = await db.agendaItem.findMany({
    where: {
      AND: [visibleAgendaItemsWhere(viewer), { session: { seriesId, status: { not: "CONCLUDED" }, series: { track: "TRACK_1_5" } } }],
    },
    select: { id: true, title: true, session: { select: { title: true, agendaPublishedAt: true } } },
    orderBy: [{ session: { startsAt: "desc" } }, { session: { id: "asc" } }, { position: "asc" }],
  });
  return items.map((i) => ({ id: i.id, title: i.title, session: i.session.title, published: i.session.agendaPublishedAt !== null }));
}
