import type { z } from "zod";
import type { acceptInvitationSchema, createInvitationSchema, InvitationStatus } from "@/lib/schemas/members";
import { can, membershipIn, requireCan, visibleInvitationsWhere, type Viewer } from "@/server/access";
import { recordAudit } from "@/server/audit";
import { hashPassword } from "@/server/auth/password";
import type { Db } from "@/server/db";
import { AppError, forbidden, invalid, notFound } from "@/server/errors";
import { membershipFieldsFor } from "@/server/services/members/rules";
import { hashInvitationToken, invitationLink, newInvitationToken } from "@/server/services/invitations/tokens";
import { updateGuarded } from "@/server/services/kit";

const DAY_MS = 24 * 60 * 60 * 1000;

type StatusFields = { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date };

export function invitationStatus(i: StatusFields, now = new Date()): InvitationStatus {
  if (i.acceptedAt) return "accepted";
  if (i.revokedAt) return "revoked";
  if (i.expiresAt.getTime() <= now.getTime()) return "expired";
  return "pending";
}

const NOT_PENDING: Record<Exclude<InvitationStatus, "pending">, string> = {
  accepted: "This invitation link has already been used",
  expired: "This invitation link has expired: ask the convenor for a new one",
  revoked: "This invitation link was revoked by the convenor",
};

export async function createInvitation(db: Db, viewer: Viewer, input: z.output<typeof createInvitationSchema>) {
  requireCan(viewer, input.seriesId, can.manageMembers(viewer, input.seriesId));
  const fields = await membershipFieldsFor(db, input.seriesId, input.role, input.partyId, input.affiliation);
  const existing = await db.membership.findFirst({
    where: { seriesId: input.seriesId, removedAt: null, user: { email: input.email } },
    select: { id: true },
  });
  if (existing) throw invalid("This person is already a member of the series", "email");
  const itemIds = [...new Set(input.agendaItemIds)];
  if (itemIds.length > 0) {
    const found = await db.agendaItem.count({ where: { id: { in: itemIds }, session: { seriesId: input.seriesId } } });
    if (found !== itemIds.length) throw invalid("Choose agenda items of this series", "agendaItemIds");
  }
  const token = newInvitationToken();
  const expiresAt = new Date(Date.now() + input.expiresInDays * DAY_MS);
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.create({
      data: {
        seriesId: input.seriesId,
        email: input.email,
        ...fields,
        tokenHash: hashInvitationToken(token),
        expiresAt,
        createdById: viewer.userId,
        items: { create: itemIds.map((agendaItemId) => ({ agendaItemId })) },
      },
      select: { id: true, email: true, role: true, expiresAt: true },
    });
    await recordAudit(tx, {
      actorId: viewer.userId,
      seriesId: input.seriesId,
      action: "invitation.created",
      subject: { kind: "invitation", id: invitation.id },
      summary: { email: input.email, ...fields, expiresAt: expiresAt.toISOString(), agendaItemIds: itemIds },
    });
    // The token leaves the server this once; only its hash is kept.
    return { ...invitation, link: invitationLink(token) };
  });
}

export async function listInvitations(db: Db, viewer: Viewer, seriesId: string) {
  requireCan(viewer, seriesId, can.manageMembers(viewer, seriesId));
  const rows = await db.invitation.findMany({
    where: { AND: [visibleInvitationsWhere(viewer), { seriesId }] },
    select: {
      id: true,
      email: true,
      role: true,
      affiliation: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      createdAt: true,
      party: { select: { code: true } },
      createdBy: { select: { name: true } },
      acceptedBy: { select: { name: true } },
      items: { select: { agendaItem: { select: { id: true, title: true } } } },
    },
    orderBy: { createdAt: "desc" },
  });
  const now = new Date();
  return rows.map((r) => ({ ...r, items: r.items.map((i) => i.agendaItem), status: invitationStatus(r, now) }));
}

