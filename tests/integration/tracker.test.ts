import { beforeAll, describe, expect, it } from "vitest";
import { createAgendaItem, createSession, createStance, inviteScholarToItem } from "@/prisma/seed/factories";
import { createFixtureWorld, type FixtureWorld } from "@/prisma/seed/fixture-world";
import { callerFor, outcomeOf } from "@/tests/integration/helpers/callers";
import { testDb } from "@/tests/integration/helpers/db";

// The tracker counts only released positions the viewer may read (DESIGN.md "Release levels":
// aggregates respect visibility). A Japanese draft, a sealed session and a GOVERNMENTS-only stance
// must not move what a Korean delegate or a scholar sees, and the Japanese delegate's own figures
// never include their drafts.
const db = testDb();
let w: FixtureWorld;
const DAY_MS = 24 * 60 * 60 * 1000;
let s2: { id: string };
let s3: { id: string };

beforeAll(async () => {
  w = await createFixtureWorld(db);
  const tri = w.series.tri.id;
  // TRI: published (day 14) → S2 (day 20: probe + the ALL_PARTICIPANTS issue, scholar A invited) → S3 (day 30, sealed: probe).
  s2 = await createSession(db, { seriesId: tri, title: "TRI S2", status: "AGENDA_PUBLISHED", startsAt: new Date(Date.now() + 20 * DAY_MS) });
  await createAgendaItem(db, { sessionId: s2.id, position: 1, title: "S2 probe", issueId: w.issues.triProbe.id, status: "ACCEPTED" });
  const invited = await createAgendaItem(db, { sessionId: s2.id, position: 2, title: "S2 AP", issueId: w.issues.triAllParticipants.id });
  await inviteScholarToItem(db, { agendaItemId: invited.id, userId: w.users.scholarA.id, invitedById: w.users.triConvenor.id });
  s3 = await createSession(db, { seriesId: tri, title: "TRI S3", status: "AGENDA_PUBLISHED", startsAt: new Date(Date.now() + 30 * DAY_MS) });
  await db.session.update({ where: { id: s3.id }, data: { stancesSealedAt: new Date() } });
  await createAgendaItem(db, { sessionId: s3.id, position: 1, title: "S3 probe", issueId: w.issues.triProbe.id });
});

const kr = () => callerFor(db, w.users.krDelegate.id);
const jp = () => callerFor(db, w.users.jpDelegate.id);
const scholar = () => callerFor(db, w.users.scholarA.id);

async function probeViews(caller: Awaited<ReturnType<typeof kr>>) {
  const [atS2, atS3, overview, timeline] = await Promise.all([
    caller.tracker.session({ sessionId: s2.id }),
    caller.tracker.session({ sessionId: s3.id }),
    caller.tracker.seriesOverview({ seriesId: w.series.tri.id }),
    caller.tracker.issueTimeline({ issueId: w.issues.triProbe.id }),
  ]);
  return {
    atS2: atS2.issues.find((i) => i.issue.id === w.issues.triProbe.id),
    atS3: atS3.issues,
    summaryS3: atS3.summary,
    overview: overview.issues.find((i) => i.id === w.issues.triProbe.id),
    timeline,
  };
}

async function scholarViews() {
  const c = await scholar();
  return {
    atS2: await c.tracker.session({ sessionId: s2.id }),
    timeline: await c.tracker.issueTimeline({ issueId: w.issues.triAllParticipants.id }),
    overview: await c.tracker.seriesOverview({ seriesId: w.series.tri.id }),
  };
}

