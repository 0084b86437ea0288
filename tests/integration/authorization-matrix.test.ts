import { beforeAll, describe, expect, it } from "vitest";
import { createCaller, appRouter } from "@/server/trpc/root";
import { loadViewer } from "@/server/access";
import { createFixtureWorld, type FixtureWorld } from "@/prisma/seed/fixture-world";
import { testDb } from "@/tests/integration/helpers/db";
import { signedInNow } from "@/tests/integration/helpers/callers";

// Every procedure of the app router against every kind of caller. A procedure without a row here
// fails the first test, so no new procedure can skip its authorization rules.
//
// The objects are in the US-Japan EDD (parties US and JP): the JP delegate is the owning party,
// the US delegate the other party, the KR delegate a delegate of another series only.

const ACTORS = ["signedOut", "admin", "convenor", "ownParty", "otherParty", "otherSeries", "observer", "scholar", "outsider"] as const;
type Actor = (typeof ACTORS)[number];
type Outcome = "OK" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "BAD_REQUEST";
type Row = { input: (w: FixtureWorld) => unknown | Promise<unknown>; expect: Record<Actor, Outcome> };

const db = testDb();
let unique = 0;
const next = () => `${Date.now().toString(36)}${(unique++).toString(36)}`;
const letters = (n: number) => String.fromCharCode(65 + (Math.floor(n / 26) % 26), 65 + (n % 26));

/** Any signed-in user gets `signedIn`; signed out gets UNAUTHORIZED. */
function everyone(signedIn: Outcome): Record<Actor, Outcome> {
  return Object.fromEntries(ACTORS.map((a) => [a, a === "signedOut" ? "UNAUTHORIZED" : signedIn])) as Record<Actor, Outcome>;
}
/** Members of the EDD may; everyone else signed in gets NOT_FOUND, as if it did not exist. */
const eddMembers: Record<Actor, Outcome> = {
  signedOut: "UNAUTHORIZED",
  admin: "NOT_FOUND",
  convenor: "OK",
  ownParty: "OK",
  otherParty: "OK",
  otherSeries: "NOT_FOUND",
  observer: "OK",
  scholar: "NOT_FOUND",
  outsider: "NOT_FOUND",
};
/** Only the owning party's delegates see a PARTY-level draft. */
const ownPartyOnly: Record<Actor, Outcome> = { ...eddMembers, convenor: "NOT_FOUND", otherParty: "NOT_FOUND", observer: "NOT_FOUND" };
/** Admin procedures: admins may, other accounts are refused, signed out must sign in. */
function adminOnly(forAdmin: Outcome = "OK"): Record<Actor, Outcome> {
  return { ...everyone("FORBIDDEN"), admin: forAdmin };
}

const MATRIX: Record<string, Row> = {
  "health.ping": { input: () => undefined, expect: { ...everyone("OK"), signedOut: "OK" } },
  "me.get": { input: () => undefined, expect: everyone("OK") },
  // A wrong current password: proves the gate without changing anyone's password.
  "me.changePassword": {
    input: () => ({ currentPassword: "not-the-password", newPassword: "a-new-password-123", confirmPassword: "a-new-password-123" }),
    expect: everyone("BAD_REQUEST"),
  },
  "dashboard.get": { input: () => undefined, expect: everyone("OK") },
  "tracker.overview": { input: () => undefined, expect: everyone("OK") },
  "series.list": { input: () => undefined, expect: everyone("OK") },
  "series.get": { input: (w) => ({ seriesId: w.series.edd.id }), expect: eddMembers },
  "session.get": { input: (w) => ({ sessionId: w.sessions.eddPublished.id }), expect: eddMembers },
  "paper.listForSession": { input: (w) => ({ sessionId: w.sessions.eddPublished.id }), expect: eddMembers },
  "paper.get": { input: (w) => ({ paperId: w.papers.eddJpParty.id }), expect: ownPartyOnly },
  "stance.listForSession": { input: (w) => ({ sessionId: w.sessions.eddPublished.id }), expect: eddMembers },
  "stance.get": { input: (w) => ({ stanceId: w.stances.eddJpParty.id }), expect: ownPartyOnly },
  "comment.list": { input: (w) => ({ paperId: w.papers.eddJpParty.id }), expect: ownPartyOnly },
  "admin.users.list": { input: () => undefined, expect: adminOnly() },
  "admin.users.create": {
    input: () => ({ email: `matrix-${next()}@fixture.test`, name: "Matrix User", password: "matrix-password-1234" }),
    expect: adminOnly(),
  },
  "admin.users.setActive": { input: (w) => ({ userId: w.users.outsider.id, active: true }), expect: adminOnly() },
  "admin.parties.list": { input: () => undefined, expect: adminOnly() },
  "admin.parties.create": { input: () => ({ code: `Q${letters(unique++)}`, name: "Matrix Party" }), expect: adminOnly() },
  "admin.parties.update": {
    input: async (w) => {
      const party = await db.party.findUniqueOrThrow({ where: { id: w.parties.us.id } });
      return { partyId: party.id, code: party.code, name: party.name, version: party.version };
    },
    expect: adminOnly(),
  },
  "admin.series.list": { input: () => undefined, expect: adminOnly() },
  "admin.series.create": {
    input: (w) => ({
      name: "Matrix Series",
      shortName: `M-${next()}`.slice(0, 16),
      track: "TRACK_1",
      attribution: "ATTRIBUTED",
      partyIds: [w.parties.us.id, w.parties.jp.id],
    }),
    expect: adminOnly(),
  },
  // Already the convenor: refused as bad input, so the run leaves memberships as they were.
  "admin.series.appointConvenor": {
    input: (w) => ({ seriesId: w.series.edd.id, userId: w.users.eddConvenor.id }),
    expect: adminOnly("BAD_REQUEST"),
  },
};

function procedurePaths(): string[] {
  return Object.keys(appRouter._def.procedures).sort();
}

describe("authorization matrix", () => {
  let world: FixtureWorld;
  let actorIds: Record<Actor, string | null>;

  beforeAll(async () => {
    world = await createFixtureWorld(db);
    actorIds = {
      signedOut: null,
      admin: world.users.admin.id,
      convenor: world.users.eddConvenor.id,
      ownParty: world.users.jpDelegate.id,
      otherParty: world.users.usDelegate.id,
      otherSeries: world.users.krDelegate.id,
      observer: world.users.observer.id,
      scholar: world.users.scholarA.id,
      outsider: world.users.outsider.id,
    };
  });

  it("has a row for every procedure of the router, and none for procedures that do not exist", () => {
    const paths = procedurePaths();
    expect(paths.length).toBeGreaterThan(10);
    expect(paths.filter((p) => !(p in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((p) => !paths.includes(p))).toEqual([]);
  });

  for (const [path, row] of Object.entries(MATRIX)) {
    it(`${path}`, async () => {
      const got: Partial<Record<Actor, string>> = {};
      for (const actor of ACTORS) {
        const userId = actorIds[actor];
        const viewer = userId ? await loadViewer(db, userId, signedInNow()) : null;
        const caller = createCaller({ db, viewer, headers: new Headers() });
        const input = await row.input(world);
        const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
          input: unknown,
        ) => Promise<unknown>;
        try {
          await fn(input);
          got[actor] = "OK";
        } catch (error) {
          got[actor] = String((error as { code?: string }).code ?? error);
        }
      }
      expect(got).toEqual(row.expect);
    });
  }
});
