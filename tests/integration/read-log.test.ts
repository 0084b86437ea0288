import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createFixtureWorld, type FixtureWorld } from "@/prisma/seed/fixture-world";
import { createJointText, createMinutes, createSession } from "@/prisma/seed/factories";
import { addParagraph, emptyBody } from "@/server/domain/joint-text";
import { flushReadLogs, readLogFor } from "@/server/read-log";
import { loadViewer } from "@/server/access";
import { trackerCsv } from "@/server/services/tracker/csv";
import { createCaller } from "@/server/trpc/root";
import { callerFor, outcomeOf, signedInNow } from "@/tests/integration/helpers/callers";
import { testDb } from "@/tests/integration/helpers/db";

const db = testDb();
let w: FixtureWorld;

beforeAll(async () => {
  w = await createFixtureWorld(db);
});

beforeEach(async () => {
  await flushReadLogs();
  await db.readEvent.deleteMany({});
});

async function eventsFor(objectId: string) {
  await flushReadLogs();
  return db.readEvent.findMany({ where: { objectId }, orderBy: { id: "asc" } });
}

describe("recording reads", () => {
  it("a paper view records one event with the revision shown, the reader and the address", async () => {
    const paper = w.papers.eddJpGovernments;
    const viewer = await loadViewer(db, w.users.usDelegate.id, signedInNow());
    const caller = createCaller({ db, viewer, headers: new Headers({ "x-forwarded-for": "203.0.113.9" }) });
    const got = await caller.paper.get({ paperId: paper.id });
    // The page asks twice (metadata and body): one read.
    await caller.paper.get({ paperId: paper.id });
    const events = await eventsFor(paper.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      userId: w.users.usDelegate.id,
      objectType: "paper",
      seriesId: w.series.edd.id,
      partyId: w.parties.jp.id,
      revisionId: got.latest!.id,
      kind: "view",
      format: null,
      address: "203.0.113.9",
    });
  });

  it("a denied view records nothing", async () => {
    const paper = w.papers.eddJpParty;
    for (const userId of [w.users.usDelegate.id, w.users.krDelegate.id, w.users.eddConvenor.id]) {
      expect(await outcomeOf(async () => (await callerFor(db, userId)).paper.get({ paperId: paper.id }))).toBe("NOT_FOUND");
    }
    expect(await eventsFor(paper.id)).toEqual([]);
  });

  it("stances on the board, minutes and joint texts are recorded; no row carries text", async () => {
    const us = await callerFor(db, w.users.usDelegate.id);
    const board = await us.stance.board({ sessionId: w.sessions.eddPublished.id });
    const shown = board.rows.flatMap((r) => Object.values(r.cells).filter((c) => c !== null).map((c) => c!.stanceId));
    expect(shown.length).toBeGreaterThan(0);
    await flushReadLogs();
    const stanceRows = await db.readEvent.findMany({ where: { objectType: "stance", userId: w.users.usDelegate.id } });
    expect(new Set(stanceRows.map((r) => r.objectId))).toEqual(new Set(shown));

    const session = await createSession(db, { seriesId: w.series.edd.id, status: "CONCLUDED" });
    const minutes = await createMinutes(db, { sessionId: session.id, authorId: w.users.eddConvenor.id, body: "Secret minutes body", releasedAt: new Date() });
    await us.minutes.get({ sessionId: session.id });
    const text = await createJointText(db, {
      sessionId: w.sessions.eddPublished.id,
      createdById: w.users.eddConvenor.id,
      title: "Read-log text",
      release: "GOVERNMENTS",
      revisions: [{ body: addParagraph(emptyBody(), "p1", "Secret joint words.") }],
    });
    await us.jointText.get({ textId: text.id });
    const [m] = await eventsFor(minutes.id);
    expect(m).toMatchObject({ objectType: "minutes", seriesId: w.series.edd.id, partyId: null });
    const [t] = await eventsFor(text.id);
    expect(t).toMatchObject({ objectType: "joint_text", seriesId: w.series.edd.id });
    const all = JSON.stringify(await db.readEvent.findMany({}), (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v));
    expect(all).not.toMatch(/Secret|Read-log text/);
  });

  it("a download records its format", async () => {
    const viewer = (await loadViewer(db, w.users.usDelegate.id, signedInNow()))!;
    const { recordDownload } = await import("@/server/read-log");
    await trackerCsv(db, viewer, w.series.edd.id);
    recordDownload({ db, viewer, headers: new Headers() }, { seriesId: w.series.edd.id, objectType: "export", objectId: w.series.edd.id }, "csv");
    const [row] = await eventsFor(w.series.edd.id);
    expect(row).toMatchObject({ kind: "download", format: "csv", objectType: "export", userId: viewer.userId });
  });
});