describe("tracker figures", () => {
  it("computes the published session's figures from released positions, carried forward", async () => {
    const view = await (await kr()).tracker.session({ sessionId: w.sessions.triPublished.id });
    const ap = view.issues.find((i) => i.issue.id === w.issues.triAllParticipants.id)!;
    // US 2, JP −1, KR 0 on −3…3: steps 3, 2, 1 → spread 3 (0.5), agreement 1 − 2/6; the US stands two or more steps from both.
    expect(ap.positions.map((p) => [view.parties.find((x) => x.id === p.partyId)!.code, p.position, p.carried])).toEqual([
      ["JP", -1, false],
      ["KR", 0, false],
      ["US", 2, false],
    ]);
    expect(ap.spreadSteps).toBe(3);
    expect(ap.agreement).toBeCloseTo(2 / 3, 12);
    expect(ap.outlier).toBe(w.parties.us.id);
    expect(ap.status).toBe("STEADY");
    // The PARTY-level issue has only KR's own draft, which never counts: no position at all.
    const party = view.issues.find((i) => i.issue.id === w.issues.triParty.id)!;
    expect(party.status).toBe("INCOMPLETE");
    expect(party.positions).toEqual([]);
    const probe = view.issues.find((i) => i.issue.id === w.issues.triProbe.id)!;
    expect(probe).toMatchObject({ status: "CONVERGED", agreement: 1, spreadSteps: 0 });

    const atS2 = await (await kr()).tracker.session({ sessionId: s2.id });
    const carried = atS2.issues.find((i) => i.issue.id === w.issues.triProbe.id)!;
    expect(carried.positions.every((p) => p.carried && p.position === 1)).toBe(true);
    expect(atS2.summary.issues).toBe(2);
  });

  it("a JP draft, a sealed session and a GOVERNMENTS-only stance change nothing for KR, JP or a scholar", async () => {
    const krBefore = await probeViews(await kr());
    const jpBefore = await probeViews(await jp());
    const scholarBefore = await scholarViews();
    // The JP delegate's own figures equal the KR delegate's: the fixture's JP probe draft is not in them.
    expect(jpBefore).toEqual(krBefore);
    expect(krBefore.timeline.points.map((p) => [p.session.id, p.status])).toEqual([
      [w.sessions.triPublished.id, "CONVERGED"],
      [s2.id, "CONVERGED"],
      [s3.id, "CONVERGED"],
    ]);
    expect(scholarBefore.atS2.issues.map((i) => i.issue.id)).toEqual([w.issues.triAllParticipants.id]);

    const tri = { US: [w.parties.us.id, w.users.usDelegate.id], JP: [w.parties.jp.id, w.users.jpDelegate.id] } as const;
    // A Japanese draft at S2, far from everyone.
    const jpDraft = await createStance(db, { issueId: w.issues.triProbe.id, sessionId: s2.id, partyId: tri.JP[0], authorId: tri.JP[1], position: -3, redLine: true, releaseLevel: "PARTY" });
    await createStance(db, { issueId: w.issues.triAllParticipants.id, sessionId: s2.id, partyId: tri.JP[0], authorId: tri.JP[1], position: 3, releaseLevel: "PARTY" });
    // Released, but in a sealed session.
    await createStance(db, { issueId: w.issues.triProbe.id, sessionId: s3.id, partyId: tri.US[0], authorId: tri.US[1], position: -3, releaseLevel: "GOVERNMENTS" });
    // Released to governments only: the scholar may not count it (the KR delegate may).
    await createStance(db, { issueId: w.issues.triAllParticipants.id, sessionId: s2.id, partyId: tri.US[0], authorId: tri.US[1], position: 0, releaseLevel: "GOVERNMENTS" });

    // The US delegate reads their own party's released stance in the sealed session; computed first,
    // so a figure shared between viewers would leak it to the others below.
    const usS3 = await (await callerFor(db, w.users.usDelegate.id)).tracker.session({ sessionId: s3.id });
    expect(usS3.issues[0]!.positions.find((p) => p.partyId === w.parties.us.id)).toMatchObject({ position: -3, carried: false });
    expect(await probeViews(await kr())).toEqual(krBefore);
    expect(await probeViews(await jp())).toEqual(jpBefore);
    expect(await scholarViews()).toEqual(scholarBefore);

    // The checks can fail: the GOVERNMENTS stance does move the KR delegate's figure (US 0, JP −1, KR 0: within one step)…
    const krS2 = await (await kr()).tracker.session({ sessionId: s2.id });
    expect(krS2.issues.find((i) => i.issue.id === w.issues.triAllParticipants.id)!.status).toBe("CONVERGED");
    expect(scholarBefore.atS2.issues[0]!.status).toBe("STEADY");
    // …and the draft, once released, moves everyone's (JP's red line at −3, others four steps away).
    await db.stance.update({ where: { id: jpDraft.id }, data: { releaseLevel: "GOVERNMENTS", releasedAt: new Date() } });
    const after = await probeViews(await kr());
    expect(after.atS2?.status).toBe("BLOCKED");
    expect(after.atS2?.blockedBy).toBe(w.parties.jp.id);
    expect(after.overview?.statuses).not.toEqual(krBefore.overview?.statuses);
  });
});

