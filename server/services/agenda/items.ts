import type { z } from "zod";
import type { createAgendaItemSchema, deleteAgendaItemSchema, updateAgendaItemSchema } from "@/lib/schemas/agenda";
import type { Viewer } from "@/server/access";
import { itemForConvenor, sessionForConvenor } from "@/server/access/agenda";
import { recordAudit } from "@/server/audit";
import type { Db } from "@/server/db";
import { conflict, invalid } from "@/server/errors";
import {
  assertIssueOfSeries,
  assertPartyOfSeries,
  assertSlot,
  lockSession,
  nextPosition,
  touchPublishedAgenda,
  withChanges,
  type ItemChange,
} from "@/server/services/agenda/shared";
import { updateVersioned, deleteVersioned, type Tx } from "@/server/services/kit";

export const ITEM_SELECT = {
  id: true,
  sessionId: true,
  position: true,
  title: true,
  description: true,
  startsAt: true,
  endsAt: true,
  issueId: true,
  proposingPartyId: true,
  status: true,
  carriedFromId: true,
  changes: true,
  updatedAt: true,
  version: true,
} as const;

const STALE_ITEM = "Someone changed this agenda item since you opened it. Reload to see their change.";

async function publishedAt(tx: Tx, sessionId: string): Promise<Date | null> {
  const s = await tx.session.findUniqueOrThrow({ where: { id: sessionId }, select: { agendaPublishedAt: true } });
  return s.agendaPublishedAt;
}

/** Appends an item at the end of the session's agenda. */
export async function createAgendaItem(db: Db, viewer: Viewer, input: z.output<typeof createAgendaItemSchema>) {
  const session = await sessionForConvenor(db, viewer, input.sessionId);
  const startsAt = input.startsAt ?? null;
  const endsAt = input.endsAt ?? null;
  assertSlot(session, startsAt, endsAt);
  if (input.issueId) await assertIssueOfSeries(db, input.issueId, session.seriesId);
  if (input.proposingPartyId) await assertPartyOfSeries(db, input.proposingPartyId, session.seriesId);

  return db.$transaction(async (tx) => {
    await lockSession(tx, session.id);
    const position = await nextPosition(tx, session.id);
    const published = await publishedAt(tx, session.id);
    const item = await tx.agendaItem.create({
      data: {
        sessionId: session.id,
        position,
        title: input.title,
        description: input.description,
        startsAt,
        endsAt,
        issueId: input.issueId ?? null,
        proposingPartyId: input.proposingPartyId ?? null,
        status: input.status,
        changes: published ? ["added"] : [],
      },
      select: ITEM_SELECT,
    });
    const agendaPublishedAt = published;
    await touchPublishedAgenda(tx, { id: session.id, agendaPublishedAt }, item.updatedAt);
    await recordAudit(tx, {
      actorId: viewer.userId,
      seriesId: session.seriesId,
      action: "agenda.item_created",
      subject: { kind: "agendaItem", id: item.id, sessionId: session.id, agendaPublished: agendaPublishedAt !== null },
      summary: { sessionId: session.id, title: item.title, position, status: item.status, issueId: item.issueId },
    });
    return item;
  });
}

type Editable = Pick<
  Awaited<ReturnType<typeof readItem>>,
  "title" | "description" | "startsAt" | "endsAt" | "issueId" | "proposingPartyId" | "status"
>;

const SUBSTANCE: Record<keyof Editable, ItemChange | null> = {
  title: "title",
  description: "description",
  startsAt: "time",
  endsAt: "time",
  issueId: "issue",
  status: "status",
  proposingPartyId: null,
};

function readItem(tx: Tx, itemId: string) {
  return tx.agendaItem.findUniqueOrThrow({ where: { id: itemId }, select: ITEM_SELECT });
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  return a === b;
}

