import type { z } from "zod";
import type { Prisma } from "@/prisma/generated/client";
import { SESSION_STATUSES } from "@/lib/schemas/common";
import {
  zonedLocalToInstant,
  type advanceSessionStatusSchema,
  type stepBackSessionStatusSchema,
  type createSessionSchema,
  type updateSessionSchema,
} from "@/lib/schemas/sessions";
import { can, membershipIn, orNotFound, requireCan, visibleAgendaItemsWhere, visibleSessionsWhere, type Viewer } from "@/server/access";
import { recordAudit } from "@/server/audit";
import type { Db } from "@/server/db";
import { conflict, invalid } from "@/server/errors";
import { SESSION_CARD } from "@/server/services/sessions/select";
import { updateVersioned, type DbOrTx } from "@/server/services/kit";
import { cachedForSession } from "@/server/services/tracker/cache";
import { currentItemFor } from "@/server/services/sessions/current-item";

type Status = (typeof SESSION_STATUSES)[number];

type Fields = {
  title: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  place: string;
  isVirtual: boolean;
};

/** The columns a session's fields become: instants in UTC, the zone kept beside them. */
function toColumns(input: Fields) {
  const startsAt = zonedLocalToInstant(input.startsAt, input.timeZone);
  const endsAt = zonedLocalToInstant(input.endsAt, input.timeZone);
  // The schema already refused these; kept so a caller that bypasses it still writes nothing.
  if (!startsAt) throw invalid("Enter a valid date and time", "startsAt");
  if (!endsAt) throw invalid("Enter a valid date and time", "endsAt");
  if (endsAt < startsAt) throw invalid("The end cannot be before the start", "endsAt");
  if (!input.isVirtual && !input.place) throw invalid("Enter a place, or mark the session as virtual", "place");
  return {
    title: input.title,
    startsAt,
    endsAt,
    timeZone: input.timeZone,
    place: input.isVirtual ? (input.place || null) : input.place,
    isVirtual: input.isVirtual,
  };
}

type SummaryRow = Prisma.SessionGetPayload<{ select: typeof SESSION_CARD }>;

function summaryOf(s: Omit<SummaryRow, "id" | "status"> & { status?: SummaryRow["status"] }) {
  return {
    title: s.title,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    timeZone: s.timeZone,
    place: s.place,
    isVirtual: s.isVirtual,
  };
}

/** A session the viewer may see, then their convenorship of its series (members without it: FORBIDDEN). */
async function sessionForConvenor(db: Db, viewer: Viewer, sessionId: string) {
  const session = await orNotFound(
    db.session.findFirst({
      where: { AND: [{ id: sessionId }, visibleSessionsWhere(viewer)] },
      select: { ...SESSION_CARD, seriesId: true, version: true },
    }),
    "Session not found",
  );
  requireCan(viewer, session.seriesId, can.manageSessions(viewer, session.seriesId));
  return session;
}

const RESULT_SELECT = { ...SESSION_CARD, seriesId: true, version: true } satisfies Prisma.SessionSelect;

export async function createSession(db: Db, viewer: Viewer, input: z.output<typeof createSessionSchema>) {
  requireCan(viewer, input.seriesId, can.manageSessions(viewer, input.seriesId));
  const data = toColumns(input);
  return db.$transaction(async (tx) => {
    const session = await tx.session.create({
      data: { ...data, seriesId: input.seriesId, status: "DRAFT" },
      select: RESULT_SELECT,
    });
    await recordAudit(tx, {
      actorId: viewer.userId,
      seriesId: input.seriesId,
      action: "session.created",
      subject: { kind: "session", id: session.id, audience: "GOVERNMENTS" },
      summary: summaryOf(session),
    });
    return session;
  });
}

