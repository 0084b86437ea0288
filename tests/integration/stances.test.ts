import { beforeAll, describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/prisma/generated/client";
import { createAgendaItem, createIssue, createSession, createStance } from "@/prisma/seed/factories";
import { createFixtureWorld, type FixtureWorld } from "@/prisma/seed/fixture-world";
import { loadViewer } from "@/server/access";
import type { Db } from "@/server/db";
import { getStanceBoard } from "@/server/services/stances/board";
import { callerFor, outcomeOf, signedInNow } from "@/tests/integration/helpers/callers";
import { testDatabaseUrl, testDb } from "@/tests/integration/helpers/db";

const db = testDb();
let w: FixtureWorld;
const DAY_MS = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  w = await createFixtureWorld(db);
});

const as = (userId: string) => callerFor(db, userId);
const jp = () => as(w.users.jpDelegate.id);
const us = () => as(w.users.usDelegate.id);

async function rejection(promise: Promise<unknown>) {
  const e = (await promise.then(
    () => null,
    (x: unknown) => x,
  )) as { code: string; message: string; cause?: unknown } | null;
  expect(e).not.toBeNull();
  return e!;
}

function fieldsOf(e: { cause?: unknown }): string[] {
  const cause = e.cause as { fieldErrors?: Record<string, string[]>; issues?: { path: PropertyKey[] }[] } | undefined;
  if (cause?.fieldErrors) return Object.keys(cause.fieldErrors);
  return (cause?.issues ?? []).map((i) => String(i.path[0]));
}

/** Everything a stance change could write. */
async function snapshot() {
  const [stances, revisions, audits] = await Promise.all([
    db.stance.findMany({ orderBy: { id: "asc" } }),
    db.stanceRevision.count(),
    db.auditEvent.count(),
  ]);
  return { stances, revisions, audits };
}

/** A fresh EDD issue on the published session's agenda (and optionally another session's). */
async function agendaIssue(sessionId = w.sessions.eddPublished.id, extra: Partial<Parameters<typeof createIssue>[1]> = {}) {
  const issue = await createIssue(db, { seriesId: w.series.edd.id, ...extra });
  await createAgendaItem(db, { sessionId, issueId: issue.id, status: "ACCEPTED" });
  return issue;
}

const body = { rationale: "Because", conditions: "If reciprocated", redLine: false, priority: 2 };

