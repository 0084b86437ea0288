import type { Prisma } from "@/prisma/generated/client";
import type { CreateStanceInput, ReleaseStanceInput, SaveStanceInput } from "@/lib/schemas/stances";
import { releaseRank } from "@/lib/schemas/stances";
import {
  can,
  orNotFound,
  requireCan,
  requireDelegateParty,
  visibleAgendaItemsWhere,
  visibleIssuesWhere,
  visibleSessionsWhere,
  visibleStanceRevisionsWhere,
  visibleStancesWhere,
  type Viewer,
} from "@/server/access";
import { recordAudit } from "@/server/audit";
import { cachedForSession, cachedInSeries, seriesOf } from "@/server/services/tracker/cache";
import type { Db } from "@/server/db";
import { conflict, invalid } from "@/server/errors";
import {
  assertOnScale,
  assertPartyMayChange,
  labelOf,
  lockSessionShared,
  STALE_STANCE,
} from "@/server/services/stances/shared";
import { updateVersioned, type Tx } from "@/server/services/kit";

const STANCE_SELECT = {
  id: true,
  issueId: true,
  sessionId: true,
  partyId: true,
  position: true,
  rationale: true,
  conditions: true,
  redLine: true,
  priority: true,
  releaseLevel: true,
  releasedAt: true,
  updatedAt: true,
  version: true,
  issue: { select: { id: true, title: true, kind: true, scaleMin: true, scaleMax: true, scaleLabels: true, archivedAt: true } },
  party: { select: { id: true, code: true, name: true } },
  session: { select: { id: true, title: true, seriesId: true, status: true, stancesSealedAt: true, stancesRevealedAt: true } },
} satisfies Prisma.StanceSelect;

const SEAL_STATE = {
  id: true,
  title: true,
  seriesId: true,
  status: true,
  stancesSealedAt: true,
  stancesRevealedAt: true,
  sealSubmissions: { select: { partyId: true } },
} satisfies Prisma.SessionSelect;

function summaryOf(s: { position: number; redLine: boolean; priority: number; releaseLevel: string; rationale: string; conditions: string }) {
  return {
    position: s.position,
    redLine: s.redLine,
    priority: s.priority,
    releaseLevel: s.releaseLevel,
    rationaleLength: s.rationale.length,
    conditionsLength: s.conditions.length,
  };
}

/** One stance the viewer may read, with what the stance form and the conflict view need. */
export async function getStance(db: Db, viewer: Viewer, stanceId: string) {
  const stance = await orNotFound(
    db.stance.findFirst({ where: { AND: [{ id: stanceId }, visibleStancesWhere(viewer)] }, select: STANCE_SELECT }),
    "Stance not found",
  );
  return { ...stance, label: labelOf(stance.issue, stance.position), isDraft: stance.releaseLevel === "PARTY" };
}

/** The revisions of a stance the viewer may read, oldest first; other parties never see the drafts before a release. */
export async function getStanceHistory(db: Db, viewer: Viewer, stanceId: string) {
  const seriesId = await seriesOf(db, viewer, "stance", stanceId);
  return cachedInSeries(db, viewer, seriesId, `stance.history\u0000${stanceId}`, () => readStanceHistory(db, viewer, stanceId));
}

async function readStanceHistory(db: Db, viewer: Viewer, stanceId: string) {
  const stance = await getStance(db, viewer, stanceId);
  const revisions = await db.stanceRevision.findMany({
    where: { AND: [{ stanceId }, visibleStanceRevisionsWhere(viewer)] },
    select: {
      id: true,
      number: true,
      position: true,
      rationale: true,
      conditions: true,
      redLine: true,
      priority: true,
      releaseLevel: true,
      createdAt: true,
      author: { select: { id: true, name: true } },
    },
    orderBy: { number: "asc" },
  });
  return { stance, revisions: revisions.map((r) => ({ ...r, label: labelOf(stance.issue, r.position) })) };
}

/** Loads a stance for a change by its party: NOT_FOUND unless visible, FORBIDDEN unless the viewer speaks for its party. */
async function stanceForChange(tx: Tx, viewer: Viewer, stanceId: string) {
  const stance = await orNotFound(
    tx.stance.findFirst({ where: { AND: [{ id: stanceId }, visibleStancesWhere(viewer)] }, select: STANCE_SELECT }),
    "Stance not found",
  );
  const seriesId = stance.session.seriesId;
  requireCan(viewer, seriesId, can.editStance(viewer, { seriesId, partyId: stance.partyId }), `Only delegates of ${stance.party.code} can change this stance`);
  await lockSessionShared(tx, stance.sessionId);
  const session = await tx.session.findUniqueOrThrow({ where: { id: stance.sessionId }, select: SEAL_STATE });
  assertPartyMayChange(session, stance.partyId);
  return stance;
}

