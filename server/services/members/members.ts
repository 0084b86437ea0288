import type { z } from "zod";
import type { changeRoleSchema, removeMemberSchema } from "@/lib/schemas/members";
import { can, membershipIn, requireCan, visibleMembershipsWhere, type Viewer } from "@/server/access";
import { recordAudit } from "@/server/audit";
import type { Db } from "@/server/db";
import { invalid, notFound } from "@/server/errors";
import { membershipFieldsFor } from "@/server/services/members/rules";
import { updateVersioned, type Tx } from "@/server/services/kit";

const STALE_MEMBERSHIP = "Someone changed this membership since you opened it. Reload to see their change.";

/** Members of a series as the government side sees them; scholars get NOT_FOUND (they see only themself). */
export async function listMembers(db: Db, viewer: Viewer, seriesId: string) {
  const mine = membershipIn(viewer, seriesId);
  if (!mine || mine.role === "SCHOLAR") throw notFound("Series not found");
  const convenor = mine.role === "CONVENOR";
  const members = await db.membership.findMany({
    where: { AND: [visibleMembershipsWhere(viewer), { seriesId }] },
    select: {
      id: true,
      role: true,
      affiliation: true,
      version: true,
      createdAt: true,
      party: { select: { id: true, code: true, name: true } },
      user: { select: { id: true, name: true, email: true } },
    },
    orderBy: [{ role: "asc" }, { user: { name: "asc" } }],
  });
  // Only convenors, who manage membership, see addresses.
  return members.map((m) => ({ ...m, user: { id: m.user.id, name: m.user.name, email: convenor ? m.user.email : null } }));
}

/** Loads an active membership and checks the viewer convenes its series (NOT_FOUND for non-members). */
async function membershipForConvenor(db: Db, viewer: Viewer, membershipId: string) {
  const m = await db.membership.findFirst({
    where: { id: membershipId, removedAt: null },
    select: { id: true, seriesId: true, userId: true, role: true, partyId: true, affiliation: true, version: true },
  });
  if (!m || !membershipIn(viewer, m.seriesId)) throw notFound("Member not found");
  requireCan(viewer, m.seriesId, can.manageMembers(viewer, m.seriesId));
  return m;
}


async function assertAnotherConvenor(tx: Tx, seriesId: string, membershipId: string, message: string) {
  const others = await tx.membership.count({ where: { seriesId, role: "CONVENOR", removedAt: null, NOT: { id: membershipId } } });
  if (others === 0) throw invalid(message);
}

export async function changeMemberRole(db: Db, viewer: Viewer, input: z.output<typeof changeRoleSchema>) {
  const before = await membershipForConvenor(db, viewer, input.membershipId);
  const fields = await membershipFieldsFor(db, before.seriesId, input.role, input.partyId, input.affiliation);
  return db.$transaction(async (tx) => {
    if (before.role === "CONVENOR" && fields.role !== "CONVENOR") {
      await assertAnotherConvenor(tx, before.seriesId, before.id, "A series needs at least one convenor: appoint another before changing this role");
    }
    await updateVersioned(tx.membership, { id: before.id, removedAt: null }, input.version, fields, STALE_MEMBERSHIP);
    await recordAudit(tx, {
      actorId: viewer.userId,
      seriesId: before.seriesId,
      action: "membership.role_changed",
      subject: { kind: "membership", id: before.id },
      summary: {
        userId: before.userId,
        before: { role: before.role, partyId: before.partyId, affiliation: before.affiliation },
        after: fields,
      },
    });
    return tx.membership.findUniqueOrThrow({
      where: { id: before.id },
      select: { id: true, role: true, partyId: true, affiliation: true, version: true },
    });
  });
}

/** Removal sets removedAt: the member's access ends at their next request; what they wrote stays. */
export async function removeMember(db: Db, viewer: Viewer, input: z.output<typeof removeMemberSchema>) {
  const before = await membershipForConvenor(db, viewer, input.membershipId);
  return db.$transaction(async (tx) => {
    if (before.role === "CONVENOR") {
      await assertAnotherConvenor(tx, before.seriesId, before.id, "A series needs at least one convenor: appoint another before removing this one");
    }
    await updateVersioned(tx.membership, { id: before.id, removedAt: null }, input.version, { removedAt: new Date() }, STALE_MEMBERSHIP);
    await recordAudit(tx, {
      actorId: viewer.userId,
      seriesId: before.seriesId,
      action: "membership.removed",
      subject: { kind: "membership", id: before.id },
      summary: { userId: before.userId, role: before.role, partyId: before.partyId },
    });
    return { id: before.id };
  });
}
