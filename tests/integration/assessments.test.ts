import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadViewer } from "@/server/access";
import { getPanelsForSession } from "@/server/services/assessments/panel";
import { addMember, createAgendaItem, createAssessment, createIssue, createSession, createUser } from "@/prisma/seed/factories";
import { createFixtureWorld, type FixtureWorld } from "@/prisma/seed/fixture-world";
import { callerFor, outcomeOf } from "@/tests/integration/helpers/callers";
import { signedInNow } from "@/tests/integration/helpers/callers";
import { countingTestDb, testDb } from "@/tests/integration/helpers/db";

const db = testDb();
let w: FixtureWorld;
let scholarC: { id: string };
const DAY_MS = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  w = await createFixtureWorld(db);
  scholarC = await createUser(db, { email: "scholarc@fixture.test", name: "Scholar C" });
  await addMember(db, { seriesId: w.series.tri.id, userId: scholarC.id, role: "SCHOLAR", affiliation: "University C" });
});

const as = (userId: string) => callerFor(db, userId);

/** Everyone of the TRI series who may see a published item, raters included. */
function triViewers() {
  return {
    convenor: w.users.triConvenor.id,
    jpDelegate: w.users.jpDelegate.id,
    usDelegate: w.users.usDelegate.id,
    krDelegate: w.users.krDelegate.id,
    observer: w.users.observer.id,
    scholarA: w.users.scholarA.id,
    scholarB: w.users.scholarB.id,
    scholarC: scholarC.id,
  };
}

async function triSession(startsAt: Date, status: "AGENDA_PUBLISHED" | "IN_SESSION" | "CONCLUDED" = "IN_SESSION") {
  return createSession(db, { seriesId: w.series.tri.id, startsAt, status, agendaPublishedAt: new Date(Date.now() - DAY_MS) });
}

/** A fresh TRI issue on the default −3…+3 scale and an item on it at a published session, with the three scholars invited. */
async function freshItem(opts: { sessionId?: string; issueId?: string; invite?: string[] } = {}) {
  const issueId = opts.issueId ?? (await createIssue(db, { seriesId: w.series.tri.id })).id;
  const sessionId = opts.sessionId ?? w.sessions.triPublished.id;
  const item = await createAgendaItem(db, { sessionId, issueId, status: "ACCEPTED" });
  for (const userId of opts.invite ?? [w.users.scholarA.id, w.users.scholarB.id, scholarC.id]) {
    await db.agendaItemScholar.create({ data: { agendaItemId: item.id, userId, invitedById: w.users.triConvenor.id } });
  }
  return { item, issueId, sessionId };
}

async function save(userId: string, agendaItemId: string, position: number, reasoning: string, version?: number) {
  return (await as(userId)).assessment.save({ agendaItemId, position, reasoning, version });
}

async function writes() {
  const [assessments, audits] = await Promise.all([db.assessment.findMany({ orderBy: { id: "asc" } }), db.auditEvent.count()]);
  return { assessments, audits };
}