describe("readLog.forObject", () => {
  it("the owning party's delegate sees counts and names; another party's delegate gets NOT_FOUND", async () => {
    // Another paper than above: a second view within seconds by the same person counts once.
    const paper = w.papers.eddJpAllParticipants;
    await (await callerFor(db, w.users.usDelegate.id)).paper.get({ paperId: paper.id });
    await (await callerFor(db, w.users.observer.id)).paper.get({ paperId: paper.id });
    await (await callerFor(db, w.users.jpDelegate.id)).paper.get({ paperId: paper.id });
    await flushReadLogs();
    const log = await (await callerFor(db, w.users.jpDelegate.id)).readLog.forObject({ objectType: "paper", objectId: paper.id });
    expect(log).toMatchObject({ people: 3, parties: 2, views: 3, downloads: 0, chathamHouse: false, others: 0 });
    expect(log.readers.map((r) => r.name).sort()).toEqual(["JP Delegate", "Observer", "US Delegate"]);
    expect(await outcomeOf(async () => (await callerFor(db, w.users.usDelegate.id)).readLog.forObject({ objectType: "paper", objectId: paper.id }))).toBe("NOT_FOUND");
    expect(await outcomeOf(async () => (await callerFor(db, w.users.eddConvenor.id)).readLog.forObject({ objectType: "paper", objectId: paper.id }))).toBe("NOT_FOUND");
  });

  it("a reader who is not a member of this series is counted as other, never named", async () => {
    const paper = w.papers.eddJpGovernments;
    // A read by someone no longer (or never) in the EDD, e.g. before their removal.
    await db.readEvent.create({ data: { userId: w.users.krDelegate.id, seriesId: w.series.edd.id, objectType: "paper", objectId: paper.id } });
    const log = await (await callerFor(db, w.users.jpDelegate.id)).readLog.forObject({ objectType: "paper", objectId: paper.id });
    expect(log).toMatchObject({ people: 1, others: 1, parties: 0, readers: [] });
    expect(JSON.stringify(log)).not.toContain("KR");
  });

  it("convenors see series-wide objects: minutes and joint texts", async () => {
    const session = await createSession(db, { seriesId: w.series.edd.id, status: "CONCLUDED" });
    const minutes = await createMinutes(db, { sessionId: session.id, authorId: w.users.eddConvenor.id, releasedAt: new Date() });
    await (await callerFor(db, w.users.usDelegate.id)).minutes.get({ sessionId: session.id });
    await flushReadLogs();
    const convenor = await callerFor(db, w.users.eddConvenor.id);
    expect(await convenor.readLog.forObject({ objectType: "minutes", objectId: minutes.id })).toMatchObject({ people: 1, readers: [{ name: "US Delegate", partyCode: "US" }] });
    expect(await outcomeOf(async () => (await callerFor(db, w.users.usDelegate.id)).readLog.forObject({ objectType: "minutes", objectId: minutes.id }))).toBe("NOT_FOUND");
  });

  it("under Chatham House, no reader is named: parties and counts only", async () => {
    const paper = w.papers.triJpGovernments;
    await (await callerFor(db, w.users.usDelegate.id)).paper.get({ paperId: paper.id });
    await (await callerFor(db, w.users.krDelegate.id)).paper.get({ paperId: paper.id });
    await flushReadLogs();
    const log = await (await callerFor(db, w.users.jpDelegate.id)).readLog.forObject({ objectType: "paper", objectId: paper.id });
    expect(log).toMatchObject({ people: 2, parties: 2, chathamHouse: true, readers: [] });
    expect(log.byParty.map((p) => p.code)).toEqual(["KR", "US"]);
    expect(JSON.stringify(log)).not.toMatch(/Delegate/);
  });
});

describe("the buffer", () => {
  it("is flushed on shutdown: flushReadLogs writes what is waiting", async () => {
    const viewer = (await loadViewer(db, w.users.jpDelegate.id, signedInNow()))!;
    const { recordRead } = await import("@/server/read-log");
    recordRead({ db, viewer }, { seriesId: w.series.edd.id, objectType: "paper", objectId: "shutdown-probe" });
    expect(readLogFor(db).pending).toBe(1);
    expect(await db.readEvent.count({ where: { objectId: "shutdown-probe" } })).toBe(0);
    await flushReadLogs();
    expect(await db.readEvent.count({ where: { objectId: "shutdown-probe" } })).toBe(1);
  });
});
