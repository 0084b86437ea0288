import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadViewer } from "@/server/access";
import { createTRPCContextStub } from "@/tests/integration/helpers/context";
import { createFixtureWorld, type FixtureWorld } from "@/prisma/seed/fixture-world";
import { createAgendaItem, createIssue, createJointText, createSession, createStance, inviteScholarToItem } from "@/prisma/seed/factories";
import { addParagraph, bracketSpan, emptyBody } from "@/server/domain/joint-text";
import { signedInNow } from "@/tests/integration/helpers/callers";
import { countingTestDb } from "@/tests/integration/helpers/db";
import { createCaller } from "@/server/trpc/root";

// Every tracker view runs a fixed number of SQL queries, whatever the number of issues and sessions
// (the series' released stances load in one query; no per-issue or per-session queries).
const counted = countingTestDb();
const db = counted.db;
let w: FixtureWorld;

type Caller = ReturnType<typeof createCaller>;
const VIEWS: [string, (c: Caller, w: FixtureWorld) => Promise<unknown>][] = [
  ["tracker.session", (c, w) => c.tracker.session({ sessionId: w.sessions.triPublished.id })],
  ["tracker.seriesOverview", (c, w) => c.tracker.seriesOverview({ seriesId: w.series.tri.id })],
  ["tracker.issueTimeline", (c, w) => c.tracker.issueTimeline({ issueId: w.issues.triAllParticipants.id })],
  ["tracker.deterrenceProfile", (c, w) => c.tracker.deterrenceProfile({ seriesId: w.series.tri.id })],
  ["tracker.deterrenceProfile@session", (c, w) => c.tracker.deterrenceProfile({ seriesId: w.series.tri.id, sessionId: w.sessions.triPublished.id })],
  ["tracker.textConvergence", (c, w) => c.tracker.textConvergence({ seriesId: w.series.tri.id })],
  ["tracker.textConvergence@session", (c, w) => c.tracker.textConvergence({ seriesId: w.series.tri.id, sessionId: w.sessions.triPublished.id })],
];

async function measure(userId: string) {
  const viewer = await loadViewer(db, userId, signedInNow());
  const caller = createCaller(createTRPCContextStub(db, viewer));
  const out: Record<string, number> = {};
  for (const [name, run] of VIEWS) {
    counted.queries = 0;
    await run(caller, w);
    out[name] = counted.queries;
  }
  return out;
}

/** Ten times the data: more sessions, issues, criteria, agenda items and released stances in TRI. */
async function grow() {
  const tri = w.series.tri.id;
  const parties = [
    [w.parties.us.id, w.users.usDelegate.id],
    [w.parties.jp.id, w.users.jpDelegate.id],
    [w.parties.kr.id, w.users.krDelegate.id],
  ] as const;
  const issues = [];
  for (let i = 0; i < 10; i++) {
    issues.push(await createIssue(db, { seriesId: tri, title: `Growth issue ${i}`, kind: i % 3 === 0 ? "DETERRENCE_CRITERION" : "PROPOSITION" }));
  }
  for (let s = 0; s < 10; s++) {
    const session = await createSession(db, { seriesId: tri, title: `Growth session ${s}`, startsAt: new Date(Date.now() + (2 + s) * 86_400_000), agendaPublishedAt: new Date() });
    // The published session's own issues gain items too, so its tracker has more rows.
    const itemSession = s === 0 ? w.sessions.triPublished.id : session.id;
    for (const [i, issue] of issues.entries()) {
      const item = await createAgendaItem(db, { sessionId: itemSession, position: 10 + i + s * 20, title: `Growth item ${s}/${i}`, issueId: issue.id });
      if (s === 0) await inviteScholarToItem(db, { agendaItemId: item.id, userId: w.users.scholarA.id, invitedById: w.users.triConvenor.id });
      for (const [partyId, authorId] of parties) {
        await createStance(db, { issueId: issue.id, sessionId: session.id, partyId, authorId, position: (s + i) % 4, releaseLevel: s % 2 ? "GOVERNMENTS" : "ALL_PARTICIPANTS" });
      }
    }
    await createStance(db, { issueId: w.issues.triProbe.id, sessionId: session.id, partyId: w.parties.us.id, authorId: w.users.usDelegate.id, position: s % 3, releaseLevel: "GOVERNMENTS" });
    // Joint texts with revisions, in the session and the published one (text convergence).
    const p = addParagraph(emptyBody(), "p1", "All parties should freeze nuclear testing.");
    const bracketed = bracketSpan(p, { paragraphId: "p1", segmentIndex: 0, start: 12, end: 18, bracketId: "b1", alternatives: [], holds: ["US"] });
    for (const sessionId of [session.id, w.sessions.triPublished.id]) {
      await createJointText(db, {
        sessionId,
        createdById: w.users.triConvenor.id,
        release: s % 3 === 0 ? "DRAFT" : s % 3 === 1 ? "GOVERNMENTS" : "ALL_PARTICIPANTS",
        revisions: [{ body: emptyBody() }, { body: p }, { body: bracketed, tabled: true }],
      });
    }
  }
}

beforeAll(async () => {
  w = await createFixtureWorld(db);
});

afterAll(async () => {
  await counted.close();
});

describe("tracker query counts", () => {
  it("stay the same when a series grows tenfold in sessions, issues and stances", async () => {
    const small = { us: await measure(w.users.usDelegate.id), scholar: await measure(w.users.scholarA.id) };
    await grow();
    const large = { us: await measure(w.users.usDelegate.id), scholar: await measure(w.users.scholarA.id) };
    expect(large).toEqual(small);
    for (const [name, n] of Object.entries(small.us)) expect(n, name).toBeLessThanOrEqual(10);
  });
});
