import { randomBytes } from "node:crypto";
import { hashInvitationToken } from "@/server/services/invitations/tokens";
import { eddConvenorOnly, eddMembers, everyone, type MatrixContext, type Rows } from "@/tests/integration/authorization/shared";

const DAY_MS = 24 * 60 * 60 * 1000;

/** A fresh EDD observer (a new account per call), for role changes and removals that must repeat. */
async function freshEddMember({ world: w, db, unique }: MatrixContext) {
  const user = await db.user.create({ data: { email: `member-${unique()}@fixture.test`, name: "Matrix Member", passwordHash: "x" } });
  return db.membership.create({ data: { seriesId: w.series.edd.id, userId: user.id, role: "OBSERVER" } });
}

/** A fresh EDD invitation with a known token. */
async function freshInvitation({ world: w, db, unique }: MatrixContext, extra: { revokedAt?: Date } = {}) {
  const token = randomBytes(32).toString("base64url");
  const invitation = await db.invitation.create({
    data: {
      seriesId: w.series.edd.id,
      email: `invitee-${unique()}@fixture.test`,
      role: "OBSERVER",
      tokenHash: hashInvitationToken(token),
      expiresAt: new Date(Date.now() + 7 * DAY_MS),
      createdById: w.users.eddConvenor.id,
      ...extra,
    },
  });
  return { token, invitation };
}

export const membersRows: Rows = {
  /** The government side's member list: scholars (and everyone outside the EDD) get NOT_FOUND. */
  "member.list": { input: ({ world: w }) => ({ seriesId: w.series.edd.id }), expect: eddMembers },
  "member.changeRole": {
    input: async (ctx) => {
      const m = await freshEddMember(ctx);
      return { membershipId: m.id, role: "DELEGATE", partyId: ctx.world.parties.us.id, version: m.version };
    },
    expect: eddConvenorOnly,
  },
  // A convenor may appoint a co-convenor of their own series (DESIGN.md, "Who uses it").
  "member.changeRole#to CONVENOR": {
    input: async (ctx) => {
      const m = await freshEddMember(ctx);
      return { membershipId: m.id, role: "CONVENOR", version: m.version };
    },
    expect: eddConvenorOnly,
  },
  "member.remove": {
    input: async (ctx) => {
      const m = await freshEddMember(ctx);
      return { membershipId: m.id, version: m.version };
    },
    expect: eddConvenorOnly,
  },
  "invitation.create": {
    input: ({ world: w, unique }) => ({ seriesId: w.series.edd.id, email: `new-${unique()}@fixture.test`, role: "OBSERVER" }),
    expect: eddConvenorOnly,
  },
  "invitation.list": { input: ({ world: w }) => ({ seriesId: w.series.edd.id }), expect: eddConvenorOnly },
  "invitation.invitableItems": { input: ({ world: w }) => ({ seriesId: w.series.edd.id }), expect: eddConvenorOnly },
  "invitation.revoke": {
    input: async (ctx) => ({ invitationId: (await freshInvitation(ctx)).invitation.id }),
    expect: eddConvenorOnly,
  },
  // Public: the token is the proof, so anyone holding it may read what it invites to.
  "invitation.preview": {
    input: async (ctx) => ({ token: (await freshInvitation(ctx)).token }),
    expect: { ...everyone("OK"), signedOut: "OK" },
  },
  // A revoked link: refused to everyone alike, so the run adds no members.
  "invitation.accept": {
    input: async (ctx) => ({ token: (await freshInvitation(ctx, { revokedAt: new Date() })).token }),
    expect: { ...everyone("BAD_REQUEST"), signedOut: "BAD_REQUEST" },
  },
};