describe("party order", () => {
  it("is the series' order in every view: board, tracker per session, series, issue and deterrence profile", async () => {
    const caller = await kr();
    const seriesId = w.series.tri.id;
    const [board, session, overview, timeline, profile] = await Promise.all([
      caller.stance.board({ sessionId: w.sessions.triPublished.id }),
      caller.tracker.session({ sessionId: w.sessions.triPublished.id }),
      caller.tracker.seriesOverview({ seriesId }),
      caller.tracker.issueTimeline({ issueId: w.issues.triProbe.id }),
      caller.tracker.deterrenceProfile({ seriesId }),
    ]);
    const order = board.parties.map((p) => p.code);
    expect(order).toEqual(["JP", "KR", "US"]);
    for (const view of [session, overview, timeline, profile]) expect(view.parties.map((p) => p.code)).toEqual(order);
  });
});

describe("tracker access", () => {
  it("answers NOT_FOUND for another series' session, series, issue and deterrence profile", async () => {
    const c = await kr();
    expect(await outcomeOf(() => c.tracker.session({ sessionId: w.sessions.eddPublished.id }))).toBe("NOT_FOUND");
    expect(await outcomeOf(() => c.tracker.seriesOverview({ seriesId: w.series.edd.id }))).toBe("NOT_FOUND");
    expect(await outcomeOf(() => c.tracker.issueTimeline({ issueId: w.issues.eddProbe.id }))).toBe("NOT_FOUND");
    expect(await outcomeOf(() => c.tracker.deterrenceProfile({ seriesId: w.series.edd.id }))).toBe("NOT_FOUND");
    // A session of another series named with a series the viewer belongs to.
    expect(await outcomeOf(() => c.tracker.deterrenceProfile({ seriesId: w.series.tri.id, sessionId: w.sessions.eddPublished.id }))).toBe("NOT_FOUND");
  });

  it("gives a scholar only the issues of the items they were invited to", async () => {
    const view = await (await scholar()).tracker.seriesOverview({ seriesId: w.series.tri.id });
    expect(view.issues.map((i) => i.id)).toEqual([w.issues.triAllParticipants.id]);
    expect(view.sessions.map((s) => s.id)).not.toContain(w.sessions.triDraft.id);
  });
});

describe("deterrence profile", () => {
  it("rates criteria per party from released positions, latest or at a session, with the shared core and gaps", async () => {
    const crit = w.issues.triCriterion.id;
    const [us, jpP, krP] = [w.parties.us, w.parties.jp, w.parties.kr];
    await createStance(db, { issueId: crit, sessionId: w.sessions.triPublished.id, partyId: us.id, authorId: w.users.usDelegate.id, position: 3, rationale: "US view", releaseLevel: "GOVERNMENTS" });
    await createStance(db, { issueId: crit, sessionId: w.sessions.triPublished.id, partyId: jpP.id, authorId: w.users.jpDelegate.id, position: 2, releaseLevel: "GOVERNMENTS" });
    await createStance(db, { issueId: crit, sessionId: w.sessions.triPublished.id, partyId: krP.id, authorId: w.users.krDelegate.id, position: 1, releaseLevel: "GOVERNMENTS" });
    // KR's later draft (3) must not close the gap.
    await createStance(db, { issueId: crit, sessionId: s2.id, partyId: krP.id, authorId: w.users.krDelegate.id, position: 3, releaseLevel: "PARTY" });
    const view = await (await kr()).tracker.deterrenceProfile({ seriesId: w.series.tri.id });
    const row = view.criteria.find((c) => c.issueId === crit)!;
    expect(row.cells.map((c) => c.rating?.position ?? null)).toEqual([2, 1, 3]);
    expect(row.cells[2]!.rating?.rationale).toBe("US view");
    expect(row.gap).toBe(true);
    expect(row.below).toEqual([krP.id]);
    expect(view.sharedCore).toEqual([]);
    const atS2 = await (await kr()).tracker.deterrenceProfile({ seriesId: w.series.tri.id, sessionId: s2.id });
    expect(atS2.criteria.find((c) => c.issueId === crit)!.cells.every((c) => c.rating?.carried)).toBe(true);
  });
});

