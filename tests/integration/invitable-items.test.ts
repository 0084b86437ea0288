import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAgendaItem, createSession } from "@/prisma/seed/factories";
import { createFixtureWorld, type FixtureWorld } from "@/prisma/seed/fixture-world";
import { loadViewer } from "@/server/access";
import { listInvitableAgendaItems } from "@/server/services/invitations/invitable-items";
import { callerFor, outcomeOf, signedInNow } from "@/tests/integration/helpers/callers";
import { countingTestDb, testDb } from "@/tests/integration/helpers/db";

// invitation.invitableItems: what the members page offers a convenor to invite a scholar to, in one call
// (the page used to call session.get once per open session).

const db = testDb();
let w: FixtureWorld;

beforeAll(async () => {
  w = await createFixtureWorld(db);
});

const triConvenor = () => callerFor(db, w.users.triConvenor.id);

describe("invitation.invitableItems", () => {
  it("lists the items of the sessions that are not concluded, as the page's former per-session calls did", async () => {
    const concluded = await createSession(db, { seriesId: w.series.tri.id, status: "CONCLUDED", startsAt: new Date(Date.now() - 90 * 86_400_000) });
    const closedItem = await createAgendaItem(db, { sessionId: concluded.id, title: "Closed business" });
    const c = await triConvenor();

    const got = await c.invitation.invitableItems({ seriesId: w.series.tri.id });

    const { rows } = await c.series.sessions({ seriesId: w.series.tri.id });
    const open = rows.filter((s) => s.status !== "CONCLUDED");
    const sessions = await Promise.all(open.map((s) => c.session.get({ sessionId: s.id })));
    const expected = sessions.flatMap((s) => s.agenda.map((i) => ({ id: i.id, title: i.title, session: s.title, published: s.agendaPublishedAt !== null })));
    expect(expected.length).toBeGreaterThan(1);
    expect(got).toEqual(expected);
    expect(got.map((i) => i.id)).not.toContain(closedItem.id);
    // Both kinds of session are there: the draft agenda's items are offered, marked unpublished.
    expect(new Set(got.map((i) => i.published))).toEqual(new Set([true, false]));
  });

  const counted = countingTestDb();
  afterAll(() => counted.close());

  async function measure() {
    const viewer = (await loadViewer(db, w.users.triConvenor.id, signedInNow()))!;
    counted.queries = 0;
    const items = await listInvitableAgendaItems(counted.db, viewer, w.series.tri.id);
    return { queries: counted.queries, items };
  }

  it("takes the same queries however many sessions the series has", async () => {
    const before = await measure();
    for (let i = 0; i < 3; i++) {
      const s = await createSession(db, { seriesId: w.series.tri.id, status: "AGENDA_PUBLISHED" });
      await createAgendaItem(db, { sessionId: s.id });
    }
    const after = await measure();
    expect(after.queries).toBe(before.queries);
    expect(after.items.length).toBe(before.items.length + 3);
  });

  it("offers nothing in a Track 1 series, and refuses everyone but the series' convenors", async () => {
    expect(await (await callerFor(db, w.users.eddConvenor.id)).invitation.invitableItems({ seriesId: w.series.edd.id })).toEqual([]);
    expect(await outcomeOf(async () => (await callerFor(db, w.users.usDelegate.id)).invitation.invitableItems({ seriesId: w.series.tri.id }))).toBe("FORBIDDEN");
    expect(await outcomeOf(async () => (await callerFor(db, w.users.eddConvenor.id)).invitation.invitableItems({ seriesId: w.series.tri.id }))).toBe("NOT_FOUND");
  });
});
