import { beforeAll, describe, expect, it } from "vitest";
import { createMinutes, createSession } from "@/prisma/seed/factories";
import { createFixtureWorld, type FixtureWorld } from "@/prisma/seed/fixture-world";
import { loadViewer } from "@/server/access";
import { getMinutes } from "@/server/services/minutes/minutes";
import { callerFor, outcomeOf, signedInNow } from "@/tests/integration/helpers/callers";
import { testDb } from "@/tests/integration/helpers/db";

const db = testDb();
let w: FixtureWorld;

beforeAll(async () => {
  w = await createFixtureWorld(db);
});

async function rejection(promise: Promise<unknown>) {
  const e = (await promise.then(
    () => null,
    (x: unknown) => x,
  )) as { code: string; message: string } | null;
  expect(e).not.toBeNull();
  return e!;
}

const as = (userId: string) => callerFor(db, userId);

async function eddSession() {
  return createSession(db, { seriesId: w.series.edd.id, status: "CONCLUDED" });
}

async function snapshot(sessionId: string) {
  const [minutes, revisions, audits] = await Promise.all([
    db.minutes.findMany({ where: { sessionId } }),
    db.minutesRevision.findMany({ where: { minutes: { sessionId } }, orderBy: { number: "asc" } }),
    db.auditEvent.count(),
  ]);
  return { minutes, revisions, audits };
}