describe("tracker CSV", () => {
  it("exports the viewer's figures with party codes only, and NOT_FOUND for non-members", async () => {
    const { trackerCsv } = await import("@/server/services/tracker/csv");
    const { loadViewer } = await import("@/server/access");
    const krViewer = (await loadViewer(db, w.users.krDelegate.id, Date.now() + 1000))!;
    const { body, filename } = await trackerCsv(db, krViewer, w.series.tri.id);
    const lines = body.trim().split("\r\n");
    expect(filename).toBe("tracker-TRI.csv");
    expect(lines[0]).toBe(
      "issue,kind,session,session_date,JP_position,JP_carried,JP_red_line,KR_position,KR_carried,KR_red_line,US_position,US_carried,US_red_line,spread_steps,spread,agreement,status,outlier,illustrative",
    );
    const ap = lines.find((l) => l.startsWith("TRI: issue with ALL_PARTICIPANTS-level stances,PROPOSITION,TRI published session"));
    expect(ap).toMatch(/,-1,no,no,0,no,no,2,no,no,3,0\.5000,0\.6667,STEADY,US,no$/);
    // No person or affiliation, and nothing of what the KR delegate may not read.
    for (const name of ["Delegate", "Convenor", "Scholar", "University"]) expect(body).not.toContain(name);
    // The PARTY-level issue holds only drafts (KR's own among them): no position is exported.
    const party = lines.find((l) => l.startsWith("TRI: issue with PARTY-level stances,PROPOSITION,TRI published session"));
    expect(party).toMatch(/,\d{4}-\d\d-\d\d(,){13}INCOMPLETE,,no$/);
    const jpViewer = (await loadViewer(db, w.users.jpDelegate.id, Date.now() + 1000))!;
    await expect(trackerCsv(db, jpViewer, w.series.edscg.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("tracker overview pages", () => {
  it("pages 50 sessions at a time, every visible session exactly once, counts as on one page", async () => {
    // Enough sessions in EDD for two pages for the Japanese delegate (EDD + TRI).
    for (let i = 0; i < 55; i++) {
      await createSession(db, { seriesId: w.series.edd.id, title: `EDD paging ${i}`, startsAt: new Date(Date.now() - i * DAY_MS) });
    }
    const caller = await jp();
    const first = await caller.tracker.overview();
    const second = await caller.tracker.overview({ page: 2 });
    const beyond = await caller.tracker.overview({ page: 3 });
    const visible = await db.session.count({ where: { seriesId: { in: [w.series.edd.id, w.series.tri.id] } } });
    expect(first.total).toBe(visible);
    expect(first.rows).toHaveLength(50);
    expect(second.rows).toHaveLength(visible - 50);
    expect(first.pages).toBe(2);
    expect(beyond.rows).toHaveLength(0);
    const ids = [...first.rows, ...second.rows].map((r) => r.id);
    expect(new Set(ids).size).toBe(visible);
    // Ordered by series, then newest first, across the page break.
    const keys = [...first.rows, ...second.rows].map((r) => [r.series.shortName, -r.startsAt.getTime()] as const);
    for (let i = 1; i < keys.length; i++) {
      const [a, b] = [keys[i - 1]!, keys[i]!];
      expect(a[0] < b[0] || (a[0] === b[0] && a[1] <= b[1])).toBe(true);
    }
    // The published TRI session keeps its figures (released positions the viewer may read).
    const tri = [...first.rows, ...second.rows].find((r) => r.id === w.sessions.triPublished.id)!;
    expect(tri.releasedPositions).toBeGreaterThan(0);
  });
});
