import { beforeAll, describe, expect, it } from "vitest";
import {
  createAgendaItem,
  createComment,
  createIssue,
  createMinutes,
  createSealSubmission,
  createSession,
  createStance,
  sealSessionStances,
} from "@/prisma/seed/factories";
import { createFixtureWorld, type FixtureWorld } from "@/prisma/seed/fixture-world";
import { callerFor } from "@/tests/integration/helpers/callers";
import { testDb } from "@/tests/integration/helpers/db";

// The convenor's "what needs me now": seals still waiting, minutes not released, new comments,
// issues that turned BLOCKED or WIDENING at the last session, sessions without a published agenda;
// over the series they convene only, and only from what they may read.
const db = testDb();
let w: FixtureWorld;
const DAY_MS = 24 * 60 * 60 * 1000;
let held: { id: string };
let earlier: { id: string };
let widening: { id: string };
let blockedByDraft: { id: string };
let commentedItem: { id: string };

beforeAll(async () => {
  w = await createFixtureWorld(db);
  const tri = w.series.tri.id;
  const now = Date.now();
  earlier = await createSession(db, { seriesId: tri, title: "TRI earlier", status: "CONCLUDED", startsAt: new Date(now - 20 * DAY_MS) });
  held = await createSession(db, { seriesId: tri, title: "TRI held", status: "CONCLUDED", startsAt: new Date(now - 5 * DAY_MS) });
  widening = await createIssue(db, { seriesId: tri, title: "TRI widening issue" });
  blockedByDraft = await createIssue(db, { seriesId: tri, title: "TRI issue blocked only by a draft" });
  const parties = [
    [w.parties.us.id, w.users.usDelegate.id],
    [w.parties.jp.id, w.users.jpDelegate.id],
    [w.parties.kr.id, w.users.krDelegate.id],
  ] as const;
  for (const session of [earlier, held]) {
    await createAgendaItem(db, { sessionId: session.id, position: 1, title: "On the widening issue", issueId: widening.id });
    await createAgendaItem(db, { sessionId: session.id, position: 2, title: "On the other issue", issueId: blockedByDraft.id });
  }
  commentedItem = await createAgendaItem(db, { sessionId: held.id, position: 3, title: "Commented item" });
  // Converged at the earlier session (all at 0), three steps apart each way at the held one: widening.
  for (const [partyId, authorId] of parties) {
    await createStance(db, { issueId: widening.id, sessionId: earlier.id, partyId, authorId, position: 0, releaseLevel: "GOVERNMENTS" });
    await createStance(db, { issueId: blockedByDraft.id, sessionId: earlier.id, partyId, authorId, position: 0, releaseLevel: "GOVERNMENTS" });
  }
  await createStance(db, { issueId: widening.id, sessionId: held.id, partyId: w.parties.us.id, authorId: w.users.usDelegate.id, position: 3, releaseLevel: "GOVERNMENTS" });
  await createStance(db, { issueId: widening.id, sessionId: held.id, partyId: w.parties.jp.id, authorId: w.users.jpDelegate.id, position: -3, releaseLevel: "GOVERNMENTS" });
  // A JP draft red line far from the others would block the issue if drafts counted: they never do.
  await createStance(db, { issueId: blockedByDraft.id, sessionId: held.id, partyId: w.parties.jp.id, authorId: w.users.jpDelegate.id, position: 3, redLine: true, releaseLevel: "PARTY" });
  await createMinutes(db, { sessionId: earlier.id, authorId: w.users.triConvenor.id, releasedAt: new Date() });
  await sealSessionStances(db, { sessionId: w.sessions.triPublished.id });
  await createSealSubmission(db, { sessionId: w.sessions.triPublished.id, partyId: w.parties.us.id, submittedById: w.users.usDelegate.id });
  await createComment(db, { agendaItemId: commentedItem.id, authorId: w.users.krDelegate.id, body: "New from KR" });
  await createComment(db, { agendaItemId: commentedItem.id, authorId: w.users.jpDelegate.id, body: "New from JP" });
  await createComment(db, { agendaItemId: commentedItem.id, authorId: w.users.triConvenor.id, body: "The convenor's own" });
});

describe("dashboard.convenorNeeds", () => {
  it("lists what needs the convenor now, from their series and what they may read", async () => {
    const needs = await (await callerFor(db, w.users.triConvenor.id)).dashboard.convenorNeeds();
    expect(needs.convenes).toBe(true);
    // The sealed session waits for JP and KR (US submitted).
    expect(needs.seals).toEqual([expect.objectContaining({ session: expect.objectContaining({ id: w.sessions.triPublished.id }), waitingFor: ["JP", "KR"] })]);
    // The held session has no minutes; the earlier one's are released.
    expect(needs.minutes.map((m) => [m.session.id, m.drafted])).toEqual([[held.id, false]]);
    // Two new comments by others on the item (the convenor's own does not count).
    expect(needs.comments.find((c) => c.id === commentedItem.id)).toMatchObject({ kind: "item", count: 2, title: "Commented item" });
    // Turned WIDENING at the held session; the draft red line blocks nothing.
    expect(needs.turned.map((t) => [t.issue.id, t.status, t.previous, t.session.id])).toEqual([[widening.id, "WIDENING", "CONVERGED", held.id]]);
    // The draft session has no published agenda; the published one has.
    const agendas = needs.agendas.map((a) => a.session.id);
    expect(agendas).toContain(w.sessions.triDraft.id);
    expect(agendas).not.toContain(w.sessions.triPublished.id);
    // Nothing of series the viewer does not convene.
    const seriesNames = [...needs.seals, ...needs.minutes, ...needs.agendas].map((x) => x.session.seriesShortName);
    expect(new Set(seriesNames)).toEqual(new Set([(await db.series.findUniqueOrThrow({ where: { id: w.series.tri.id } })).shortName]));
  });

  it("drops a thread once the convenor has read it", async () => {
    await db.commentThreadVisit.create({ data: { userId: w.users.triConvenor.id, targetKey: `item:${commentedItem.id}`, seenAt: new Date(Date.now() + 1000) } });
    const needs = await (await callerFor(db, w.users.triConvenor.id)).dashboard.convenorNeeds();
    expect(needs.comments.find((c) => c.id === commentedItem.id)).toBeUndefined();
  });

  it("is empty for someone who convenes nothing, and another series' convenor sees none of TRI", async () => {
    const jp = await (await callerFor(db, w.users.jpDelegate.id)).dashboard.convenorNeeds();
    expect(jp).toMatchObject({ convenes: false, seals: [], minutes: [], comments: [], turned: [], agendas: [] });
    const edd = await (await callerFor(db, w.users.eddConvenor.id)).dashboard.convenorNeeds();
    const ids = [...edd.seals, ...edd.minutes, ...edd.agendas].map((x) => x.session.id);
    expect(ids).not.toContain(held.id);
    expect(ids).not.toContain(w.sessions.triDraft.id);
    expect(edd.turned.map((t) => t.issue.id)).not.toContain(widening.id);
    expect(edd.comments.map((c) => c.id)).not.toContain(commentedItem.id);
  });
});