export async function updateSession(db: Db, viewer: Viewer, input: z.output<typeof updateSessionSchema>) {
  const before = await sessionForConvenor(db, viewer, input.sessionId);
  const data = toColumns(input);
  return db.$transaction(async (tx) => {
    await updateVersioned(
      tx.session,
      { id: input.sessionId },
      input.version,
      data,
      "Someone changed this session since you opened it. Reload to see their change, then edit again.",
    );
    const after = await tx.session.findUniqueOrThrow({ where: { id: input.sessionId }, select: RESULT_SELECT });
    await recordAudit(tx, {
      actorId: viewer.userId,
      seriesId: before.seriesId,
      action: "session.updated",
      subject: { kind: "session", id: input.sessionId, audience: "GOVERNMENTS" },
      summary: { before: summaryOf(before), after: summaryOf(after) },
    });
    return after;
  });
}

const LABEL: Record<Status, string> = {
  DRAFT: "Draft",
  AGENDA_PUBLISHED: "Agenda published",
  IN_SESSION: "In session",
  CONCLUDED: "Concluded",
};

/** Forward only, one step at a time; DRAFT → AGENDA_PUBLISHED belongs to publishing the agenda. */
export function checkTransition(from: Status, to: Status): void {
  const a = SESSION_STATUSES.indexOf(from);
  const b = SESSION_STATUSES.indexOf(to);
  if (b === a) throw invalid(`The session is already "${LABEL[from]}".`, "to");
  if (b < a) {
    throw invalid(
      `Advancing moves a session's status forward only: to go back from "${LABEL[from]}" to "${LABEL[to]}", move it back one step instead.`,
      "to",
    );
  }
  if (b > a + 1) {
    const next = SESSION_STATUSES[a + 1] as Status;
    throw invalid(`One step at a time: from "${LABEL[from]}" the next status is "${LABEL[next]}", not "${LABEL[to]}".`, "to");
  }
  if (from === "DRAFT") {
    throw invalid("A draft session becomes \"Agenda published\" by publishing its agenda, from the agenda panel.", "to");
  }
}

const STALE_STATUS = "Someone changed this session since you opened it. Reload to see its current status.";

export async function advanceSessionStatus(db: Db, viewer: Viewer, input: z.output<typeof advanceSessionStatusSchema>) {
  const session = await sessionForConvenor(db, viewer, input.sessionId);
  if (session.version !== input.version) {
    throw conflict(STALE_STATUS);
  }
  checkTransition(session.status, input.to);
  return db.$transaction(async (tx) => {
    await updateVersioned(tx.session, { id: input.sessionId, status: session.status }, input.version, { status: input.to }, STALE_STATUS);
    await recordAudit(tx, {
      actorId: viewer.userId,
      seriesId: session.seriesId,
      action: "session.status_changed",
      subject: { kind: "session", id: input.sessionId, audience: "GOVERNMENTS" },
      summary: { title: session.title, before: { status: session.status }, after: { status: input.to } },
    });
    return tx.session.findUniqueOrThrow({ where: { id: input.sessionId }, select: RESULT_SELECT });
  });
}

/**
 * What already rests on the session's current status, so that it may no longer go back one step
 * (README, "Session rules"). IN_SESSION → AGENDA_PUBLISHED: nothing recorded since the session went
 * in session (a stance revision, a seal submission, a minutes revision, an assessment).
 * CONCLUDED → IN_SESSION: minutes released, or items carried over to a later session.
 * AGENDA_PUBLISHED → DRAFT never: others may have read the published agenda.
 */
async function stepBackBlockers(db: DbOrTx, session: { id: string; status: Status }): Promise<string[]> {
  if (session.status === "IN_SESSION") {
    const entered = await db.auditEvent.findFirst({
      where: { action: "session.status_changed", objectId: session.id, summary: { path: ["after", "status"], equals: "IN_SESSION" } },
      orderBy: { id: "desc" },
      select: { createdAt: true },
    });
    // No record of the step (data from before the audit trail): everything at the session counts.
    const since = entered?.createdAt ?? new Date(0);
    const [stances, seals, minutes, assessments] = await Promise.all([
      db.stanceRevision.count({ where: { stance: { sessionId: session.id }, createdAt: { gte: since } } }),
      db.sealSubmission.count({ where: { sessionId: session.id, submittedAt: { gte: since } } }),
      db.minutesRevision.count({ where: { minutes: { sessionId: session.id }, createdAt: { gte: since } } }),
      db.assessment.count({ where: { sessionId: session.id, updatedAt: { gte: since } } }),
    ]);
    return [
      stances ? "stances were recorded in session" : "",
      seals ? "stances were submitted to the seal in session" : "",
      minutes ? "minutes were written in session" : "",
      assessments ? "scholars gave assessments in session" : "",
    ].filter(Boolean);
  }
  if (session.status === "CONCLUDED") {
    const [released, carried] = await Promise.all([
      db.minutes.count({ where: { sessionId: session.id, releasedAt: { not: null } } }),
      db.agendaItem.count({ where: { carriedFrom: { sessionId: session.id } } }),
    ]);
    return [released ? "its minutes were released" : "", carried ? "items were carried over to a later session" : ""].filter(Boolean);
  }
  return [];
}

