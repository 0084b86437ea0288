import type { Db } from "@/server/db";
import { revokeSessions } from "@/server/auth/sessions";
import type { z } from "zod";
import type { createPartySchema, createSeriesSchema, createUserSchema, updatePartySchema, updateSeriesSchema } from "@/lib/schemas/admin";
import { hashPassword } from "@/server/auth/password";
import { recordAudit } from "@/server/audit";
import { AppError, invalid, notFound } from "@/server/errors";
import { updateVersioned } from "@/server/services/kit";
import { auditSessionsEnded } from "@/server/auth/session-audit";

type Actor = { userId: string };

export async function createUser(db: Db, actor: Actor, input: z.output<typeof createUserSchema>) {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: {
        email: input.email,
        name: input.name,
        affiliation: input.affiliation || null,
        isAdmin: input.isAdmin,
        passwordHash,
      },
      select: { id: true, email: true, name: true, isAdmin: true },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "user.created",
      subject: { kind: "user", id: user.id },
      summary: { email: user.email, isAdmin: user.isAdmin },
    });
    return user;
  });
}

/** Deactivation ends the account's sessions at their next request; reactivation does not revive them. */
export async function setUserActive(db: Db, actor: Actor, userId: string, active: boolean) {
  if (userId === actor.userId && !active) throw invalid("You cannot deactivate your own account");
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, deactivatedAt: true } });
    if (!user) throw notFound("User not found");
    const now = new Date();
    const updated = await tx.user.update({
      where: { id: userId },
      data: active
        ? { deactivatedAt: null, version: { increment: 1 } }
        : { deactivatedAt: user.deactivatedAt ?? now, sessionsValidFrom: now, version: { increment: 1 } },
      select: { id: true, deactivatedAt: true },
    });
    const ended = active ? 0 : await revokeSessions(tx, userId, null, now);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: active ? "user.reactivated" : "user.deactivated",
      subject: { kind: "user", id: userId },
    });
    if (ended > 0) await auditSessionsEnded(tx, { actorId: actor.userId, userId, reason: "deactivated", ended });
    return updated;
  });
}

export async function createParty(db: Db, actor: Actor, input: z.output<typeof createPartySchema>) {
  return db.$transaction(async (tx) => {
    const party = await tx.party.create({ data: input, select: { id: true, code: true, name: true, version: true } });
    await recordAudit(tx, { actorId: actor.userId, action: "party.created", subject: { kind: "party", id: party.id }, summary: input });
    return party;
  });
}

export async function updateParty(db: Db, actor: Actor, input: z.output<typeof updatePartySchema>) {
  return db.$transaction(async (tx) => {
    const before = await tx.party.findUnique({ where: { id: input.partyId }, select: { code: true, name: true } });
    if (!before) throw notFound("Party not found");
    await updateVersioned(
      tx.party,
      { id: input.partyId },
      input.version,
      { code: input.code, name: input.name },
      "Someone changed this party since you opened it. Reload to see their change.",
    );
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "party.updated",
      subject: { kind: "party", id: input.partyId },
      summary: { before, after: { code: input.code, name: input.name } },
    });
    return tx.party.findUniqueOrThrow({ where: { id: input.partyId }, select: { id: true, code: true, name: true, version: true } });
  });
}

async function assertActiveUsers(db: Db, userIds: string[]) {
  if (userIds.length === 0) return;
  const found = await db.user.count({ where: { id: { in: userIds }, deactivatedAt: null } });
  if (found !== new Set(userIds).size) throw invalid("Every convenor must be an active account", "convenorIds");
}

export async function createSeries(db: Db, actor: Actor, input: z.output<typeof createSeriesSchema>) {
  const parties = await db.party.count({ where: { id: { in: input.partyIds } } });
  if (parties !== input.partyIds.length) throw invalid("Choose parties from the list", "partyIds");
  await assertActiveUsers(db, input.convenorIds);
  return db.$transaction(async (tx) => {
    const series = await tx.series.create({
      data: {
        name: input.name,
        shortName: input.shortName,
        description: input.description,
        track: input.track,
        attribution: input.attribution,
        parties: { create: input.partyIds.map((partyId) => ({ partyId })) },
        memberships: { create: [...new Set(input.convenorIds)].map((userId) => ({ userId, role: "CONVENOR" as const })) },
      },
      select: { id: true, shortName: true },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      seriesId: series.id,
      action: "series.created",
      subject: { kind: "series", id: series.id },
      summary: { name: input.name, shortName: input.shortName, track: input.track, partyIds: input.partyIds },
    });
    return series;
  });
}

