import type { z } from "zod";
import type { clearAgendaChangesSchema, publishAgendaSchema, reorderAgendaSchema } from "@/lib/schemas/agenda";
import type { Viewer } from "@/server/access";
import { sessionForConvenor } from "@/server/access/agenda";
import { recordAudit } from "@/server/audit";
import type { Db } from "@/server/db";
import { invalid } from "@/server/errors";
import { lockSession, movedItems, touchPublishedAgenda, withChanges } from "@/server/services/agenda/shared";
import { updateVersioned } from "@/server/services/kit";

/** Puts every item of a session's agenda in the given order, in one transaction. */
export async function reorderAgenda(db: Db, viewer: Viewer, input: z.output<typeof reorderAgendaSchema>) {
  const session = await sessionForConvenor(db, viewer, input.sessionId);

  return db.$transaction(async (tx) => {
    await lockSession(tx, session.id);
    const items = await tx.agendaItem.findMany({
      where: { sessionId: session.id },
      select: { id: true, position: true, changes: true },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    });
    const onAgenda = new Set(items.map((i) => i.id));
    if (input.itemIds.some((id) => !onAgenda.has(id))) {
      throw invalid("The new order lists items that are not on this session's agenda. Reload and try again.", "itemIds");
    }
    if (input.itemIds.length !== items.length) {
      throw invalid(`The new order must list every item of the agenda (${items.length}). Reload and try again.`, "itemIds");
    }
    const before = items.map((i) => i.id);
    const moved = input.itemIds
      .map((id, index) => ({ id, position: index + 1 }))
      .filter(({ id, position }) => items.find((i) => i.id === id)?.position !== position);
    if (moved.length === 0) return { sessionId: session.id, itemIds: before };

    const fresh = await tx.session.findUniqueOrThrow({ where: { id: session.id }, select: { agendaPublishedAt: true } });
    // After publication only the items the convenor moved are marked, not those shifted by the move.
    const marked = new Set(fresh.agendaPublishedAt ? movedItems(before, input.itemIds) : []);
    for (const { id, position } of moved) {
      const changes = marked.has(id) ? withChanges(items.find((i) => i.id === id)!.changes, ["moved"]) : undefined;
      await tx.agendaItem.update({ where: { id }, data: { position, changes } });
    }
    await touchPublishedAgenda(tx, { id: session.id, agendaPublishedAt: fresh.agendaPublishedAt }, new Date());
    await recordAudit(tx, {
      actorId: viewer.userId,
      seriesId: session.seriesId,
      action: "agenda.reordered",
      subject: { kind: "session", id: session.id, audience: fresh.agendaPublishedAt ? "GOVERNMENTS" : "CONVENORS" },
      summary: { before, after: input.itemIds },
    });
    return { sessionId: session.id, itemIds: input.itemIds };
  });
}

/** Makes a draft agenda visible to the series' members: DRAFT → AGENDA_PUBLISHED. */
export async function publishAgenda(db: Db, viewer: Viewer, input: z.output<typeof publishAgendaSchema>) {
  const session = await sessionForConvenor(db, viewer, input.sessionId);

  return db.$transaction(async (tx) => {
    await lockSession(tx, session.id);
    const current = await tx.session.findUniqueOrThrow({
      where: { id: session.id },
      select: { status: true, agendaPublishedAt: true, _count: { select: { agendaItems: true } } },
    });
    if (current.agendaPublishedAt || current.status !== "DRAFT") {
      throw invalid(current.agendaPublishedAt ? "The agenda is already published." : "Only the agenda of a draft session can be published.");
    }
    if (current._count.agendaItems === 0) throw invalid("Add at least one item before publishing the agenda.");
    const now = new Date();
    await updateVersioned(
      tx.session,
      { id: session.id, status: "DRAFT" },
      input.version,
      { status: "AGENDA_PUBLISHED", agendaPublishedAt: now, agendaUpdatedAt: now },
      "Someone changed this session since you opened it. Reload to see their change.",
    );
    await recordAudit(tx, {
      actorId: viewer.userId,
      seriesId: session.seriesId,
      action: "agenda.published",
      subject: { kind: "session", id: session.id, audience: "GOVERNMENTS" },
      summary: { before: { status: "DRAFT" }, after: { status: "AGENDA_PUBLISHED" }, items: current._count.agendaItems },
    });
    return tx.session.findUniqueOrThrow({
      where: { id: session.id },
      select: { id: true, status: true, agendaPublishedAt: true, version: true },
    });
  });
}

/**
 * The convenor re-announces a published agenda: every "changed since publication" mark is cleared, so
 * members see marks only for what changes after this announcement.
 */
export async function clearAgendaChanges(db: Db, viewer: Viewer, input: z.output<typeof clearAgendaChangesSchema>) {
  const session = await sessionForConvenor(db, viewer, input.sessionId);
  return db.$transaction(async (tx) => {
    await lockSession(tx, session.id);
    const current = await tx.session.findUniqueOrThrow({ where: { id: session.id }, select: { agendaPublishedAt: true } });
    if (!current.agendaPublishedAt) throw invalid("The agenda is not published yet: there is nothing to re-announce.");
    const marked = await tx.agendaItem.findMany({ where: { sessionId: session.id, NOT: { changes: { isEmpty: true } } }, select: { id: true, changes: true } });
    if (marked.length === 0) return { sessionId: session.id, cleared: 0 };
    await tx.agendaItem.updateMany({ where: { id: { in: marked.map((m) => m.id) } }, data: { changes: [] } });
    await recordAudit(tx, {
      actorId: viewer.userId,
      seriesId: session.seriesId,
      action: "agenda.reannounced",
      subject: { kind: "session", id: session.id, audience: "GOVERNMENTS" },
      summary: { cleared: marked.map((m) => ({ itemId: m.id, changes: m.changes })) },
    });
    return { sessionId: session.id, cleared: marked.length };
  });
}