/** Changes an item's fields; after publication the agenda is marked as updated. */
export async function updateAgendaItem(db: Db, viewer: Viewer, input: z.output<typeof updateAgendaItemSchema>) {
  const { session } = await itemForConvenor(db, viewer, input.itemId);

  return db.$transaction(async (tx) => {
    await lockSession(tx, session.id);
    const current = await readItem(tx, input.itemId);
    if (current.version !== input.version) throw conflict(STALE_ITEM);

    const next: Editable = {
      title: input.title ?? current.title,
      description: input.description ?? current.description,
      startsAt: input.startsAt === undefined ? current.startsAt : input.startsAt,
      endsAt: input.endsAt === undefined ? current.endsAt : input.endsAt,
      issueId: input.issueId === undefined ? current.issueId : input.issueId,
      proposingPartyId: input.proposingPartyId === undefined ? current.proposingPartyId : input.proposingPartyId,
      status: input.status ?? current.status,
    };
    const changed = (Object.keys(next) as (keyof Editable)[]).filter((k) => !sameValue(next[k], current[k]));
    if (changed.length === 0) return current;

    if (changed.includes("startsAt") || changed.includes("endsAt")) assertSlot(session, next.startsAt, next.endsAt);
    if (changed.includes("issueId") && next.issueId) await assertIssueOfSeries(tx, next.issueId, session.seriesId);
    if (changed.includes("proposingPartyId") && next.proposingPartyId) await assertPartyOfSeries(tx, next.proposingPartyId, session.seriesId);

    const agendaPublishedAt = await publishedAt(tx, session.id);
    // After publication the item is marked with what changed in substance; a new proposing party is not.
    const substance = [...new Set(changed.map((k) => SUBSTANCE[k]).filter((c): c is ItemChange => c !== null))];
    const changes = agendaPublishedAt && substance.length ? withChanges(current.changes, substance) : current.changes;
    await updateVersioned(tx.agendaItem, { id: input.itemId }, input.version, { ...next, changes }, STALE_ITEM);
    const item = await readItem(tx, input.itemId);
    await touchPublishedAgenda(tx, { id: session.id, agendaPublishedAt }, item.updatedAt);
    await recordAudit(tx, {
      actorId: viewer.userId,
      seriesId: session.seriesId,
      action: "agenda.item_updated",
      subject: { kind: "agendaItem", id: item.id, sessionId: session.id, agendaPublished: agendaPublishedAt !== null },
      summary: {
        sessionId: session.id,
        before: Object.fromEntries(changed.map((k) => [k, summarise(current[k])])),
        after: Object.fromEntries(changed.map((k) => [k, summarise(next[k])])),
      },
    });
    return item;
  });
}

/** Descriptions can be long: the audit keeps a short prefix. */
function summarise(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  const text = String(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** Removes an item of a draft agenda; after publication items are deferred instead, never deleted. */
export async function deleteAgendaItem(db: Db, viewer: Viewer, input: z.output<typeof deleteAgendaItemSchema>) {
  const { session } = await itemForConvenor(db, viewer, input.itemId);

  return db.$transaction(async (tx) => {
    await lockSession(tx, session.id);
    if (await publishedAt(tx, session.id)) {
      throw invalid("The agenda is published, so its items are no longer deleted: set the item's status to Deferred instead.");
    }
    const current = await tx.agendaItem.findUniqueOrThrow({
      where: { id: input.itemId },
      select: {
        title: true,
        version: true,
        position: true,
        _count: { select: { comments: true, papers: true, assessments: true, carriedTo: true } },
      },
    });
    if (current.version !== input.version) throw conflict(STALE_ITEM);
    const linked = current._count;
    if (linked.comments + linked.papers + linked.assessments + linked.carriedTo > 0) {
      throw invalid("Comments, papers or later items refer to this item, so it cannot be deleted: set its status to Deferred instead.");
    }
    await deleteVersioned(tx.agendaItem, { id: input.itemId }, input.version, STALE_ITEM);
    // Positions stay 1…n without gaps: they are the agenda's own numbers, shown to everyone.
    await tx.agendaItem.updateMany({ where: { sessionId: session.id, position: { gt: current.position } }, data: { position: { decrement: 1 } } });
    await recordAudit(tx, {
      actorId: viewer.userId,
      seriesId: session.seriesId,
      action: "agenda.item_deleted",
      subject: { kind: "deletedAgendaItem", id: input.itemId, sessionId: session.id },
      summary: { sessionId: session.id, title: current.title },
    });
    return { id: input.itemId };
  });
}