/** Makes an account a convenor of a series (re-admitting them if they had been removed). */
export async function appointConvenor(db: Db, actor: Actor, seriesId: string, userId: string) {
  const series = await db.series.findUnique({ where: { id: seriesId }, select: { id: true } });
  if (!series) throw notFound("Series not found");
  await assertActiveUsers(db, [userId]).catch(() => {
    throw invalid("Choose an active account", "userId");
  });
  return db.$transaction(async (tx) => {
    const before = await tx.membership.findUnique({ where: { seriesId_userId: { seriesId, userId } }, select: { role: true, removedAt: true } });
    if (before && !before.removedAt && before.role === "CONVENOR") throw new AppError("BAD_REQUEST", "Already a convenor of this series", { userId: ["Already a convenor of this series"] });
    const membership = await tx.membership.upsert({
      where: { seriesId_userId: { seriesId, userId } },
      create: { seriesId, userId, role: "CONVENOR" },
      update: { role: "CONVENOR", partyId: null, affiliation: null, removedAt: null, version: { increment: 1 } },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      seriesId,
      action: "membership.convenor_appointed",
      subject: { kind: "membership", id: membership.id },
      summary: { userId, before: before ? { role: before.role, removed: Boolean(before.removedAt) } : null },
    });
    return membership;
  });
}

/**
 * Edits a series. A party cannot leave once it holds material (members, papers, stances, proposed
 * items), and a track 1.5 series stays one while scholars are members.
 */
export async function updateSeries(db: Db, actor: Actor, input: z.output<typeof updateSeriesSchema>) {
  const before = await db.series.findUnique({
    where: { id: input.seriesId },
    select: { name: true, shortName: true, description: true, track: true, attribution: true, parties: { select: { partyId: true } } },
  });
  if (!before) throw notFound("Series not found");
  const parties = await db.party.findMany({ where: { id: { in: input.partyIds } }, select: { id: true, code: true } });
  if (parties.length !== input.partyIds.length) throw invalid("Choose parties from the list", "partyIds");
  const beforeParties = before.parties.map((p) => p.partyId);
  const removed = beforeParties.filter((p) => !input.partyIds.includes(p));
  const added = input.partyIds.filter((p) => !beforeParties.includes(p));
  const seriesId = input.seriesId;
  return db.$transaction(async (tx) => {
    for (const partyId of removed) {
      const [members, invitations, papers, stances, items] = await Promise.all([
        tx.membership.count({ where: { seriesId, partyId, removedAt: null } }),
        tx.invitation.count({ where: { seriesId, partyId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } } }),
        tx.positionPaper.count({ where: { partyId, session: { seriesId } } }),
        tx.stance.count({ where: { partyId, session: { seriesId } } }),
        tx.agendaItem.count({ where: { proposingPartyId: partyId, session: { seriesId } } }),
      ]);
      if (members + invitations + papers + stances + items > 0) {
        const code = (await tx.party.findUnique({ where: { id: partyId }, select: { code: true } }))?.code ?? partyId;
        throw invalid(`${code} cannot be removed: it has members, invitations, papers, stances or proposed items in this series`, "partyIds");
      }
    }
    if (before.track === "TRACK_1_5" && input.track !== "TRACK_1_5") {
      const scholars = await tx.membership.count({ where: { seriesId, role: "SCHOLAR", removedAt: null } });
      if (scholars > 0) throw invalid("The track cannot change while scholars are members of the series", "track");
    }
    await updateVersioned(
      tx.series,
      { id: seriesId },
      input.version,
      {
        name: input.name,
        shortName: input.shortName,
        description: input.description,
        track: input.track,
        attribution: input.attribution,
      },
      "Someone changed this series since you opened it. Reload to see their change.",
    );
    if (removed.length > 0) await tx.seriesParty.deleteMany({ where: { seriesId, partyId: { in: removed } } });
    if (added.length > 0) await tx.seriesParty.createMany({ data: added.map((partyId) => ({ seriesId, partyId })) });
    const after = { name: input.name, shortName: input.shortName, description: input.description, track: input.track, attribution: input.attribution, partyIds: input.partyIds };
    await recordAudit(tx, {
      actorId: actor.userId,
      seriesId,
      action: "series.updated",
      subject: { kind: "series", id: seriesId },
      summary: { before: { ...before, parties: undefined, partyIds: beforeParties }, after },
    });
    return tx.series.findUniqueOrThrow({ where: { id: seriesId }, select: { id: true, shortName: true, version: true } });
  });
}