describe("panel figures", () => {
  it("are hidden from every viewer below 3 assessments and shown at 3 with the hand-computed numbers", async () => {
    const { item } = await freshItem();
    const viewers = triViewers();

    await save(w.users.scholarA.id, item.id, -2, "A thinks so");
    await save(w.users.scholarB.id, item.id, 3, "B thinks otherwise");
    for (const [name, userId] of Object.entries(viewers)) {
      const caller = await as(userId);
      const panel = await caller.assessment.panel({ agendaItemId: item.id });
      expect(panel.figures, name).toBeNull();
      // Not even the count below three.
      expect(JSON.stringify(panel), name).not.toMatch(/"count"|"median"|"positions"/);
      const forSession = await caller.assessment.panelsForSession({ sessionId: w.sessions.triPublished.id });
      const entry = forSession.find((p) => p.agendaItemId === item.id);
      expect(entry, name).toBeDefined();
      expect(entry!.figures, name).toBeNull();
    }

    await save(scholarC.id, item.id, 1, "C in between");
    // Sorted [-2, 1, 3]: median 1; q1 at h=0.5 → -2 + 0.5·3 = -0.5; q3 at h=1.5 → 1 + 0.5·2 = 2; IQR 2.5.
    const expected = { count: 3, median: 1, q1: -0.5, q3: 2, iqr: 2.5, consensus: false, stable: null, previousMedian: null };
    for (const [name, userId] of Object.entries(viewers)) {
      const caller = await as(userId);
      const panel = await caller.assessment.panel({ agendaItemId: item.id });
      expect(panel.figures, name).toEqual(expected);
      expect(panel.issue).toMatchObject({ scaleMin: -3, scaleMax: 3 });
      const forSession = await caller.assessment.panelsForSession({ sessionId: w.sessions.triPublished.id });
      expect(forSession.find((p) => p.agendaItemId === item.id)!.figures, name).toEqual(expected);
    }
  });

  it("finds consensus when the interquartile range is within one step (linear quartiles)", async () => {
    const fourth = await createUser(db, { name: "Scholar D" });
    await addMember(db, { seriesId: w.series.tri.id, userId: fourth.id, role: "SCHOLAR", affiliation: "University D" });
    const { item } = await freshItem({ invite: [w.users.scholarA.id, w.users.scholarB.id, scholarC.id, fourth.id] });
    await save(w.users.scholarA.id, item.id, 0, "");
    await save(w.users.scholarB.id, item.id, 1, "");
    await save(scholarC.id, item.id, 1, "");
    await save(fourth.id, item.id, 2, "");
    // [0, 1, 1, 2]: q1 at h=0.75 → 0.75; median 1; q3 at h=2.25 → 1.25; IQR 0.5 ≤ 1.
    const panel = await (await as(w.users.jpDelegate.id)).assessment.panel({ agendaItemId: item.id });
    expect(panel.figures).toMatchObject({ count: 4, median: 1, q1: 0.75, q3: 1.25, iqr: 0.5, consensus: true });
  });

  it("says nothing of a procedural item, and nothing to those who may not see the item", async () => {
    const procedural = await (await as(w.users.jpDelegate.id)).assessment.panel({ agendaItemId: w.items.triOpening.id });
    expect(procedural).toMatchObject({ issue: null, figures: null });
    const { item } = await freshItem();
    for (const userId of [w.users.eddConvenor.id, w.users.outsider.id, w.users.admin.id]) {
      expect(await outcomeOf(async () => (await as(userId)).assessment.panel({ agendaItemId: item.id }))).toBe("NOT_FOUND");
    }
    // scholarA's invitation to a draft agenda shows them nothing of it.
    expect(await outcomeOf(async () => (await as(w.users.scholarA.id)).assessment.panel({ agendaItemId: w.items.triDraftInvited.id }))).toBe(
      "NOT_FOUND",
    );
    // A scholar sees panels of the items they were invited to only.
    const panels = await (await as(w.users.scholarB.id)).assessment.panelsForSession({ sessionId: w.sessions.triPublished.id });
    expect(panels.map((p) => p.agendaItemId)).not.toContain(w.items.triInvited.id);
  });
});

