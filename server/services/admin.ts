import type { Db } from "@/server/db";
import type { z } from "zod";
import type { createPartySchema, createSeriesSchema, createUserSchema, updatePartySchema } from "@/lib/schemas/admin";
import { hashPassword } from "@/server/auth/password";
import { recordAudit } from "@/server/audit";
import { AppError, conflict, invalid, notFound } from "@/server/errors";

type Actor = { userId: string };

export async function createUser(db: Db, actor: Actor, input: z.output<typeof createUserSchema>) {
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw invalid("An account with this email already exists", "email");
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
      objectType: "User",
      objectId: user.id,
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
    await recordAudit(tx, {
      actorId: actor.userId,
      action: active ? "user.reactivated" : "user.deactivated",
      objectType: "User",
      objectId: userId,
    });
    return updated;
  });
}

export async function createParty(db: Db, actor: Actor, input: z.output<typeof createPartySchema>) {
  const clash = await db.party.findUnique({ where: { code: input.code }, select: { id: true } });
  if (clash) throw invalid(`A party with code ${input.code} already exists`, "code");
  return db.$transaction(async (tx) => {
    const party = await tx.party.create({ data: input, select: { id: true, code: true, name: true, version: true } });
    await recordAudit(tx, { actorId: actor.userId, action: "party.created", objectType: "Party", objectId: party.id, summary: input });
    return party;
  });
}

export async function updateParty(db: Db, actor: Actor, input: z.output<typeof updatePartySchema>) {
  const clash = await db.party.findFirst({ where: { code: input.code, NOT: { id: input.partyId } }, select: { id: true } });
  if (clash) throw invalid(`A party with code ${input.code} already exists`, "code");
  return db.$transaction(async (tx) => {
    const before = await tx.party.findUnique({ where: { id: input.partyId }, select: { code: true, name: true } });
    if (!before) throw notFound("Party not found");
    const { count } = await tx.party.updateMany({
      where: { id: input.partyId, version: input.version },
      data: { code: input.code, name: input.name, version: { increment: 1 } },
    });
    if (count === 0) throw conflict("Someone changed this party since you opened it. Reload to see their change.");
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "party.updated",
      objectType: "Party",
      objectId: input.partyId,
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
  const clash = await db.series.findUnique({ where: { shortName: input.shortName }, select: { id: true } });
  if (clash) throw invalid(`The short name ${input.shortName} is taken`, "shortName");
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
      objectType: "Series",
      objectId: series.id,
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
      objectType: "Membership",
      objectId: membership.id,
      summary: { userId, before: before ? { role: before.role, removed: Boolean(before.removedAt) } : null },
    });
    return membership;
  });
}
