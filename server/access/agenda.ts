import type { Db } from "@/server/db";
import { can, orNotFound, requireCan, visibleAgendaItemsWhere, visibleSessionsWhere, type Viewer } from "@/server/access";

const SESSION_FIELDS = {
  id: true,
  seriesId: true,
  title: true,
  startsAt: true,
  endsAt: true,
  timeZone: true,
  status: true,
  agendaPublishedAt: true,
  version: true,
  series: { select: { track: true } },
} as const;

/** A session the viewer may see and convenes: NOT_FOUND if they may not see it, FORBIDDEN if they may not change it. */
export async function sessionForConvenor(db: Db, viewer: Viewer, sessionId: string) {
  const session = await orNotFound(
    db.session.findFirst({ where: { AND: [{ id: sessionId }, visibleSessionsWhere(viewer)] }, select: SESSION_FIELDS }),
    "Session not found",
  );
  requireCan(viewer, session.seriesId, can.manageAgenda(viewer, session.seriesId));
  return session;
}

/** An agenda item the viewer may see, of a series they convene (same answers as above). */
export async function itemForConvenor(db: Db, viewer: Viewer, itemId: string) {
  const item = await orNotFound(
    db.agendaItem.findFirst({
      where: { AND: [{ id: itemId }, visibleAgendaItemsWhere(viewer)] },
      select: { id: true, sessionId: true, session: { select: SESSION_FIELDS } },
    }),
    "Agenda item not found",
  );
  requireCan(viewer, item.session.seriesId, can.manageAgenda(viewer, item.session.seriesId));
  return item;
}