describe("privacy of individual assessments", () => {
  it("no response to anyone but the rater carries another scholar's position, reasoning or id", async () => {
    const { item, sessionId } = await freshItem();
    const reasons = {
      [w.users.scholarA.id]: "REASON-ALPHA-7f3",
      [w.users.scholarB.id]: "REASON-BRAVO-9c1",
      [scholarC.id]: "REASON-CHARLIE-2e8",
    };
    const raters = Object.keys(reasons);
    await save(w.users.scholarA.id, item.id, -3, reasons[w.users.scholarA.id]!);
    await save(w.users.scholarB.id, item.id, 2, reasons[w.users.scholarB.id]!);
    await save(scholarC.id, item.id, 3, reasons[scholarC.id]!);

    for (const [name, userId] of Object.entries(triViewers())) {
      const caller = await as(userId);
      const responses = [
        await caller.assessment.mine({ agendaItemId: item.id }),
        await caller.assessment.panel({ agendaItemId: item.id }),
        await caller.assessment.panelsForSession({ sessionId }),
      ];
      const text = JSON.stringify(responses);
      for (const rater of raters) {
        if (rater === userId) continue;
        expect(text, `${name} reads ${rater}`).not.toContain(rater);
        expect(text, `${name} reads ${rater}'s reasoning`).not.toContain(reasons[rater]);
      }
      // No per-scholar rows anywhere: figures are the only numbers about the panel.
      expect(text).not.toMatch(/"scholarId"|"positions"|"assessments"/);
      const mine = responses[0] as Awaited<ReturnType<typeof caller.assessment.mine>>;
      if (userId in reasons) {
        expect(mine.assessment).toMatchObject({ reasoning: reasons[userId], version: 1 });
      } else {
        expect(mine.assessment).toBeNull();
        expect(mine.canAssess).toBe(false);
      }
    }
  });

  it("audits every change without the position or the reasoning", async () => {
    const { item } = await freshItem();
    const first = await save(w.users.scholarB.id, item.id, -1, "AUDIT-SECRET-1");
    await save(w.users.scholarB.id, item.id, 2, "AUDIT-SECRET-2", first.version);
    const events = await db.auditEvent.findMany({ where: { objectId: first.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["assessment.created", "assessment.updated"]);
    expect(events.every((e) => e.actorId === w.users.scholarB.id && e.seriesId === w.series.tri.id)).toBe(true);
    const text = JSON.stringify(events.map((e) => e.summary));
    expect(text).not.toMatch(/AUDIT-SECRET|"position"|"reasoning"/);
    expect(events[1]!.summary).toMatchObject({ agendaItemId: item.id, version: 2 });
  });
});

describe("assessment.save", () => {
  it("creates once per issue and session, then revises with the version it started from", async () => {
    const { item, issueId, sessionId } = await freshItem();
    const created = await save(w.users.scholarA.id, item.id, 1, "  first  ");
    expect(created).toMatchObject({ position: 1, reasoning: "first", version: 1 });
    const row = await db.assessment.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ issueId, sessionId, agendaItemId: item.id, scholarId: w.users.scholarA.id });

    const revised = await save(w.users.scholarA.id, item.id, 2, "second", 1);
    expect(revised).toMatchObject({ id: created.id, position: 2, reasoning: "second", version: 2 });

    const before = await writes();
    // Stale version, and a "first" save when one exists: CONFLICT, nothing written.
    expect(await outcomeOf(() => save(w.users.scholarA.id, item.id, 3, "stale", 1))).toBe("CONFLICT");
    expect(await outcomeOf(() => save(w.users.scholarA.id, item.id, 3, "no version"))).toBe("CONFLICT");
    expect(await writes()).toEqual(before);
    expect(await db.assessment.count({ where: { issueId, sessionId } })).toBe(1);
  });

  it("refuses a point outside the scale, an over-long reasoning, and writes nothing", async () => {
    const criterion = await createIssue(db, { seriesId: w.series.tri.id, kind: "DETERRENCE_CRITERION" });
    const { item } = await freshItem({ issueId: criterion.id });
    const before = await writes();
    for (const position of [-1, 4]) {
      expect(await outcomeOf(() => save(w.users.scholarA.id, item.id, position, "out of scale"))).toBe("BAD_REQUEST");
    }
    expect(await outcomeOf(() => save(w.users.scholarA.id, item.id, 2, "x".repeat(2001)))).toBe("BAD_REQUEST");
    expect(await writes()).toEqual(before);
    // The bounds themselves are points of the scale.
    await save(w.users.scholarA.id, item.id, 0, "");
    await save(w.users.scholarB.id, item.id, 3, "x".repeat(2000));
  });

  it("refuses after the session has concluded, first saves and revisions alike", async () => {
    const session = await triSession(new Date(Date.now() + 40 * DAY_MS));
    const { item } = await freshItem({ sessionId: session.id });
    const given = await save(w.users.scholarA.id, item.id, 1, "before the end");
    await db.session.update({ where: { id: session.id }, data: { status: "CONCLUDED" } });
    const before = await writes();
    for (const call of [() => save(w.users.scholarA.id, item.id, 2, "after", given.version), () => save(w.users.scholarB.id, item.id, 2, "late")]) {
      const error = (await call().then(
        () => null,
        (e: unknown) => e,
      )) as { code: string; message: string } | null;
      expect(error).toMatchObject({ code: "BAD_REQUEST", message: "The session has concluded" });
    }
    expect(await writes()).toEqual(before);
    const mine = await (await as(w.users.scholarA.id)).assessment.mine({ agendaItemId: item.id });
    expect(mine).toMatchObject({ concluded: true, canAssess: false, assessment: { position: 1 } });
  });

  it("is for invited scholars of the series: NOT_FOUND when not invited or not visible, FORBIDDEN for other members", async () => {
    const { item } = await freshItem({ invite: [w.users.scholarA.id] });
    const before = await writes();
    const outcome = (userId: string, agendaItemId = item.id) => outcomeOf(() => save(userId, agendaItemId, 1, "try"));
    expect(await outcome(w.users.scholarB.id)).toBe("NOT_FOUND");
    expect(await outcome(w.users.scholarA.id, w.items.triDraftInvited.id)).toBe("NOT_FOUND");
    for (const userId of [w.users.triConvenor.id, w.users.jpDelegate.id, w.users.krDelegate.id, w.users.observer.id]) {
      expect(await outcome(userId)).toBe("FORBIDDEN");
    }
    for (const userId of [w.users.eddConvenor.id, w.users.outsider.id, w.users.admin.id]) expect(await outcome(userId)).toBe("NOT_FOUND");
    expect(await outcome(w.users.scholarA.id, w.items.triOpening.id)).toBe("NOT_FOUND");
    expect(await writes()).toEqual(before);

    const mine = await (await as(w.users.scholarA.id)).assessment.mine({ agendaItemId: item.id });
    expect(mine).toMatchObject({ invited: true, canAssess: true, concluded: false, assessment: null });
    const delegate = await (await as(w.users.jpDelegate.id)).assessment.mine({ agendaItemId: item.id });
    expect(delegate).toMatchObject({ invited: false, canAssess: false, assessment: null });
  });
});