describe("minutes.save", () => {
  it("creates the minutes on the first save and keeps every revision, with an audit event each without the text", async () => {
    const session = await eddSession();
    const convenor = await as(w.users.eddConvenor.id);
    const first = await convenor.minutes.save({ sessionId: session.id, body: "## Draft one\n\nSecret wording", version: 0 });
    expect(first).toMatchObject({ version: 1, revisionNumber: 1, releasedAt: null, mentions: null });
    const second = await convenor.minutes.save({ sessionId: session.id, body: "## Draft two\n\nSecret wording", version: 1 });
    expect(second).toMatchObject({ version: 2, revisionNumber: 2 });

    const { minutes, revisions } = await snapshot(session.id);
    expect(minutes).toHaveLength(1);
    expect(minutes[0]!.version).toBe(2);
    expect(revisions.map((r) => [r.number, r.body, r.authorId])).toEqual([
      [1, "## Draft one\n\nSecret wording", w.users.eddConvenor.id],
      [2, "## Draft two\n\nSecret wording", w.users.eddConvenor.id],
    ]);
    const events = await db.auditEvent.findMany({ where: { objectId: minutes[0]!.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => [e.action, e.actorId, e.seriesId])).toEqual([
      ["minutes.saved", w.users.eddConvenor.id, w.series.edd.id],
      ["minutes.saved", w.users.eddConvenor.id, w.series.edd.id],
    ]);
    expect(events[1]!.summary).toMatchObject({ revision: 2, length: "## Draft two\n\nSecret wording".length });
    expect(JSON.stringify(events.map((e) => e.summary))).not.toContain("Secret");

    const view = await convenor.minutes.get({ sessionId: session.id });
    expect(view).toMatchObject({ body: "## Draft two\n\nSecret wording", revisionNumber: 2, version: 2, canEdit: true, releasedAt: null });
  });

  it("refuses a stale save with CONFLICT and writes nothing", async () => {
    const session = await eddSession();
    const convenor = await as(w.users.eddConvenor.id);
    await convenor.minutes.save({ sessionId: session.id, body: "one", version: 0 });
    await convenor.minutes.save({ sessionId: session.id, body: "two", version: 1 });
    const before = await snapshot(session.id);
    for (const version of [0, 1, 3]) {
      const e = await rejection(convenor.minutes.save({ sessionId: session.id, body: "mine", version }));
      expect(e.code).toBe("CONFLICT");
    }
    expect(await snapshot(session.id)).toEqual(before);
  });

  it("two saves from the same version at once: exactly one wins, the other is a CONFLICT, every accepted revision is kept", async () => {
    const session = await eddSession();
    const a = await as(w.users.eddConvenor.id);
    const b = await as(w.users.eddConvenor.id);
    let version = 0;
    const winners: string[] = [];
    for (let round = 0; round < 20; round++) {
      const bodies = [`round ${round} by A`, `round ${round} by B`];
      const results = await Promise.allSettled([
        a.minutes.save({ sessionId: session.id, body: bodies[0]!, version }),
        b.minutes.save({ sessionId: session.id, body: bodies[1]!, version }),
      ]);
      const ok = results.filter((r) => r.status === "fulfilled");
      const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(ok).toHaveLength(1);
      expect(failed).toHaveLength(1);
      expect((failed[0]!.reason as { code: string }).code).toBe("CONFLICT");
      winners.push(bodies[results.findIndex((r) => r.status === "fulfilled")]!);
      version = (ok[0] as PromiseFulfilledResult<{ version: number }>).value.version;
      expect(version).toBe(round + 1);
    }
    const { minutes, revisions } = await snapshot(session.id);
    expect(minutes).toHaveLength(1);
    expect(minutes[0]!.version).toBe(20);
    expect(revisions.map((r) => r.number)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(revisions.map((r) => r.body)).toEqual(winners);
    expect(await db.auditEvent.count({ where: { objectId: minutes[0]!.id, action: "minutes.saved" } })).toBe(20);
  });

  it("refuses bad input with a clear error and writes nothing", async () => {
    const session = await eddSession();
    const convenor = await as(w.users.eddConvenor.id);
    const before = await snapshot(session.id);
    const cases = [
      { body: "", version: 0 },
      { body: "  \n\t ", version: 0 },
      { body: "x".repeat(100_001), version: 0 },
      { body: "ok", version: -1 },
    ];
    for (const input of cases) {
      const e = await rejection(convenor.minutes.save({ sessionId: session.id, ...input }));
      expect(e.code).toBe("BAD_REQUEST");
    }
    const empty = await rejection(convenor.minutes.save({ sessionId: session.id, body: "", version: 0 }));
    expect(empty.message).toMatch(/Enter the minutes/);
    const long = await rejection(convenor.minutes.save({ sessionId: session.id, body: "x".repeat(100_001), version: 0 }));
    expect(long.message).toMatch(/100,000/);
    expect(await snapshot(session.id)).toEqual(before);

    // Exactly 100,000 characters is accepted; an unchanged save afterwards is refused.
    await convenor.minutes.save({ sessionId: session.id, body: "y".repeat(100_000), version: 0 });
    const afterFirst = await snapshot(session.id);
    const same = await rejection(convenor.minutes.save({ sessionId: session.id, body: "y".repeat(100_000), version: 1 }));
    expect(same.code).toBe("BAD_REQUEST");
    const blank = await rejection(convenor.minutes.save({ sessionId: session.id, body: " ", version: 1 }));
    expect(blank.code).toBe("BAD_REQUEST");
    expect(await snapshot(session.id)).toEqual(afterFirst);
  });

  it("lets only the series' convenors save: other members FORBIDDEN, everyone else NOT_FOUND, nothing written", async () => {
    const session = await eddSession();
    const before = await snapshot(session.id);
    const expected: [string, string][] = [
      [w.users.jpDelegate.id, "FORBIDDEN"],
      [w.users.usDelegate.id, "FORBIDDEN"],
      [w.users.observer.id, "FORBIDDEN"],
      [w.users.krDelegate.id, "NOT_FOUND"],
      [w.users.scholarA.id, "NOT_FOUND"],
      [w.users.triConvenor.id, "NOT_FOUND"],
      [w.users.admin.id, "NOT_FOUND"],
    ];
    for (const [userId, code] of expected) {
      const caller = await as(userId);
      expect(await outcomeOf(() => caller.minutes.save({ sessionId: session.id, body: "text", version: 0 }))).toBe(code);
    }
    expect(await snapshot(session.id)).toEqual(before);
  });
});

describe("who reads the minutes", () => {
  type Reading = "draft" | "latest" | "null" | "NOT_FOUND";

  async function readingOf(userId: string, sessionId: string): Promise<Reading> {
    const caller = await as(userId);
    try {
      const view = await caller.minutes.get({ sessionId });
      if (view === null) return "null";
      return view.releasedAt ? "latest" : "draft";
    } catch (error) {
      return (error as { code: string }).code as Reading;
    }
  }

  it("before and after release, for each role (EDD)", async () => {
    const session = await eddSession();
    const convenor = await as(w.users.eddConvenor.id);
    const readers = {
      convenor: w.users.eddConvenor.id,
      jpDelegate: w.users.jpDelegate.id,
      usDelegate: w.users.usDelegate.id,
      observer: w.users.observer.id,
      otherSeriesDelegate: w.users.krDelegate.id,
      otherSeriesConvenor: w.users.triConvenor.id,
      scholarOfAnotherSeries: w.users.scholarA.id,
      admin: w.users.admin.id,
      outsider: w.users.outsider.id,
    };
    const readAll = async () =>
      Object.fromEntries(await Promise.all(Object.entries(readers).map(async ([k, id]) => [k, await readingOf(id, session.id)])));
    const notFound = {
      otherSeriesDelegate: "NOT_FOUND",
      otherSeriesConvenor: "NOT_FOUND",
      scholarOfAnotherSeries: "NOT_FOUND",
      admin: "NOT_FOUND",
      outsider: "NOT_FOUND",
    };

    expect(await readAll()).toEqual({ convenor: "null", jpDelegate: "null", usDelegate: "null", observer: "null", ...notFound });
    const saved = await convenor.minutes.save({ sessionId: session.id, body: "Draft minutes", version: 0 });
    expect(await readAll()).toEqual({ convenor: "draft", jpDelegate: "null", usDelegate: "null", observer: "null", ...notFound });

    await convenor.minutes.release({ sessionId: session.id, version: saved.version });
    expect(await readAll()).toEqual({ convenor: "latest", jpDelegate: "latest", usDelegate: "latest", observer: "latest", ...notFound });

    const jp = await as(w.users.jpDelegate.id);
    expect(await jp.minutes.get({ sessionId: session.id })).toMatchObject({
      body: "Draft minutes",
      revisionNumber: 1,
      canEdit: false,
      updatedAfterRelease: false,
    });
  });

  it("scholars never read them, even of a session they may see (TRI)", async () => {
    const session = w.sessions.triPublished;
    await createMinutes(db, { sessionId: session.id, authorId: w.users.triConvenor.id, body: "Released TRI minutes", releasedAt: new Date() });
    expect(await readingOf(w.users.scholarA.id, session.id)).toBe("null");
    expect(await readingOf(w.users.krDelegate.id, session.id)).toBe("latest");
    expect(await readingOf(w.users.observer.id, session.id)).toBe("latest");
    expect(await readingOf(w.users.eddConvenor.id, session.id)).toBe("NOT_FOUND");
    const scholar = await as(w.users.scholarA.id);
    expect(await outcomeOf(() => scholar.minutes.revisions({ sessionId: session.id }))).toBe("FORBIDDEN");
    expect(await outcomeOf(() => scholar.minutes.revision({ sessionId: session.id, number: 1 }))).toBe("FORBIDDEN");
  });

  it("getMinutes (for the briefing book): null unless the viewer may read them", async () => {
    const session = await eddSession();
    const viewer = async (id: string) => (await loadViewer(db, id, signedInNow()))!;
    const convenor = await as(w.users.eddConvenor.id);
    expect(await getMinutes(db, await viewer(w.users.eddConvenor.id), session.id)).toBeNull();
    await convenor.minutes.save({ sessionId: session.id, body: "First", version: 0 });
    expect(await getMinutes(db, await viewer(w.users.jpDelegate.id), session.id)).toBeNull();
    expect(await getMinutes(db, await viewer(w.users.eddConvenor.id), session.id)).toMatchObject({ body: "First", revisionNumber: 1, releasedAt: null });
    await convenor.minutes.release({ sessionId: session.id, version: 1 });
    await convenor.minutes.save({ sessionId: session.id, body: "Second", version: 1 });
    const read = await getMinutes(db, await viewer(w.users.jpDelegate.id), session.id);
    expect(read).toMatchObject({ body: "Second", revisionNumber: 2 });
    expect(read!.releasedAt).toBeInstanceOf(Date);
    expect(read!.updatedAt.getTime()).toBeGreaterThanOrEqual(read!.releasedAt!.getTime());
    for (const id of [w.users.krDelegate.id, w.users.outsider.id, w.users.admin.id]) {
      expect(await getMinutes(db, await viewer(id), session.id)).toBeNull();
    }
  });
});

describe("minutes.release", () => {
  it("is one-way: a second release is refused, saving afterwards keeps the release and marks the update", async () => {
    const session = await eddSession();
    const convenor = await as(w.users.eddConvenor.id);
    await convenor.minutes.save({ sessionId: session.id, body: "v1", version: 0 });
    const released = await convenor.minutes.release({ sessionId: session.id, version: 1 });
    const releasedAt = released.releasedAt;
    expect(releasedAt).toBeInstanceOf(Date);
    const events = await db.auditEvent.findMany({ where: { action: "minutes.released", actorId: w.users.eddConvenor.id }, orderBy: { createdAt: "desc" }, take: 1 });
    expect(events[0]!.summary).toMatchObject({ sessionId: session.id, revision: 1 });

    const before = await snapshot(session.id);
    const again = await rejection(convenor.minutes.release({ sessionId: session.id, version: 1 }));
    expect(again.code).toBe("BAD_REQUEST");
    expect(await snapshot(session.id)).toEqual(before);
    expect(Object.keys(convenor.minutes)).not.toContain("unrelease");

    await convenor.minutes.save({ sessionId: session.id, body: "v2 after release", version: 1 });
    const row = await db.minutes.findUniqueOrThrow({ where: { sessionId: session.id } });
    expect(row.releasedAt).toEqual(releasedAt);
    const usView = await (await as(w.users.usDelegate.id)).minutes.get({ sessionId: session.id });
    expect(usView).toMatchObject({ body: "v2 after release", revisionNumber: 2, updatedAfterRelease: true });
    const list = await convenor.minutes.revisions({ sessionId: session.id });
    expect(list.map((r) => [r.number, r.afterRelease])).toEqual([
      [2, true],
      [1, false],
    ]);
  });

  it("refuses a release before any save, a stale version, and anyone but a convenor; nothing written", async () => {
    const session = await eddSession();
    const convenor = await as(w.users.eddConvenor.id);
    const none = await rejection(convenor.minutes.release({ sessionId: session.id, version: 1 }));
    expect(none.code).toBe("BAD_REQUEST");
    await convenor.minutes.save({ sessionId: session.id, body: "v1", version: 0 });
    await convenor.minutes.save({ sessionId: session.id, body: "v2", version: 1 });
    const before = await snapshot(session.id);
    expect((await rejection(convenor.minutes.release({ sessionId: session.id, version: 1 }))).code).toBe("CONFLICT");
    const jp = await as(w.users.jpDelegate.id);
    expect(await outcomeOf(() => jp.minutes.release({ sessionId: session.id, version: 2 }))).toBe("FORBIDDEN");
    const kr = await as(w.users.krDelegate.id);
    expect(await outcomeOf(() => kr.minutes.release({ sessionId: session.id, version: 2 }))).toBe("NOT_FOUND");
    expect(await snapshot(session.id)).toEqual(before);
    expect((await db.minutes.findUniqueOrThrow({ where: { sessionId: session.id } })).releasedAt).toBeNull();
  });
});

describe("revisions and comparison", () => {
  it("lists every revision newest first and returns any one's text, to convenors only", async () => {
    const session = await eddSession();
    const convenor = await as(w.users.eddConvenor.id);
    for (const [i, body] of ["alpha", "alpha beta", "alpha gamma"].entries()) {
      await convenor.minutes.save({ sessionId: session.id, body, version: i });
    }
    const list = await convenor.minutes.revisions({ sessionId: session.id });
    expect(list.map((r) => [r.number, r.authorName, r.length])).toEqual([
      [3, "EDD Convenor", 11],
      [2, "EDD Convenor", 10],
      [1, "EDD Convenor", 5],
    ]);
    expect((await convenor.minutes.revision({ sessionId: session.id, number: 2 })).body).toBe("alpha beta");
    expect(await outcomeOf(() => convenor.minutes.revision({ sessionId: session.id, number: 4 }))).toBe("NOT_FOUND");
    const us = await as(w.users.usDelegate.id);
    expect(await outcomeOf(() => us.minutes.revisions({ sessionId: session.id }))).toBe("FORBIDDEN");
    expect(await outcomeOf(() => us.minutes.revision({ sessionId: session.id, number: 1 }))).toBe("FORBIDDEN");
  });
});

describe("Chatham House names", () => {
  it("gives the member names only to convenors of a CHATHAM_HOUSE series", async () => {
    const tri = w.sessions.triPublished;
    const triConvenor = await as(w.users.triConvenor.id);
    const names = await triConvenor.minutes.memberNames({ sessionId: tri.id });
    expect(names.chathamHouse).toBe(true);
    expect(names.members.map((m) => m.name).sort()).toEqual(
      ["TRI Convenor", "US Delegate", "JP Delegate", "KR Delegate", "Observer", "Scholar A", "Scholar B"].sort(),
    );
    expect(names.members.find((m) => m.name === "Scholar A")?.affiliation).toBe("University A");

    const edd = await eddSession();
    const eddNames = await (await as(w.users.eddConvenor.id)).minutes.memberNames({ sessionId: edd.id });
    expect(eddNames).toEqual({ chathamHouse: false, members: [] });

    for (const [userId, code] of [
      [w.users.jpDelegate.id, "FORBIDDEN"],
      [w.users.observer.id, "FORBIDDEN"],
      [w.users.scholarA.id, "FORBIDDEN"],
      [w.users.eddConvenor.id, "NOT_FOUND"],
      [w.users.outsider.id, "NOT_FOUND"],
    ] as const) {
      const caller = await as(userId);
      expect(await outcomeOf(() => caller.minutes.memberNames({ sessionId: tri.id }))).toBe(code);
    }
  });

  it("warns on save (never refuses) when a Chatham House text names a member", async () => {
    const session = await createSession(db, { seriesId: w.series.tri.id, status: "CONCLUDED" });
    const triConvenor = await as(w.users.triConvenor.id);
    const saved = await triConvenor.minutes.save({ sessionId: session.id, body: "As the jp delegate said, and one scholar agreed.", version: 0 });
    expect(saved.revisionNumber).toBe(1);
    expect(saved.mentions).toEqual([{ name: "JP Delegate", affiliation: null, found: ["jp delegate"] }]);
    const clean = await triConvenor.minutes.save({ sessionId: session.id, body: "One participant said; another agreed.", version: 1 });
    expect(clean.mentions).toEqual([]);
  });
});
