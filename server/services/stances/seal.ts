import { can, orNotFound, requireCan, requireDelegateParty, visibleSessionsWhere, visibleStancesWhere, type Viewer } from "@/server/access";
import { recordAudit } from "@/server/audit";
import type { Db } from "@/server/db";
import { invalid } from "@/server/errors";
import type { Tx } from "@/server/services/kit";
import { lockSessionExclusive } from "@/server/services/stances/shared";
import { SERIES_PARTIES } from "@/server/services/series/series";

/** The visible session, then (under an exclusive lock) its current seal state. */
async function sessionForSeal(tx: Tx, viewer: Viewer, sessionId: string) {
  const visible = await orNotFound(
    tx.session.findFirst({ where: { AND: [{ id: sessionId }, visibleSessionsWhere(viewer)] }, select: { id: true, seriesId: true } }),
    "Session not found",
  );
  return visible;
}

async function lockedSealState(tx: Tx, sessionId: string) {
  await lockSessionExclusive(tx, sessionId);
  return tx.session.findUniqueOrThrow({
    where: { id: sessionId },
    select: {
      id: true,
      title: true,
      seriesId: true,
      status: true,
      version: true,
      stancesSealedAt: true,
      stancesRevealedAt: true,
      series: { select: { parties: { select: { partyId: true } } } },
      sealSubmissions: { select: { partyId: true } },
    },
  });
}

/**
 * Seals a session's stances: until every party submitted or a convenor opens the seal, no party
 * sees another's. Only while nothing of the session is released beyond the parties.
 */
export async function sealStances(db: Db, viewer: Viewer, sessionId: string) {
  return db.$transaction(async (tx) => {
    const visible = await sessionForSeal(tx, viewer, sessionId);
    requireCan(viewer, visible.seriesId, can.manageSeal(viewer, visible.seriesId));
    const session = await lockedSealState(tx, visible.id);
    if (session.stancesSealedAt) throw invalid("This session's stances are already sealed");
    if (session.status === "CONCLUDED") throw invalid("A concluded session's stances cannot be sealed");
    // Through the fragment like every stance read: unsealed, a convenor reads every released stance.
    const released = await tx.stance.count({ where: { AND: [visibleStancesWhere(viewer, { releasedOnly: true }), { sessionId: session.id }] } });
    if (released > 0) {
      throw invalid("Some stances of this session are already released beyond their party; the session can no longer be sealed.");
    }
    const now = new Date();
    await tx.session.update({ where: { id: session.id }, data: { stancesSealedAt: now, version: { increment: 1 } } });
    await recordAudit(tx, {
      actorId: viewer.userId,
      seriesId: session.seriesId,
      action: "stance.sealed",
      subject: { kind: "session", id: session.id, audience: "GOVERNMENTS" },
      summary: { session: session.title },
    });
    return { sealedAt: now };
  });
}

/**
 * A party submits its stances at a sealed session: its drafts there are released to governments
 * (each release a revision of its own) and can no longer change until the seal opens. The last
 * party to submit opens the seal in the same transaction; the exclusive lock on the session row
 * makes two last submissions see each other.
 */