export async function createStance(db: Db, viewer: Viewer, input: CreateStanceInput) {
  return await db.$transaction(async (tx) => {
    const visible = await orNotFound(
      tx.session.findFirst({ where: { AND: [{ id: input.sessionId }, visibleSessionsWhere(viewer)] }, select: { id: true, seriesId: true } }),
      "Session not found",
    );
    const partyId = requireDelegateParty(viewer, visible.seriesId);
    await lockSessionShared(tx, visible.id);
    const session = await tx.session.findUniqueOrThrow({ where: { id: visible.id }, select: SEAL_STATE });
    assertPartyMayChange(session, partyId);
    const issue = await tx.issue.findFirst({
      where: {
        AND: [
          { id: input.issueId, seriesId: session.seriesId },
          visibleIssuesWhere(viewer),
          { agendaItems: { some: { AND: [{ sessionId: session.id }, visibleAgendaItemsWhere(viewer)] } } },
        ],
      },
      select: { id: true, title: true, scaleMin: true, scaleMax: true, scaleLabels: true, archivedAt: true },
    });
    if (!issue) throw invalid("Choose an issue on this session's agenda", "issueId");
    if (issue.archivedAt) throw invalid("That issue is archived; stances can no longer be recorded on it", "issueId");
    assertOnScale(input.position, issue);
    const values = {
      position: input.position,
      rationale: input.rationale,
      conditions: input.conditions,
      redLine: input.redLine,
      priority: input.priority,
      releaseLevel: "PARTY" as const,
    };
    const stance = await tx.stance.create({
      data: {
        issueId: issue.id,
        sessionId: session.id,
        partyId,
        ...values,
        revisions: { create: { number: 1, ...values, authorId: viewer.userId } },
      },
      select: { id: true, version: true },
    });
    await recordAudit(tx, {
      actorId: viewer.userId,
      seriesId: session.seriesId,
      action: "stance.created",
      subject: { kind: "stance", id: stance.id, sessionId: session.id, partyId, releaseLevel: "PARTY" },
      summary: { issue: issue.title, session: session.title, after: summaryOf(values) },
    });
    return stance;
  });
}

/** Saves a new revision of the stance from the version the delegate started from; a stale version is a CONFLICT. */
export async function saveStance(db: Db, viewer: Viewer, input: SaveStanceInput) {
  return await db.$transaction(async (tx) => {
    const before = await stanceForChange(tx, viewer, input.stanceId);
    if (before.issue.archivedAt) throw invalid("That issue is archived; its stances can no longer change");
    assertOnScale(input.position, before.issue);
    if (before.version !== input.version) throw conflict(STALE_STANCE);
    const values = {
      position: input.position,
      rationale: input.rationale,
      conditions: input.conditions,
      redLine: input.redLine,
      priority: input.priority,
    };
    await updateVersioned(tx.stance, { id: before.id }, input.version, values, STALE_STANCE);
    const number = input.version + 1;
    await tx.stanceRevision.create({
      data: { stanceId: before.id, number, ...values, releaseLevel: before.releaseLevel, authorId: viewer.userId },
    });
    await recordAudit(tx, {
      actorId: viewer.userId,
      seriesId: before.session.seriesId,
      action: "stance.saved",
      subject: { kind: "stance", id: before.id, sessionId: before.sessionId, partyId: before.partyId, releaseLevel: before.releaseLevel },
      summary: { revision: number, before: summaryOf(before), after: summaryOf({ ...values, releaseLevel: before.releaseLevel }) },
    });
    return { id: before.id, version: number };
  });
}

/** Raises the release level (never lowers it); the raise is a revision of its own. */
export async function releaseStance(db: Db, viewer: Viewer, input: ReleaseStanceInput) {
  return await db.$transaction(async (tx) => {
    const before = await stanceForChange(tx, viewer, input.stanceId);
    if (releaseRank(input.releaseLevel) <= releaseRank(before.releaseLevel)) {
      throw invalid("A release level can only be raised, never lowered or kept", "releaseLevel");
    }
    if (before.version !== input.version) throw conflict(STALE_STANCE);
    const now = new Date();
    await updateVersioned(
      tx.stance,
      { id: before.id },
      input.version,
      { releaseLevel: input.releaseLevel, releasedAt: before.releasedAt ?? now },
      STALE_STANCE,
    );
    const number = input.version + 1;
    await tx.stanceRevision.create({
      data: {
        stanceId: before.id,
        number,
        position: before.position,
        rationale: before.rationale,
        conditions: before.conditions,
        redLine: before.redLine,
        priority: before.priority,
        releaseLevel: input.releaseLevel,
        authorId: viewer.userId,
        createdAt: now,
      },
    });
    await recordAudit(tx, {
      actorId: viewer.userId,
      seriesId: before.session.seriesId,
      action: "stance.released",
      subject: { kind: "stance", id: before.id, sessionId: before.sessionId, partyId: before.partyId, releaseLevel: input.releaseLevel },
      summary: { revision: number, before: { releaseLevel: before.releaseLevel }, after: { releaseLevel: input.releaseLevel } },
    });
    return { id: before.id, version: number, releaseLevel: input.releaseLevel };
  });
}

/** Stances recorded at a session that the viewer may read (their own party's drafts included). */
/** The session's stances the viewer may read; shared per series × class while unchanged. */
export function listSessionStances(db: Db, viewer: Viewer, sessionId: string) {
  return cachedForSession(db, viewer, sessionId, "stance.listForSession", () => readSessionStances(db, viewer, sessionId));
}

async function readSessionStances(db: Db, viewer: Viewer, sessionId: string) {
  await orNotFound(
    db.session.findFirst({ where: { AND: [{ id: sessionId }, visibleSessionsWhere(viewer)] }, select: { id: true } }),
    "Session not found",
  );
  return db.stance.findMany({
    where: { AND: [{ sessionId }, visibleStancesWhere(viewer)] },
    select: {
      id: true,
      position: true,
      redLine: true,
      priority: true,
      releaseLevel: true,
      version: true,
      issue: { select: { id: true, title: true } },
      party: { select: { code: true } },
    },
    orderBy: [{ issue: { title: "asc" } }, { party: { code: "asc" } }],
  });
}
