import { adminOnly, eddMembers, everyone, type Rows } from "@/tests/integration/authorization/shared";

export const foundationRows: Rows = {
  "health.ping": { input: () => undefined, expect: { ...everyone("OK"), signedOut: "OK" } },
  "me.get": { input: () => undefined, expect: everyone("OK") },
  // A wrong current password: proves the gate without changing anyone's password.
  "me.changePassword": {
    input: () => ({ currentPassword: "not-the-password", newPassword: "a-new-password-123", confirmPassword: "a-new-password-123" }),
    expect: everyone("BAD_REQUEST"),
  },
  // An unknown zone: proves the gate without changing anyone's preference.
  "me.setTimeZone": { input: () => ({ timeZone: "Mars/Olympus_Mons" }), expect: everyone("BAD_REQUEST") },
  // Starting writes a challenge only for the caller's own account.
  "me.passkeys.start": { input: () => undefined, expect: everyone("OK") },
  // A well-formed answer to a challenge nobody issued: refused, nothing stored.
  "me.passkeys.finish": {
    input: () => ({
      challengeId: "no-such-challenge",
      label: "Matrix key",
      response: { id: "AAAA", rawId: "AAAA", type: "public-key", response: { clientDataJSON: "AAAA", attestationObject: "AAAA" }, clientExtensionResults: {} },
    }),
    expect: everyone("BAD_REQUEST"),
  },
  // A challenge id nobody was given: like an expired sign-in, for everyone, signed in or not.
  "signIn.passkeyOptions": { input: () => ({ challengeId: "no-such-challenge" }), expect: { ...everyone("UNAUTHORIZED"), signedOut: "UNAUTHORIZED" } },
  "me.sessions.list": { input: () => undefined, expect: everyone("OK") },
  // Someone else's session id, or none at all, looks missing.
  "me.sessions.revoke": { input: () => ({ sessionId: "no-such-session" }), expect: everyone("NOT_FOUND") },
  "me.sessions.revokeOthers": { input: () => undefined, expect: everyone("OK") },
  "dashboard.get": { input: () => undefined, expect: everyone("OK") },
  "dashboard.convenorNeeds": { input: () => undefined, expect: everyone("OK") },
  "series.list": { input: () => undefined, expect: everyone("OK") },
  "series.get": { input: ({ world: w }) => ({ seriesId: w.series.edd.id }), expect: eddMembers },
  "series.sessions": { input: ({ world: w }) => ({ seriesId: w.series.edd.id, page: 1 }), expect: eddMembers },
  "session.get": { input: ({ world: w }) => ({ sessionId: w.sessions.eddPublished.id }), expect: eddMembers },
  "admin.users.list": { input: () => undefined, expect: adminOnly() },
  "admin.users.create": {
    input: ({ unique }) => ({ email: `matrix-${unique()}@fixture.test`, name: "Matrix User", password: "matrix-password-1234" }),
    expect: adminOnly(),
  },
  "admin.users.get": { input: ({ world: w }) => ({ userId: w.users.usDelegate.id }), expect: adminOnly() },
  "admin.users.setActive": { input: ({ world: w }) => ({ userId: w.users.outsider.id, active: true }), expect: adminOnly() },
  "admin.parties.list": { input: () => undefined, expect: adminOnly() },
  "admin.parties.create": { input: ({ uniqueLetters }) => ({ code: `Q${uniqueLetters(3)}`, name: "Matrix Party" }), expect: adminOnly() },
  "admin.parties.update": {
    input: async ({ world: w, db }) => {
      const party = await db.party.findUniqueOrThrow({ where: { id: w.parties.us.id } });
      return { partyId: party.id, code: party.code, name: party.name, version: party.version };
    },
    expect: adminOnly(),
  },
  "admin.series.list": { input: () => undefined, expect: adminOnly() },
  "admin.series.create": {
    input: ({ world: w, unique }) => ({
      name: "Matrix Series",
      shortName: `M-${unique()}`.slice(0, 16),
      track: "TRACK_1",
      attribution: "ATTRIBUTED",
      partyIds: [w.parties.us.id, w.parties.jp.id],
    }),
    expect: adminOnly(),
  },
  // The EDD as it is, with its current version: a no-op edit every admin call may repeat.
  "admin.series.update": {
    input: async ({ world: w, db }) => {
      const s = await db.series.findUniqueOrThrow({ where: { id: w.series.edd.id }, include: { parties: true } });
      return {
        seriesId: s.id,
        name: s.name,
        shortName: s.shortName,
        description: s.description,
        track: s.track,
        attribution: s.attribution,
        partyIds: s.parties.map((p) => p.partyId),
        version: s.version,
      };
    },
    expect: adminOnly(),
  },
  // Already the convenor: refused as bad input, so the run leaves memberships as they were.
  "admin.series.appointConvenor": {
    input: ({ world: w }) => ({ seriesId: w.series.edd.id, userId: w.users.eddConvenor.id }),
    expect: adminOnly("BAD_REQUEST"),
  },
};

