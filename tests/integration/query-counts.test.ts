import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadViewer } from "@/server/access";
import { createTRPCContextStub } from "@/tests/integration/helpers/context";
import { resetCaches } from "@/server/changes/cache";
import { createFixtureWorld, type FixtureWorld } from "@/prisma/seed/fixture-world";
import {
  addMember,
  createAgendaItem,
  createComment,
  createIssue,
  createMinutes,
  createSession,
  createStance,
  reviseMinutes,
  revisePaper,
  reviseStance,
} from "@/prisma/seed/factories";
import { buildFeed } from "@/server/services/calendar/feed";
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
  ["series.sessions", (c, w) => c.series.sessions({ seriesId: w.series.tri.id })],
  ["session.get", (c, w) => c.session.get({ sessionId: w.sessions.triPublished.id })],
  ["paper.listForSession", (c, w) => c.paper.listForSession({ sessionId: w.sessions.triPublished.id })],
  ["stance.listForSession", (c, w) => c.stance.listForSession({ sessionId: w.sessions.triPublished.id })],
  ["tracker.overview", (c) => c.tracker.overview()],
  // Cold: every series' figures computed (held ones would make the count depend on what changed).
  ["tracker.summary", (c) => (resetCaches(), c.tracker.summary())],
  ["me.get", (c) => c.me.get()],
  // The read views of issue 13 (briefing.markdown has its own, larger bound: briefing-query-counts).
  ["stance.board", (c, w) => c.stance.board({ sessionId: w.sessions.triPublished.id })],
  ["stance.history", (c, w) => c.stance.history({ stanceId: w.stances.triUsGovernments.id })],
  ["paper.get", (c, w) => c.paper.get({ paperId: w.papers.triUsGovernments.id })],
  ["paper.compare", (c, w) => c.paper.compare({ paperId: w.papers.triUsGovernments.id, from: 1, to: 2 })],
  ["agenda.getItem", (c, w) => c.agenda.getItem({ itemId: w.items.triGovernments.id })],
  ["comment.list", (c, w) => c.comment.list({ agendaItemId: w.items.triGovernments.id })],
  ["assessment.panel", (c, w) => c.assessment.panel({ agendaItemId: w.items.triInvited.id })],
  ["minutes.get", (c, w) => c.minutes.get({ sessionId: w.sessions.triPublished.id })],
  ["calendar feed", async (_c, w) => buildFeed(db, (await loadViewer(db, w.users.usDelegate.id, signedInNow()))!, "http://127.0.0.1")],
];

/** Views that answer a convenor differently: measured as the TRI convenor, whose series grows. */
const CONVENOR_VIEWS: typeof VIEWS = [["dashboard.convenorNeeds", (c) => c.dashboard.convenorNeeds()]];

async function measure() {
  const out: Record<string, number> = {};
  for (const [name, run] of VIEWS) out[name] = await countQueries(w.users.usDelegate.id, (c) => run(c, w));
  for (const [name, run] of CONVENOR_VIEWS) out[name] = await countQueries(w.users.triConvenor.id, (c) => run(c, w));
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
    // Longer histories and threads behind the per-object views.
    await revisePaper(db, { paperId: w.papers.triUsGovernments.id, authorId: w.users.usDelegate.id });
    await reviseStance(db, { stanceId: w.stances.triUsGovernments.id, authorId: w.users.usDelegate.id, position: i % 3 });
    await createComment(db, { agendaItemId: w.items.triGovernments.id, authorId: i % 2 ? w.users.usDelegate.id : w.users.jpDelegate.id });
    await reviseMinutes(db, { minutesId, authorId: w.users.triConvenor.id });
  }
}
let minutesId: string;

beforeAll(async () => {
  w = await createFixtureWorld(db);
  // A second revision to compare, and released minutes to read.
  await revisePaper(db, { paperId: w.papers.triUsGovernments.id, authorId: w.users.usDelegate.id });
  minutesId = (await createMinutes(db, { sessionId: w.sessions.triPublished.id, authorId: w.users.triConvenor.id, releasedAt: new Date() })).id;
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
    // (The board's, a paper's and an item page's ten, plus the object's series and its stamp when
    // the shared answer is not held; the cross-series summary: each of the delegate's three series'
    // figures computed cold, a fixed number per series.)
    const bound: Record<string, number> = { "stance.board": 12, "paper.get": 12, "agenda.getItem": 12, "dashboard.convenorNeeds": 16, "tracker.summary": 30 };
    for (const [name, n] of Object.entries(small)) expect(n, name).toBeLessThanOrEqual(bound[name] ?? 10);
  });
});