describe("stability against the previous round", () => {
  /** Three sessions of TRI in order, the issue on an item at each; the earlier rounds written directly. */
  async function rounds(earlier: { daysBefore: number; positions: number[] }[]) {
    const issue = await createIssue(db, { seriesId: w.series.tri.id });
    const now = Date.now() + 200 * DAY_MS;
    const current = await triSession(new Date(now));
    const scholars = [w.users.scholarA.id, w.users.scholarB.id, scholarC.id];
    for (const round of earlier) {
      const session = await triSession(new Date(now - round.daysBefore * DAY_MS), "CONCLUDED");
      const { item } = await freshItem({ sessionId: session.id, issueId: issue.id });
      for (const [i, position] of round.positions.entries()) {
        await createAssessment(db, { issueId: issue.id, sessionId: session.id, agendaItemId: item.id, scholarId: scholars[i]!, position });
      }
    }
    const { item } = await freshItem({ sessionId: current.id, issueId: issue.id });
    return item;
  }

  async function assessCurrent(itemId: string, positions: [number, number, number]) {
    await save(w.users.scholarA.id, itemId, positions[0], "");
    await save(w.users.scholarB.id, itemId, positions[1], "");
    await save(scholarC.id, itemId, positions[2], "");
    return (await (await as(w.users.usDelegate.id)).assessment.panel({ agendaItemId: itemId })).figures;
  }

  it("compares with the latest earlier session that has assessments", async () => {
    // The older round (median -3) must be ignored: against the latest earlier one (median 2) the median did not move.
    const item = await rounds([
      { daysBefore: 60, positions: [-3, -3, -3] },
      { daysBefore: 30, positions: [1, 2, 2] },
    ]);
    expect(await assessCurrent(item.id, [1, 2, 3])).toMatchObject({ median: 2, previousMedian: 2, stable: true });
  });

  it("is stable when the median moved less than one step, and moved otherwise", async () => {
    const stableItem = await rounds([{ daysBefore: 30, positions: [0, 1, 2] }]);
    expect(await assessCurrent(stableItem.id, [0, 1, 3])).toMatchObject({ median: 1, previousMedian: 1, stable: true });
    const movedItem = await rounds([{ daysBefore: 30, positions: [-2, -1, 0] }]);
    expect(await assessCurrent(movedItem.id, [0, 0, 3])).toMatchObject({ median: 0, previousMedian: -1, stable: false });
  });

  it("does not compare with a round of fewer than 3 assessments (its median would give them away)", async () => {
    const item = await rounds([
      { daysBefore: 60, positions: [3, 3, 3] },
      { daysBefore: 30, positions: [-3] },
    ]);
    expect(await assessCurrent(item.id, [0, 1, 2])).toMatchObject({ median: 1, previousMedian: null, stable: null });
  });
});

describe("getPanelsForSession", () => {
  const counted = countingTestDb();
  afterAll(() => counted.close());

  async function measure(sessionId: string) {
    const viewer = (await loadViewer(db, w.users.usDelegate.id, signedInNow()))!;
    counted.queries = 0;
    const panels = await getPanelsForSession(counted.db, viewer, sessionId);
    return { queries: counted.queries, panels };
  }

  it("answers in the same number of queries whatever the session holds, one entry per visible linked item", async () => {
    const session = await triSession(new Date(Date.now() + 300 * DAY_MS));
    const first = await freshItem({ sessionId: session.id });
    const small = await measure(session.id);
    expect(small.panels.map((p) => p.agendaItemId)).toEqual([first.item.id]);

    await createAgendaItem(db, { sessionId: session.id, title: "Procedural" });
    for (let i = 0; i < 5; i++) {
      const { item } = await freshItem({ sessionId: session.id });
      for (const scholarId of [w.users.scholarA.id, w.users.scholarB.id, scholarC.id]) {
        await save(scholarId, item.id, i - 2, "");
      }
    }
    const large = await measure(session.id);
    expect(large.panels).toHaveLength(6);
    expect(large.panels[0]).toMatchObject({ agendaItemId: first.item.id, figures: null, issue: { scaleMin: -3, scaleMax: 3 } });
    expect(large.panels.slice(1).map((p) => p.figures?.median)).toEqual([-2, -1, 0, 1, 2]);
    expect(large.queries).toBe(small.queries);
    expect(large.queries).toBeLessThanOrEqual(6);
  });
});