export async function revokeInvitation(db: Db, viewer: Viewer, invitationId: string) {
  const invitation = await db.invitation.findUnique({ where: { id: invitationId }, select: { id: true, seriesId: true, email: true } });
  if (!invitation || !membershipIn(viewer, invitation.seriesId)) throw notFound("Invitation not found");
  requireCan(viewer, invitation.seriesId, can.manageMembers(viewer, invitation.seriesId));
  return db.$transaction(async (tx) => {
    const { count } = await tx.invitation.updateMany({
      where: { id: invitationId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw invalid("This invitation was already used or revoked");
    await recordAudit(tx, {
      actorId: viewer.userId,
      seriesId: invitation.seriesId,
      action: "invitation.revoked",
      subject: { kind: "invitation", id: invitationId },
      summary: { email: invitation.email },
    });
    return { id: invitationId };
  });
}

async function findByToken(db: Db, token: string) {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: {
      id: true,
      seriesId: true,
      email: true,
      role: true,
      partyId: true,
      affiliation: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      createdById: true,
      series: { select: { name: true, shortName: true } },
      party: { select: { code: true, name: true } },
      items: { select: { agendaItemId: true } },
    },
  });
  if (!invitation) throw notFound("This invitation link is not valid");
  return invitation;
}

/** What the holder of a link may know about it: the token is the proof. */
export async function previewInvitation(db: Db, viewer: Viewer | null, token: string) {
  const i = await findByToken(db, token);
  const status = invitationStatus(i);
  const account = status === "pending" ? await db.user.findUnique({ where: { email: i.email }, select: { id: true } }) : null;
  return {
    seriesName: i.series.name,
    seriesShortName: i.series.shortName,
    seriesId: i.seriesId,
    signedInAs: viewer?.email ?? null,
    role: i.role,
    party: i.party,
    email: i.email,
    expiresAt: i.expiresAt,
    status,
    hasAccount: account !== null,
    itemCount: i.items.length,
  };
}

/**
 * Single use: the invitation is claimed with one conditional update, so of concurrent accepts
 * exactly one wins. Creates the account (when signed out and new) and the membership in one transaction.
 */
export async function acceptInvitation(db: Db, viewer: Viewer | null, input: z.output<typeof acceptInvitationSchema>) {
  const i = await findByToken(db, input.token);
  const status = invitationStatus(i);
  if (status !== "pending") throw invalid(NOT_PENDING[status]);
  if (viewer && viewer.email !== i.email) {
    throw forbidden(`This invitation is for ${i.email}. Sign out first, then open the link again.`);
  }
  let passwordHash: string | null = null;
  if (!viewer) {
    const account = await db.user.findUnique({ where: { email: i.email }, select: { id: true } });
    if (account) throw new AppError("UNAUTHORIZED", "An account with this email exists: sign in to accept the invitation");
    if (!input.name) throw invalid("Enter your name", "name");
    if (!input.password) throw invalid("Choose a password", "password");
    passwordHash = await hashPassword(input.password);
  }
  const now = new Date();
  return db.$transaction(async (tx) => {
    await updateGuarded(
      tx.invitation,
      { id: i.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      { acceptedAt: now },
      "This invitation link has just been used",
    );
    let userId: string;
    if (viewer) {
      userId = viewer.userId;
    } else {
      const user = await tx.user.create({
        data: { email: i.email, name: input.name as string, passwordHash: passwordHash as string, affiliation: i.affiliation },
        select: { id: true },
      });
      userId = user.id;
      await recordAudit(tx, { actorId: userId, action: "user.created", subject: { kind: "user", id: userId }, summary: { email: i.email, via: "invitation" } });
    }
    await tx.invitation.update({ where: { id: i.id }, data: { acceptedById: userId } });
    const before = await tx.membership.findUnique({ where: { seriesId_userId: { seriesId: i.seriesId, userId } }, select: { removedAt: true } });
    if (before && !before.removedAt) throw invalid("You are already a member of this series");
    const fields = { role: i.role, partyId: i.partyId, affiliation: i.affiliation };
    const membership = await tx.membership.upsert({
      where: { seriesId_userId: { seriesId: i.seriesId, userId } },
      create: { seriesId: i.seriesId, userId, ...fields },
      update: { ...fields, removedAt: null, version: { increment: 1 } },
      select: { id: true },
    });
    if (i.role === "SCHOLAR" && i.items.length > 0) {
      await tx.agendaItemScholar.createMany({
        data: i.items.map((item) => ({ agendaItemId: item.agendaItemId, userId, invitedById: i.createdById })),
        skipDuplicates: true,
      });
    }
    await recordAudit(tx, {
      actorId: userId,
      seriesId: i.seriesId,
      action: "invitation.accepted",
      subject: { kind: "invitation", id: i.id },
      summary: { email: i.email, membershipId: membership.id, rejoined: Boolean(before), ...fields, agendaItemIds: i.items.map((x) => x.agendaItemId) },
    });
    return { seriesId: i.seriesId, email: i.email, accountCreated: !viewer };
  });
}
