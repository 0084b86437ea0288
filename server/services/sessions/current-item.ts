import type { z } from "zod";
import type { setCurrentItemSchema } from "@/lib/schemas/sessions";
import { orNotFound, visibleAgendaItemsWhere, type Viewer } from "@/server/access";
import { sessionForConvenor } from "@/server/access/agenda";
import { recordAudit } from "@/server/audit";
import type { Db } from "@/server/db";
import { invalid } from "@/server/errors";

/**
 * "Now under discussion": the convenor marks an item of a session in session (or clears the mark).
 * Everyone's agenda and session pages follow it live (the Session row's live signal). The last
 * mark wins: it says what the room is on now, so it carries no version to conflict on.
 */
export async function setCurrentItem(db: Db, viewer: Viewer, input: z.output<typeof setCurrentItemSchema>) {
  const session = await sessionForConvenor(db, viewer, input.sessionId);
  if (session.status !== "IN_SESSION") {
    throw invalid("An item can be marked as under discussion only while the session is in session.", "itemId");
  }
  const item = input.itemId
    ? await orNotFound(
        db.agendaItem.findFirst({
          where: { AND: [{ id: input.itemId, sessionId: session.id }, visibleAgendaItemsWhere(viewer)] },
          select: { id: true, title: true, position: true },
        }),
        "Agenda item not found",
      )
    : null;
  return db.$transaction(async (tx) => {
    const before = await tx.session.findUniqueOrThrow({
      where: { id: session.id },
      select: { currentItem: { select: { id: true, title: true } } },
    });
    await tx.session.update({ where: { id: session.id }, data: { currentItemId: item?.id ?? null, currentItemSetAt: new Date() } });
    await recordAudit(tx, {
      actorId: viewer.userId,
      seriesId: session.seriesId,
      action: "session.current_item_set",
      subject: { kind: "session", id: session.id, audience: "GOVERNMENTS" },
      summary: { title: session.title, before: { item: before.currentItem?.title ?? null }, after: { item: item?.title ?? null } },
    });
    return { sessionId: session.id, currentItemId: item?.id ?? null };
  });
}

/** The marked item, only while in session and only if the viewer may see that item (among `visibleItemIds`). */
export function currentItemFor(session: { status: string; currentItemId: string | null }, visibleItemIds: string[]): string | null {
  if (session.status !== "IN_SESSION" || !session.currentItemId) return null;
  return visibleItemIds.includes(session.currentItemId) ? session.currentItemId : null;
}