export async function submitSealedStances(db: Db, viewer: Viewer, sessionId: string) {
  return db.$transaction(async (tx) => {
    const visible = await sessionForSeal(tx, viewer, sessionId);
    const partyId = requireDelegateParty(viewer, visible.seriesId);
    const session = await lockedSealState(tx, visible.id);
    if (!session.stancesSealedAt) throw invalid("This session's stances are not sealed");
    if (session.stancesRevealedAt) throw invalid("The seal of this session is already open");
    if (session.sealSubmissions.some((s) => s.partyId === partyId)) throw invalid("Your party has already submitted its stances");
    const now = new Date();
    const drafts = await tx.stance.findMany({
      where: { AND: [visibleStancesWhere(viewer), { sessionId: session.id, partyId, releaseLevel: "PARTY" }] },
      select: { id: true, version: true, position: true, rationale: true, conditions: true, redLine: true, priority: true },
    });
    for (const d of drafts) {
      await tx.stance.update({
        where: { id: d.id },
        data: { releaseLevel: "GOVERNMENTS", releasedAt: now, version: { increment: 1 } },
      });
      await tx.stanceRevision.create({
        data: {
          stanceId: d.id,
          number: d.version + 1,
          position: d.position,
          rationale: d.rationale,
          conditions: d.conditions,
          redLine: d.redLine,
          priority: d.priority,
          releaseLevel: "GOVERNMENTS",
          authorId: viewer.userId,
          createdAt: now,
        },
      });
      // Each release is the stance's own event: hidden with the stance until the seal opens.
      await recordAudit(tx, {
        actorId: viewer.userId,
        seriesId: session.seriesId,
        action: "stance.released",
        subject: { kind: "stance", id: d.id, sessionId: session.id, partyId, releaseLevel: "GOVERNMENTS" },
        summary: { revision: d.version + 1, before: { releaseLevel: "PARTY" }, after: { releaseLevel: "GOVERNMENTS" }, sealed: true },
      });
    }
    await tx.sealSubmission.create({ data: { sessionId: session.id, partyId, submittedById: viewer.userId, submittedAt: now } });
    const submitted = new Set([...session.sealSubmissions.map((s) => s.partyId), partyId]);
    const revealed = session.series.parties.every((p) => submitted.has(p.partyId));
    await tx.session.update({
      where: { id: session.id },
      data: { version: { increment: 1 }, ...(revealed ? { stancesRevealedAt: now } : {}) },
    });
    await recordAudit(tx, {
      actorId: viewer.userId,
      seriesId: session.seriesId,
      action: "stance.submitted",
      subject: { kind: "session", id: session.id, audience: "GOVERNMENTS" },
      // That the party submitted, never how many positions: nothing about them before the reveal.
      summary: { session: session.title, partyId, revealed },
    });
    return { submittedAt: now, revealed };
  });
}

/** A convenor opens a sealed session before every party submitted; unsubmitted drafts stay drafts. */
export async function openSealedStances(db: Db, viewer: Viewer, sessionId: string) {
  return db.$transaction(async (tx) => {
    const visible = await sessionForSeal(tx, viewer, sessionId);
    requireCan(viewer, visible.seriesId, can.manageSeal(viewer, visible.seriesId));
    const session = await lockedSealState(tx, visible.id);
    if (!session.stancesSealedAt) throw invalid("This session's stances are not sealed");
    if (session.stancesRevealedAt) throw invalid("The seal of this session is already open");
    const now = new Date();
    await tx.session.update({ where: { id: session.id }, data: { stancesRevealedAt: now, version: { increment: 1 } } });
    await recordAudit(tx, {
      actorId: viewer.userId,
      seriesId: session.seriesId,
      action: "stance.seal_opened",
      subject: { kind: "session", id: session.id, audience: "GOVERNMENTS" },
      summary: { session: session.title, submitted: session.sealSubmissions.length, parties: session.series.parties.length },
    });
    return { revealedAt: now };
  });
}

/** Who has submitted at a sealed session (party codes and times), never what. */
export async function getSealStatus(db: Db, viewer: Viewer, sessionId: string) {
  const session = await orNotFound(
    db.session.findFirst({
      where: { AND: [{ id: sessionId }, visibleSessionsWhere(viewer)] },
      select: {
        stancesSealedAt: true,
        stancesRevealedAt: true,
        series: { select: { parties: SERIES_PARTIES } },
        sealSubmissions: { select: { partyId: true, submittedAt: true, party: { select: { code: true } } }, orderBy: { submittedAt: "asc" } },
      },
    }),
    "Session not found",
  );
  return {
    sealedAt: session.stancesSealedAt,
    revealedAt: session.stancesRevealedAt,
    parties: session.series.parties
      .map((p) => p.party)
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((p) => ({ ...p, submittedAt: session.sealSubmissions.find((s) => s.partyId === p.id)?.submittedAt ?? null })),
    submitted: session.sealSubmissions.map((s) => ({ partyCode: s.party.code, submittedAt: s.submittedAt })),
  };
}
