import type { z } from "zod";
import type { agendaScholarSchema } from "@/lib/schemas/agenda";
import type { Viewer } from "@/server/access";
import { itemForConvenor } from "@/server/access/agenda";
import { recordAudit } from "@/server/audit";
import type { Db } from "@/server/db";
import { invalid } from "@/server/errors";

type Input = z.output<typeof agendaScholarSchema>;

function assertTrackOneAndAHalf(track: string) {
  if (track !== "TRACK_1_5") throw invalid("Scholars are invited per agenda item in track 1.5 series only.", "userId");
}

/** Invites an active scholar of the series to one item: once published, they see that item and its session. */
export async function inviteScholar(db: Db, viewer: Viewer, input: Input) {
  const { session } = await itemForConvenor(db, viewer, input.itemId);
  assertTrackOneAndAHalf(session.series.track);
  const scholar = await db.membership.findFirst({
    where: { seriesId: session.seriesId, userId: input.userId, role: "SCHOLAR", removedAt: null, user: { deactivatedAt: null } },
    select: { user: { select: { id: true, name: true } } },
  });
  if (!scholar) throw invalid("Choose an active scholar of this series.", "userId");
  const existing = await db.agendaItemScholar.findUnique({
    where: { agendaItemId_userId: { agendaItemId: input.itemId, userId: input.userId } },
    select: { userId: true },
  });
  if (existing) throw invalid(`${scholar.user.name} is already invited to this item.`, "userId");

  return db.$transaction(async (tx) => {
    await tx.agendaItemScholar.create({ data: { agendaItemId: input.itemId, userId: input.userId, invitedById: viewer.userId } });
    await recordAudit(tx, {
      actorId: viewer.userId,
      seriesId: session.seriesId,
      action: "agenda.scholar_invited",
      subject: { kind: "agendaItem", id: input.itemId, sessionId: session.id, agendaPublished: session.agendaPublishedAt !== null, convenorsOnly: true },
      summary: { userId: input.userId, name: scholar.user.name },
    });
    return { itemId: input.itemId, userId: input.userId };
  });
}

export async function uninviteScholar(db: Db, viewer: Viewer, input: Input) {
  const { session } = await itemForConvenor(db, viewer, input.itemId);
  assertTrackOneAndAHalf(session.series.track);

  return db.$transaction(async (tx) => {
    const { count } = await tx.agendaItemScholar.deleteMany({ where: { agendaItemId: input.itemId, userId: input.userId } });
    if (count === 0) throw invalid("That scholar is not invited to this item.", "userId");
    await recordAudit(tx, {
      actorId: viewer.userId,
      seriesId: session.seriesId,
      action: "agenda.scholar_uninvited",
      subject: { kind: "agendaItem", id: input.itemId, sessionId: session.id, agendaPublished: session.agendaPublishedAt !== null, convenorsOnly: true },
      summary: { userId: input.userId },
    });
    return { itemId: input.itemId, userId: input.userId };
  });
}
