import type { z } from "zod";
import { CARRIED_BY_DEFAULT, type carryOverSchema } from "@/lib/schemas/agenda";
import type { Viewer } from "@/server/access";
import { sessionForConvenor } from "@/server/access/agenda";
import { recordAudit } from "@/server/audit";
import type { Db } from "@/server/db";
import { invalid } from "@/server/errors";
import { lockSession, nextPosition, touchPublishedAgenda } from "@/server/services/agenda/shared";

/**
 * Copies a concluded session's undiscussed items to the series' next session (by start), at the end
 * of its agenda, as PROPOSED items that point back at their originals. Items already carried to that
 * session are skipped, so calling it twice adds nothing.
 */
export async function carryOverAgenda(db: Db, viewer: Viewer, input: z.output<typeof carryOverSchema>) {
  const source = await sessionForConvenor(db, viewer, input.sessionId);
  if (source.status !== "CONCLUDED") throw invalid("Items are carried over once the session has concluded.");
  const target = await db.session.findFirst({
    where: { seriesId: source.seriesId, startsAt: { gt: source.startsAt } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: { id: true, title: true, status: true },
  });
  if (!target) throw invalid("This series has no later session to carry items to. Create the next session first.");
  if (target.status === "CONCLUDED") throw invalid(`The next session, "${target.title}", has already concluded.`);

  return db.$transaction(async (tx) => {
    await lockSession(tx, target.id);
    const fields = { id: true, title: true, description: true, issueId: true, proposingPartyId: true, status: true } as const;
    let chosen;
    if (input.itemIds) {
      chosen = await tx.agendaItem.findMany({
        where: { id: { in: input.itemIds }, sessionId: source.id },
        select: fields,
        orderBy: { position: "asc" },
      });
      if (chosen.length !== input.itemIds.length) throw invalid("Choose items of this session's agenda.", "itemIds");
      if (chosen.some((i) => i.status === "DISCUSSED")) throw invalid("Discussed items are not carried over.", "itemIds");
    } else {
      chosen = await tx.agendaItem.findMany({
        where: { sessionId: source.id, status: { in: [...CARRIED_BY_DEFAULT] } },
        select: fields,
        orderBy: { position: "asc" },
      });
    }
    const already = await tx.agendaItem.findMany({
      where: { sessionId: target.id, carriedFromId: { in: chosen.map((i) => i.id) } },
      select: { carriedFromId: true },
    });
    const skip = new Set(already.map((i) => i.carriedFromId));
    const toCarry = chosen.filter((i) => !skip.has(i.id));
    const result = { targetSessionId: target.id, targetTitle: target.title, carried: toCarry.length, skipped: skip.size };
    if (toCarry.length === 0) return result;

    const start = await nextPosition(tx, target.id);
    const targetPublished = (await tx.session.findUniqueOrThrow({ where: { id: target.id }, select: { agendaPublishedAt: true } })).agendaPublishedAt;
    const created = await tx.agendaItem.createManyAndReturn({
      data: toCarry.map((item, index) => ({
        sessionId: target.id,
        position: start + index,
        title: item.title,
        description: item.description,
        issueId: item.issueId,
        proposingPartyId: item.proposingPartyId,
        status: "PROPOSED" as const,
        carriedFromId: item.id,
        changes: targetPublished ? ["added"] : [],
      })),
      select: { id: true, carriedFromId: true, updatedAt: true },
    });
    const fresh = await tx.session.findUniqueOrThrow({ where: { id: target.id }, select: { agendaPublishedAt: true } });
    await touchPublishedAgenda(tx, { id: target.id, agendaPublishedAt: fresh.agendaPublishedAt }, new Date());
    await recordAudit(tx, {
      actorId: viewer.userId,
      seriesId: source.seriesId,
      action: "agenda.carried_over",
      // The carried items are drafts until the next session's agenda is published.
      subject: { kind: "session", id: source.id, audience: fresh.agendaPublishedAt ? "GOVERNMENTS" : "CONVENORS" },
      summary: {
        toSessionId: target.id,
        items: created.map((c) => ({ from: c.carriedFromId, to: c.id })),
        skipped: skip.size,
      },
    });
    return result;
  });
}