describe("stance.create", () => {
  it("records a PARTY-level draft with revision 1 and an audit event", async () => {
    const issue = await agendaIssue();
    const made = await (await jp()).stance.create({ sessionId: w.sessions.eddPublished.id, issueId: issue.id, position: 2, ...body });
    const stance = await db.stance.findUniqueOrThrow({ where: { id: made.id }, include: { revisions: true } });
    expect(stance).toMatchObject({ partyId: w.parties.jp.id, position: 2, releaseLevel: "PARTY", releasedAt: null, version: 1 });
    expect(stance.revisions).toHaveLength(1);
    expect(stance.revisions[0]).toMatchObject({ number: 1, releaseLevel: "PARTY", authorId: w.users.jpDelegate.id, rationale: "Because" });
    expect(await db.auditEvent.count({ where: { action: "stance.created", objectId: made.id } })).toBe(1);
    // The draft is the Japanese delegation's only.
    for (const userId of [w.users.usDelegate.id, w.users.eddConvenor.id, w.users.observer.id, w.users.krDelegate.id, w.users.scholarA.id]) {
      expect(await outcomeOf(async () => (await as(userId)).stance.get({ stanceId: made.id }))).toBe("NOT_FOUND");
    }
    expect((await (await jp()).stance.get({ stanceId: made.id })).label).toBe("Support");
  });

  it("a second stance for the same (issue, session, party) is a CONFLICT and writes nothing", async () => {
    const issue = await agendaIssue();
    const input = { sessionId: w.sessions.eddPublished.id, issueId: issue.id, position: 1, ...body };
    await (await jp()).stance.create(input);
    const before = await snapshot();
    const e = await rejection((await jp()).stance.create({ ...input, position: -1 }));
    expect(e.code).toBe("CONFLICT");
    expect(e.message).toMatch(/already recorded a stance/);
    expect(await snapshot()).toEqual(before);
    // Another party may record its own.
    await expect((await us()).stance.create(input)).resolves.toMatchObject({ version: 1 });
  });

  it("two racing creates of the same stance: one wins, the other is a CONFLICT", async () => {
    const issue = await agendaIssue();
    const input = { sessionId: w.sessions.eddPublished.id, issueId: issue.id, position: 1, ...body };
    const [a, b] = [await jp(), await jp()];
    const outcomes = await Promise.all([outcomeOf(() => a.stance.create(input)), outcomeOf(() => b.stance.create(input))]);
    expect(outcomes.sort()).toEqual(["CONFLICT", "OK"]);
    expect(await db.stance.count({ where: { issueId: issue.id } })).toBe(1);
  });

  it("refuses bad input with a clear error and writes nothing", async () => {
    const issue = await agendaIssue();
    const archived = await agendaIssue(undefined, { archivedAt: new Date() });
    const offAgenda = await createIssue(db, { seriesId: w.series.edd.id });
    const s = w.sessions.eddPublished.id;
    const before = await snapshot();
    const cases: [string, () => Promise<unknown>, string, string | null][] = [
      ["position above the scale", async () => (await jp()).stance.create({ sessionId: s, issueId: issue.id, position: 4, ...body }), "BAD_REQUEST", "position"],
      ["position below the scale", async () => (await jp()).stance.create({ sessionId: s, issueId: issue.id, position: -4, ...body }), "BAD_REQUEST", "position"],
      ["priority 4", async () => (await jp()).stance.create({ sessionId: s, issueId: issue.id, position: 0, ...body, priority: 4 }), "BAD_REQUEST", "priority"],
      ["priority 0", async () => (await jp()).stance.create({ sessionId: s, issueId: issue.id, position: 0, ...body, priority: 0 }), "BAD_REQUEST", "priority"],
      ["archived issue", async () => (await jp()).stance.create({ sessionId: s, issueId: archived.id, position: 0, ...body }), "BAD_REQUEST", "issueId"],
      ["issue not on the agenda", async () => (await jp()).stance.create({ sessionId: s, issueId: offAgenda.id, position: 0, ...body }), "BAD_REQUEST", "issueId"],
      ["issue of another series", async () => (await jp()).stance.create({ sessionId: s, issueId: w.issues.edscgProbe.id, position: 0, ...body }), "BAD_REQUEST", "issueId"],
      ["a delegate of another series", async () => (await as(w.users.krDelegate.id)).stance.create({ sessionId: s, issueId: issue.id, position: 0, ...body }), "NOT_FOUND", null],
      ["a convenor", async () => (await as(w.users.eddConvenor.id)).stance.create({ sessionId: s, issueId: issue.id, position: 0, ...body }), "FORBIDDEN", null],
      ["an observer", async () => (await as(w.users.observer.id)).stance.create({ sessionId: s, issueId: issue.id, position: 0, ...body }), "FORBIDDEN", null],
      ["editing another party's released stance", async () => (await us()).stance.save({ stanceId: w.stances.eddJpGovernments.id, version: w.stances.eddJpGovernments.version, position: 0, ...body }), "FORBIDDEN", null],
      ["releasing another party's released stance", async () => (await us()).stance.release({ stanceId: w.stances.eddJpGovernments.id, version: w.stances.eddJpGovernments.version, releaseLevel: "ALL_PARTICIPANTS" }), "FORBIDDEN", null],
      ["editing another party's draft", async () => (await us()).stance.save({ stanceId: w.stances.eddJpParty.id, version: w.stances.eddJpParty.version, position: 0, ...body }), "NOT_FOUND", null],
      ["saving a point off the scale", async () => (await jp()).stance.save({ stanceId: w.stances.eddJpParty.id, version: w.stances.eddJpParty.version, position: 9, ...body }), "BAD_REQUEST", "position"],
      ["saving priority 5", async () => (await jp()).stance.save({ stanceId: w.stances.eddJpParty.id, version: w.stances.eddJpParty.version, position: 0, ...body, priority: 5 }), "BAD_REQUEST", "priority"],
    ];
    for (const [name, call, code, field] of cases) {
      const e = await rejection(call());
      expect(e.code, name).toBe(code);
      if (field) expect(fieldsOf(e), name).toContain(field);
      expect(e.message.length, name).toBeGreaterThan(5);
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe("stance release levels", () => {
  it("raising to GOVERNMENTS writes a revision, sets releasedAt once, and shows other parties only released revisions", async () => {
    const issue = await agendaIssue();
    const made = await (await jp()).stance.create({ sessionId: w.sessions.eddPublished.id, issueId: issue.id, position: -2, ...body, rationale: "secret draft reasoning" });
    const saved = await (await jp()).stance.save({ stanceId: made.id, version: 1, position: -1, ...body, rationale: "second draft" });
    expect(saved.version).toBe(2);

    // Before release: only JP.
    for (const userId of [w.users.usDelegate.id, w.users.eddConvenor.id, w.users.observer.id]) {
      expect(await outcomeOf(async () => (await as(userId)).stance.history({ stanceId: made.id })), userId).toBe("NOT_FOUND");
    }
    const released = await (await jp()).stance.release({ stanceId: made.id, version: 2, releaseLevel: "GOVERNMENTS" });
    expect(released).toMatchObject({ version: 3, releaseLevel: "GOVERNMENTS" });
    const stance = await db.stance.findUniqueOrThrow({ where: { id: made.id } });
    expect(stance.releasedAt).not.toBeNull();
    expect(await db.auditEvent.count({ where: { action: "stance.released", objectId: made.id } })).toBe(1);

    // Other governments: the stance and only the revision written at release, never the drafts before it.
    for (const userId of [w.users.usDelegate.id, w.users.eddConvenor.id, w.users.observer.id]) {
      const h = await (await as(userId)).stance.history({ stanceId: made.id });
      expect(h.revisions.map((r) => [r.number, r.releaseLevel]), userId).toEqual([[3, "GOVERNMENTS"]]);
      expect(JSON.stringify(h)).not.toContain("secret draft reasoning");
    }
    // Not a member of the series / not invited: nothing.
    for (const userId of [w.users.krDelegate.id, w.users.scholarA.id, w.users.outsider.id]) {
      expect(await outcomeOf(async () => (await as(userId)).stance.get({ stanceId: made.id })), userId).toBe("NOT_FOUND");
    }
    // The owning party reads its whole history.
    expect((await (await jp()).stance.history({ stanceId: made.id })).revisions.map((r) => r.number)).toEqual([1, 2, 3]);

    // A save after release keeps the level and is visible to others.
    await (await jp()).stance.save({ stanceId: made.id, version: 3, position: 0, ...body, rationale: "released update" });
    const h = await (await us()).stance.history({ stanceId: made.id });
    expect(h.revisions.map((r) => [r.number, r.releaseLevel, r.rationale])).toEqual([
      [3, "GOVERNMENTS", "second draft"],
      [4, "GOVERNMENTS", "released update"],
    ]);

    // Raising further keeps the first releasedAt.
    await (await jp()).stance.release({ stanceId: made.id, version: 4, releaseLevel: "ALL_PARTICIPANTS" });
    const after = await db.stance.findUniqueOrThrow({ where: { id: made.id } });
    expect(after.releasedAt).toEqual(stance.releasedAt);
    expect(after.releaseLevel).toBe("ALL_PARTICIPANTS");
  });

  it("never lowers or repeats a level: BAD_REQUEST and nothing written", async () => {
    const s = await createStance(db, {
      issueId: (await agendaIssue()).id,
      sessionId: w.sessions.eddPublished.id,
      partyId: w.parties.jp.id,
      authorId: w.users.jpDelegate.id,
      releaseLevel: "GOVERNMENTS",
    });
    const before = await snapshot();
    for (const level of ["PARTY", "GOVERNMENTS"] as const) {
      const e = await rejection((await jp()).stance.release({ stanceId: s.id, version: s.version, releaseLevel: level }));
      expect(e.code).toBe("BAD_REQUEST");
      expect(fieldsOf(e)).toContain("releaseLevel");
    }
    expect(await snapshot()).toEqual(before);
  });

  it("ALL_PARTICIPANTS reaches the scholar invited to a linked item; GOVERNMENTS and drafts do not", async () => {
    const scholar = await as(w.users.scholarA.id);
    expect(await outcomeOf(() => scholar.stance.get({ stanceId: w.stances.triJpAllParticipants.id }))).toBe("OK");
    expect(await outcomeOf(() => scholar.stance.get({ stanceId: w.stances.triJpGovernments.id }))).toBe("NOT_FOUND");
    expect(await outcomeOf(() => scholar.stance.get({ stanceId: w.stances.triJpParty.id }))).toBe("NOT_FOUND");
    const board = await scholar.stance.board({ sessionId: w.sessions.triPublished.id });
    const ids = board.rows.flatMap((r) => Object.values(r.cells).map((c) => c?.stanceId));
    expect(ids).toContain(w.stances.triJpAllParticipants.id);
    expect(ids).not.toContain(w.stances.triJpGovernments.id);
    expect(ids).not.toContain(w.stances.triJpParty.id);
  });

  it("GOVERNMENTS reaches every government member of the series, not other series", async () => {
    for (const userId of [w.users.usDelegate.id, w.users.eddConvenor.id, w.users.observer.id, w.users.jpDelegate.id]) {
      expect(await outcomeOf(async () => (await as(userId)).stance.get({ stanceId: w.stances.eddJpGovernments.id })), userId).toBe("OK");
    }
    expect(await outcomeOf(async () => (await as(w.users.krDelegate.id)).stance.get({ stanceId: w.stances.eddJpGovernments.id }))).toBe("NOT_FOUND");
  });
});

describe("stance.save concurrency", () => {
  it("stale version: CONFLICT, nothing written", async () => {
    const s = await createStance(db, { issueId: (await agendaIssue()).id, sessionId: w.sessions.eddPublished.id, partyId: w.parties.jp.id, authorId: w.users.jpDelegate.id });
    await (await jp()).stance.save({ stanceId: s.id, version: 1, position: 1, ...body });
    const before = await snapshot();
    const e = await rejection((await jp()).stance.save({ stanceId: s.id, version: 1, position: 2, ...body }));
    expect(e.code).toBe("CONFLICT");
    expect(await snapshot()).toEqual(before);
  });

  it("two saves from the same version at once, 20 rounds: exactly one wins each time and every accepted revision is kept", async () => {
    const s = await createStance(db, { issueId: (await agendaIssue()).id, sessionId: w.sessions.eddPublished.id, partyId: w.parties.jp.id, authorId: w.users.jpDelegate.id });
    const [a, b] = [await jp(), await jp()];
    let version = 1;
    const accepted: string[] = [];
    for (let round = 0; round < 20; round++) {
      const texts = [`round ${round} A`, `round ${round} B`];
      const outcomes = await Promise.all(
        [a, b].map((c, i) => outcomeOf(() => c.stance.save({ stanceId: s.id, version, position: (round % 7) - 3, ...body, rationale: texts[i]! }))),
      );
      expect(outcomes.slice().sort(), `round ${round}`).toEqual(["CONFLICT", "OK"]);
      accepted.push(texts[outcomes.indexOf("OK")]!);
      version += 1;
    }
    const revisions = await db.stanceRevision.findMany({ where: { stanceId: s.id }, orderBy: { number: "asc" } });
    expect(revisions.map((r) => r.number)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    expect(revisions.slice(1).map((r) => r.rationale)).toEqual(accepted);
    const stance = await db.stance.findUniqueOrThrow({ where: { id: s.id } });
    expect(stance.version).toBe(21);
    expect(stance.rationale).toBe(accepted.at(-1));
    expect(await db.auditEvent.count({ where: { action: "stance.saved", objectId: s.id } })).toBe(20);
  });
});

describe("stance board", () => {
  it("rows are the session's agenda issues (propositions, then criteria) × parties, with drafts for their own party only", async () => {
    const jpBoard = await (await jp()).stance.board({ sessionId: w.sessions.eddPublished.id });
    expect(jpBoard.parties.map((p) => p.code)).toEqual(["JP", "US"]);
    const kinds = jpBoard.rows.map((r) => r.issue.kind);
    expect(kinds.indexOf("DETERRENCE_CRITERION") === -1 || kinds.lastIndexOf("PROPOSITION") < kinds.indexOf("DETERRENCE_CRITERION")).toBe(true);
    const row = (board: typeof jpBoard, issueId: string) => board.rows.find((r) => r.issue.id === issueId)!;
    const jpDraft = row(jpBoard, w.issues.eddParty.id).cells[w.parties.jp.id]!;
    expect(jpDraft).toMatchObject({ stanceId: w.stances.eddJpParty.id, isDraft: true, releaseLevel: "PARTY", position: -1, label: "Somewhat oppose", carriedFrom: null });
    // The US draft is not the JP delegate's to see.
    expect(row(jpBoard, w.issues.eddParty.id).cells[w.parties.us.id]).toBeNull();

    for (const userId of [w.users.usDelegate.id, w.users.eddConvenor.id, w.users.observer.id]) {
      const b = await (await as(userId)).stance.board({ sessionId: w.sessions.eddPublished.id });
      expect(row(b, w.issues.eddParty.id).cells[w.parties.jp.id], userId).toBeNull();
      expect(row(b, w.issues.eddGovernments.id).cells[w.parties.jp.id], userId).toMatchObject({ stanceId: w.stances.eddJpGovernments.id, isDraft: false });
    }
    // Exports: no drafts, not even the viewer's own.
    const viewer = (await loadViewer(db, w.users.jpDelegate.id, signedInNow()))!;
    const exported = await getStanceBoard(db, viewer, w.sessions.eddPublished.id, { releasedOnly: true });
    expect(exported.rows.flatMap((r) => Object.values(r.cells)).some((c) => c?.isDraft)).toBe(false);
    expect(row(exported, w.issues.eddGovernments.id).cells[w.parties.jp.id]?.stanceId).toBe(w.stances.eddJpGovernments.id);
    // Other series: nothing.
    expect(await outcomeOf(async () => (await as(w.users.krDelegate.id)).stance.board({ sessionId: w.sessions.eddPublished.id }))).toBe("NOT_FOUND");
  });

  it("shows a party's latest earlier stance as carried when it recorded nothing at this session", async () => {
    const first = await createSession(db, { seriesId: w.series.edd.id, title: "Carry one", status: "CONCLUDED", startsAt: new Date(Date.now() - 90 * DAY_MS) });
    const second = await createSession(db, { seriesId: w.series.edd.id, title: "Carry two", status: "CONCLUDED", startsAt: new Date(Date.now() - 60 * DAY_MS) });
    const third = await createSession(db, { seriesId: w.series.edd.id, title: "Carry three", status: "AGENDA_PUBLISHED", startsAt: new Date(Date.now() - 30 * DAY_MS) });
    const issue = await agendaIssue(third.id);
    for (const s of [first, second]) await createAgendaItem(db, { sessionId: s.id, issueId: issue.id, status: "DISCUSSED" });
    const stance = (sessionId: string, partyId: string, authorId: string, position: number, releaseLevel: "PARTY" | "GOVERNMENTS") =>
      createStance(db, { issueId: issue.id, sessionId, partyId, authorId, position, releaseLevel });
    await stance(first.id, w.parties.jp.id, w.users.jpDelegate.id, -3, "GOVERNMENTS");
    const jpSecond = await stance(second.id, w.parties.jp.id, w.users.jpDelegate.id, -2, "GOVERNMENTS");
    const usFirst = await stance(first.id, w.parties.us.id, w.users.usDelegate.id, 3, "GOVERNMENTS");
    const usDraftSecond = await stance(second.id, w.parties.us.id, w.users.usDelegate.id, 1, "PARTY");

    const jpView = (await (await jp()).stance.board({ sessionId: third.id })).rows.find((r) => r.issue.id === issue.id)!;
    expect(jpView.cells[w.parties.jp.id]).toMatchObject({ stanceId: jpSecond.id, position: -2, carriedFrom: { sessionId: second.id, title: "Carry two" } });
    // The US draft of the second session is not JP's to read: the released one of the first session is carried.
    expect(jpView.cells[w.parties.us.id]).toMatchObject({ stanceId: usFirst.id, carriedFrom: { sessionId: first.id, title: "Carry one" } });
    // The US sees its own draft carried, marked as a draft.
    const usView = (await (await us()).stance.board({ sessionId: third.id })).rows.find((r) => r.issue.id === issue.id)!;
    expect(usView.cells[w.parties.us.id]).toMatchObject({ stanceId: usDraftSecond.id, isDraft: true, carriedFrom: { title: "Carry two" } });
    // At the first session nothing is carried (later sessions never are).
    const atFirst = (await (await jp()).stance.board({ sessionId: first.id })).rows.find((r) => r.issue.id === issue.id)!;
    expect(atFirst.cells[w.parties.jp.id]).toMatchObject({ position: -3, carriedFrom: null });
    // A stance recorded at the session replaces the carried one.
    const own = await (await jp()).stance.create({ sessionId: third.id, issueId: issue.id, position: 0, ...body });
    const again = (await (await jp()).stance.board({ sessionId: third.id })).rows.find((r) => r.issue.id === issue.id)!;
    expect(again.cells[w.parties.jp.id]).toMatchObject({ stanceId: own.id, carriedFrom: null, isDraft: true });
  });

  it("runs a fixed number of SQL queries whatever the number of issues and sessions", async () => {
    const counting = new PrismaClient({ adapter: new PrismaPg({ connectionString: testDatabaseUrl() }), log: [{ emit: "event", level: "query" }] });
    let queries = 0;
    counting.$on("query", () => {
      queries += 1;
    });
    const viewer = (await loadViewer(db, w.users.jpDelegate.id, signedInNow()))!;
    const session = await createSession(db, { seriesId: w.series.edd.id, title: "Query count", status: "AGENDA_PUBLISHED" });
    const count = async () => {
      queries = 0;
      await getStanceBoard(counting as unknown as Db, viewer, session.id);
      return queries;
    };
    const addIssues = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const issue = await agendaIssue(session.id);
        const earlier = await createSession(db, { seriesId: w.series.edd.id, status: "CONCLUDED", startsAt: new Date(Date.now() - (i + 1) * DAY_MS) });
        await createStance(db, { issueId: issue.id, sessionId: earlier.id, partyId: w.parties.jp.id, authorId: w.users.jpDelegate.id });
        await createStance(db, { issueId: issue.id, sessionId: session.id, partyId: w.parties.us.id, authorId: w.users.usDelegate.id, releaseLevel: "GOVERNMENTS" });
      }
    };
    await addIssues(1);
    const few = await count();
    await addIssues(6);
    const many = await count();
    const board = await getStanceBoard(db, viewer, session.id);
    expect(board.rows).toHaveLength(7);
    expect(many).toBe(few);
    await counting.$disconnect();
  });
});

describe("a concluded session locks its stances", () => {
  it("refuses create, save and release with a message naming the next session, and writes nothing", async () => {
    const session = await createSession(db, { seriesId: w.series.edd.id, title: "Locked at conclusion", status: "IN_SESSION" });
    const issue = await agendaIssue(session.id);
    const mine = await (await jp()).stance.create({ sessionId: session.id, issueId: issue.id, position: 1, ...body });
    const other = await agendaIssue(session.id);
    await db.session.update({ where: { id: session.id }, data: { status: "CONCLUDED" } });

    const before = await snapshot();
    const saved = await rejection((await jp()).stance.save({ stanceId: mine.id, version: mine.version, position: 2, ...body }));
    expect(saved.code).toBe("BAD_REQUEST");
    expect(saved.message).toMatch(/concluded.*locked.*next session/);
    const released = await rejection((await jp()).stance.release({ stanceId: mine.id, version: mine.version, releaseLevel: "GOVERNMENTS" }));
    expect(released.message).toMatch(/concluded/);
    const created = await rejection((await jp()).stance.create({ sessionId: session.id, issueId: other.id, position: 0, ...body }));
    expect(created.message).toMatch(/concluded/);
    expect(await snapshot()).toEqual(before);
  });
});
