import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadViewer } from "@/server/access";
import { createTRPCContextStub } from "@/tests/integration/helpers/context";
import { createFixtureWorld, type FixtureWorld } from "@/prisma/seed/fixture-world";
import { addMember, createAgendaItem, createIssue, createSession, createStance } from "@/prisma/seed/factories";
import { signedInNow } from "@/tests/integration/helpers/callers";
import { countingTestDb } from "@/tests/integration/helpers/db";
import { createCaller } from "@/server/trpc/root";

// A page's number of SQL queries must not grow with the data behind it (no N+1 loops).
const counted = countingTestDb();
const db = counted.db;
let w: FixtureWorld;

async function countQueries(userId: string, run: (caller: ReturnType<typeof createCaller>) => Promise<unknown>) {
  const viewer = await loadViewer(db, userId, signedInNow());
  const caller = createCaller(createTRPCContextStub(db, viewer));
  counted.queries = 0;
  await run(caller);
  return counted.queries;
}

const VIEWS: [string, (c: ReturnType<typeof createCaller>, w: FixtureWorld) => Promise<unknown>][] = [
  ["dashboard.get", (c) => c.dashboard.get()],
  ["series.list", (c) => c.series.list()],
  ["series.get", (c, w) => c.series.get({ seriesId: w.series.tri.id })],
  ["session.get", (c, w) => c.session.get({ sessionId: w.sessions.triPublished.id })],
  ["paper.listForSession", (c, w) => c.paper.listForSession({ sessionId: w.sessions.triPublished.id })],
  ["stance.listForSession", (c, w) => c.stance.listForSession({ sessionId: w.sessions.triPublished.id })],
  ["tracker.overview", (c) => c.tracker.overview()],
  ["me.get", (c) => c.me.get()],
];

async function measure() {
  const out: Record<string, number> = {};
  for (const [name, run] of VIEWS) out[name] = await countQueries(w.users.usDelegate.id, (c) => run(c, w));
  return out;
}

/** Ten more sessions with items, issues and stances, and more members, in the TRI series. */
async function grow() {
  const tri = w.series.tri.id;
  for (let i = 0; i < 10; i++) {
    const session = await createSession(db, { seriesId: tri, title: `Growth session ${i}`, agendaPublishedAt: new Date() });
    const issue = await createIssue(db, { seriesId: tri, title: `Growth issue ${i}` });
    await createAgendaItem(db, { sessionId: session.id, position: 1, title: `Growth item ${i}`, issueId: issue.id });
    for (const [partyId, authorId] of [
      [w.parties.us.id, w.users.usDelegate.id],
      [w.parties.jp.id, w.users.jpDelegate.id],
    ] as const) {
      await createStance(db, { issueId: issue.id, sessionId: session.id, partyId, authorId, position: 1, releaseLevel: "GOVERNMENTS" });
    }
    await addMember(db, { seriesId: tri, userId: w.users.outsider.id, role: "OBSERVER" }).catch(() => undefined);
  }
}

beforeAll(async () => {
  w = await createFixtureWorld(db);
});

afterAll(async () => {
  await counted.close();
});

describe("query counts", () => {
  it("stay the same when a series grows tenfold in sessions, issues and stances", async () => {
    const small = await measure();
    await grow();
    const large = await measure();
    expect(large).toEqual(small);
    // And small to begin with: Prisma loads each relation of a select in its own query.
    for (const [name, n] of Object.entries(small)) expect(n, name).toBeLessThanOrEqual(10);
  });
});