/** Back one step (IN_SESSION → AGENDA_PUBLISHED, CONCLUDED → IN_SESSION) while nothing rests on the later status. */
export async function stepBackSessionStatus(db: Db, viewer: Viewer, input: z.output<typeof stepBackSessionStatusSchema>) {
  const session = await sessionForConvenor(db, viewer, input.sessionId);
  if (session.version !== input.version) throw conflict(STALE_STATUS);
  if (session.status === "DRAFT") throw invalid("A draft session has no earlier status.");
  if (session.status === "AGENDA_PUBLISHED") {
    throw invalid("A published agenda stays published: others may have read it. Change its items instead.");
  }
  const to = SESSION_STATUSES[SESSION_STATUSES.indexOf(session.status) - 1] as Status;
  return db.$transaction(async (tx) => {
    // The row lock serialises this with every write that could add a blocker in the meantime.
    await tx.$executeRaw`SELECT 1 FROM "Session" WHERE id = ${input.sessionId} FOR UPDATE`;
    const blockers = await stepBackBlockers(tx, session);
    if (blockers.length) {
      throw invalid(`"${session.title}" cannot go back to "${LABEL[to]}": ${blockers.join("; ")}.`);
    }
    await updateVersioned(tx.session, { id: input.sessionId, status: session.status }, input.version, { status: to }, STALE_STATUS);
    await recordAudit(tx, {
      actorId: viewer.userId,
      seriesId: session.seriesId,
      action: "session.status_changed",
      subject: { kind: "session", id: input.sessionId, audience: "GOVERNMENTS" },
      summary: { title: session.title, before: { status: session.status }, after: { status: to }, stepBack: true },
    });
    return tx.session.findUniqueOrThrow({ where: { id: input.sessionId }, select: RESULT_SELECT });
  });
}

/**
 * One session with the agenda items the viewer may see (drafts only for convenors); shared per
 * series × class while the series is unchanged.
 */
export function getSession(db: Db, viewer: Viewer, sessionId: string) {
  return cachedForSession(db, viewer, sessionId, "session.get", () => readSession(db, viewer, sessionId));
}

async function readSession(db: Db, viewer: Viewer, sessionId: string) {
  const [session, agenda] = await Promise.all([
    orNotFound(
      db.session.findFirst({
        where: { AND: [{ id: sessionId }, visibleSessionsWhere(viewer)] },
        select: {
          ...SESSION_CARD,
          version: true,
          agendaPublishedAt: true,
          agendaUpdatedAt: true,
          stancesSealedAt: true,
          stancesRevealedAt: true,
          currentItemId: true,
          series: { select: { id: true, name: true, shortName: true, illustrative: true, attribution: true } },
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
        issue: { select: { id: true, title: true, kind: true } },
        proposingParty: { select: { code: true } },
      },
      orderBy: { position: "asc" },
    }),
  ]);
  const membership = membershipIn(viewer, session.series.id);
  const may = { manageSessions: can.manageSessions(viewer, session.series.id) };
  const currentId = currentItemFor(session, agenda.map((i) => i.id));
  const currentItem = agenda.find((i) => i.id === currentId);
  return {
    ...session,
    currentItemId: currentId,
    currentItem: currentItem ? { id: currentItem.id, position: currentItem.position, title: currentItem.title } : null,
    agenda,
    myRole: membership?.role ?? null, myPartyId: membership?.partyId ?? null, may };
}
