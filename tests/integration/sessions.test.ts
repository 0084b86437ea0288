import { beforeAll, describe, expect, it } from "vitest";
import { createAgendaItem, createIssue } from "@/prisma/seed/factories";
import { createFixtureWorld, type FixtureWorld } from "@/prisma/seed/fixture-world";
import { instantToZonedLocal, zonedLocalToInstant } from "@/lib/schemas/sessions";
import { callerFor, outcomeOf } from "@/tests/integration/helpers/callers";
import { testDb } from "@/tests/integration/helpers/db";

const db = testDb();
let w: FixtureWorld;

beforeAll(async () => {
  w = await createFixtureWorld(db);
});

async function rejection(promise: Promise<unknown>) {
  const e = (await promise.then(() => null, (x: unknown) => x)) as {
    code: string;
    message: string;
    shape?: { data?: { fieldErrors?: Record<string, string[]> | null } };
  } | null;
  expect(e, "the call should have failed").not.toBeNull();
  return e!;
}

const tokyo = (overrides: Record<string, unknown> = {}) => ({
  title: "EDD working session in Tokyo",
  startsAt: "2030-03-12T09:00",
  endsAt: "2030-03-13T17:30",
  timeZone: "Asia/Tokyo",
  place: "Ministry of Foreign Affairs, Tokyo",
  isVirtual: false,
  ...overrides,
});

async function counts() {
  return { sessions: await db.session.count(), audit: await db.auditEvent.count() };
}

describe("zoned local times", () => {
  it("reads a wall-clock time in the zone and gives it back", () => {
    const i = zonedLocalToInstant("2030-03-12T09:00", "Asia/Tokyo")!;
    expect(i.toISOString()).toBe("2030-03-12T00:00:00.000Z");
    expect(instantToZonedLocal(i, "Asia/Tokyo")).toBe("2030-03-12T09:00");
    expect(instantToZonedLocal(i, "America/New_York")).toBe("2030-03-11T20:00");
    expect(zonedLocalToInstant("2030-07-01T12:00", "America/New_York")!.toISOString()).toBe("2030-07-01T16:00:00.000Z");
    expect(zonedLocalToInstant("2030-02-31T12:00", "UTC")).toBeNull();
    expect(zonedLocalToInstant("2030-02-01T12:00", "Mars/Olympus")).toBeNull();
  });
});

describe("session.create", () => {
  it("creates a draft session in the series, times read in its zone, and audits it", async () => {
    const c = await callerFor(db, w.users.eddConvenor.id);
    const s = await c.session.create({ seriesId: w.series.edd.id, ...tokyo() });
    const row = await db.session.findUniqueOrThrow({ where: { id: s.id } });
    expect(row).toMatchObject({ seriesId: w.series.edd.id, status: "DRAFT", timeZone: "Asia/Tokyo", isVirtual: false, version: 1 });
    expect(row.startsAt.toISOString()).toBe("2030-03-12T00:00:00.000Z");
    expect(row.endsAt.toISOString()).toBe("2030-03-13T08:30:00.000Z");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "session.created", objectId: s.id } });
    expect(audit).toMatchObject({ actorId: w.users.eddConvenor.id, seriesId: w.series.edd.id, objectType: "Session" });
    expect(audit.summary).toMatchObject({ title: "EDD working session in Tokyo", timeZone: "Asia/Tokyo" });
  });

  it("allows a virtual session without a place", async () => {
    const c = await callerFor(db, w.users.eddConvenor.id);
    const s = await c.session.create({ seriesId: w.series.edd.id, ...tokyo({ place: "", isVirtual: true, timeZone: "UTC" }) });
    expect(s).toMatchObject({ isVirtual: true, place: null, timeZone: "UTC" });
  });

  it("refuses an end before the start, a missing place, an unknown zone, with the field named, and writes nothing", async () => {
    const c = await callerFor(db, w.users.eddConvenor.id);
    const before = await counts();
    const endBefore = await rejection(c.session.create({ seriesId: w.series.edd.id, ...tokyo({ endsAt: "2030-03-12T08:59" }) }));
    expect(endBefore.code).toBe("BAD_REQUEST");
    expect(endBefore.message).toContain("The end cannot be before the start");
    const noPlace = await rejection(c.session.create({ seriesId: w.series.edd.id, ...tokyo({ place: "  " }) }));
    expect(noPlace.code).toBe("BAD_REQUEST");
    expect(noPlace.message).toContain("place");
    const badZone = await rejection(c.session.create({ seriesId: w.series.edd.id, ...tokyo({ timeZone: "Mars/Olympus" }) }));
    expect(badZone.code).toBe("BAD_REQUEST");
    expect(badZone.message).toContain("time zone");
    const badDate = await rejection(c.session.create({ seriesId: w.series.edd.id, ...tokyo({ startsAt: "2030-02-30T09:00" }) }));
    expect(badDate.code).toBe("BAD_REQUEST");
    expect(await counts()).toEqual(before);
  });

  it("accepts an end equal to the start (not before it)", async () => {
    const c = await callerFor(db, w.users.eddConvenor.id);
    const s = await c.session.create({ seriesId: w.series.edd.id, ...tokyo({ endsAt: "2030-03-12T09:00" }) });
    expect(s.endsAt.getTime()).toBe(s.startsAt.getTime());
  });

  it("is for convenors of the series only: members FORBIDDEN, others NOT_FOUND, signed out UNAUTHORIZED", async () => {
    const before = await counts();
    const input = { seriesId: w.series.edd.id, ...tokyo() };
    const as = async (userId: string | null) => outcomeOf(async () => (await callerFor(db, userId)).session.create(input));
    expect(await as(w.users.usDelegate.id)).toBe("FORBIDDEN");
    expect(await as(w.users.observer.id)).toBe("FORBIDDEN");
    expect(await as(w.users.edscgConvenor.id)).toBe("NOT_FOUND");
    expect(await as(w.users.krDelegate.id)).toBe("NOT_FOUND");
    expect(await as(w.users.admin.id)).toBe("NOT_FOUND");
    expect(await as(null)).toBe("UNAUTHORIZED");
    expect(await counts()).toEqual(before);
  });
});

describe("session.update", () => {
  it("edits the fields, bumps the version and audits before and after", async () => {
    const c = await callerFor(db, w.users.eddConvenor.id);
    const s = await c.session.create({ seriesId: w.series.edd.id, ...tokyo() });
    const updated = await c.session.update({
      sessionId: s.id,
      version: s.version,
      ...tokyo({ title: "EDD session, renamed", timeZone: "America/New_York", startsAt: "2030-07-01T12:00", endsAt: "2030-07-01T18:00", place: "Washington" }),
    });
    expect(updated).toMatchObject({ title: "EDD session, renamed", timeZone: "America/New_York", place: "Washington", version: 2, status: "DRAFT" });
    expect(updated.startsAt.toISOString()).toBe("2030-07-01T16:00:00.000Z");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "session.updated", objectId: s.id } });
    expect(audit.summary).toMatchObject({
      before: { title: "EDD working session in Tokyo", timeZone: "Asia/Tokyo" },
      after: { title: "EDD session, renamed", timeZone: "America/New_York" },
    });
  });

  it("gives CONFLICT to the second of two edits from the same version, and keeps the first", async () => {
    const c = await callerFor(db, w.users.eddConvenor.id);
    const s = await c.session.create({ seriesId: w.series.edd.id, ...tokyo() });
    const results = await Promise.allSettled([
      c.session.update({ sessionId: s.id, version: s.version, ...tokyo({ title: "First edit" }) }),
      c.session.update({ sessionId: s.id, version: s.version, ...tokyo({ title: "Second edit" }) }),
    ]);
    const codes = results.map((r) => (r.status === "fulfilled" ? "OK" : (r.reason as { code: string }).code)).sort();
    expect(codes).toEqual(["CONFLICT", "OK"]);
    const winner = results.find((r) => r.status === "fulfilled") as PromiseFulfilledResult<{ title: string }>;
    const row = await db.session.findUniqueOrThrow({ where: { id: s.id } });
    expect(row.title).toBe(winner.value.title);
    expect(row.version).toBe(2);
    expect(await db.auditEvent.count({ where: { action: "session.updated", objectId: s.id } })).toBe(1);
    const stale = await rejection(c.session.update({ sessionId: s.id, version: 1, ...tokyo({ title: "Stale" }) }));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.message).toMatch(/changed this session/);
  });

  it("refuses an end before the start and writes nothing", async () => {
    const c = await callerFor(db, w.users.eddConvenor.id);
    const s = await c.session.create({ seriesId: w.series.edd.id, ...tokyo() });
    const before = await counts();
    const e = await rejection(c.session.update({ sessionId: s.id, version: 1, ...tokyo({ startsAt: "2030-03-14T09:00", endsAt: "2030-03-13T09:00" }) }));
    expect(e.code).toBe("BAD_REQUEST");
    expect(await counts()).toEqual(before);
    expect((await db.session.findUniqueOrThrow({ where: { id: s.id } })).version).toBe(1);
  });

  it("denies members without the role (FORBIDDEN) and everyone else (NOT_FOUND)", async () => {
    const s = await db.session.findUniqueOrThrow({ where: { id: w.sessions.eddPublished.id } });
    const input = { sessionId: s.id, version: s.version, ...tokyo({ title: "Hijacked" }) };
    const as = async (userId: string | null) => outcomeOf(async () => (await callerFor(db, userId)).session.update(input));
    expect(await as(w.users.jpDelegate.id)).toBe("FORBIDDEN");
    expect(await as(w.users.observer.id)).toBe("FORBIDDEN");
    expect(await as(w.users.krDelegate.id)).toBe("NOT_FOUND");
    expect(await as(w.users.triConvenor.id)).toBe("NOT_FOUND");
    expect(await as(w.users.scholarA.id)).toBe("NOT_FOUND");
    expect(await as(null)).toBe("UNAUTHORIZED");
    // A TRI scholar invited to an item of the published TRI session sees the session, but may not edit it.
    const tri = await db.session.findUniqueOrThrow({ where: { id: w.sessions.triPublished.id } });
    expect(await outcomeOf(async () => (await callerFor(db, w.users.scholarA.id)).session.update({ ...input, sessionId: tri.id, version: tri.version }))).toBe("FORBIDDEN");
    expect((await db.session.findUniqueOrThrow({ where: { id: s.id } })).title).toBe(s.title);
  });
});

describe("session.advanceStatus", () => {
  async function publishedSession() {
    const c = await callerFor(db, w.users.eddConvenor.id);
    const s = await c.session.create({ seriesId: w.series.edd.id, ...tokyo() });
    await db.session.update({ where: { id: s.id }, data: { status: "AGENDA_PUBLISHED", agendaPublishedAt: new Date() } });
    return s.id;
  }

  it("moves forward one step at a time to CONCLUDED, bumping the version and auditing each step", async () => {
    const c = await callerFor(db, w.users.eddConvenor.id);
    const id = await publishedSession();
    const a = await c.session.advanceStatus({ sessionId: id, to: "IN_SESSION", version: 1 });
    expect(a).toMatchObject({ status: "IN_SESSION", version: 2 });
    const b = await c.session.advanceStatus({ sessionId: id, to: "CONCLUDED", version: 2 });
    expect(b).toMatchObject({ status: "CONCLUDED", version: 3 });
    const events = await db.auditEvent.findMany({ where: { action: "session.status_changed", objectId: id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.summary)).toEqual([
      expect.objectContaining({ before: { status: "AGENDA_PUBLISHED" }, after: { status: "IN_SESSION" } }),
      expect.objectContaining({ before: { status: "IN_SESSION" }, after: { status: "CONCLUDED" } }),
    ]);
    const again = await rejection(c.session.advanceStatus({ sessionId: id, to: "CONCLUDED", version: 3 }));
    expect(again.code).toBe("BAD_REQUEST");
  });

  it("refuses moving backwards and skipping a step, with a clear message, and writes nothing", async () => {
    const c = await callerFor(db, w.users.eddConvenor.id);
    const id = await publishedSession();
    await c.session.advanceStatus({ sessionId: id, to: "IN_SESSION", version: 1 });
    const before = await counts();
    const back = await rejection(c.session.advanceStatus({ sessionId: id, to: "AGENDA_PUBLISHED", version: 2 }));
    expect(back.code).toBe("BAD_REQUEST");
    expect(back.message).toMatch(/forward only/);
    const toDraft = await rejection(c.session.advanceStatus({ sessionId: id, to: "DRAFT", version: 2 }));
    expect(toDraft.code).toBe("BAD_REQUEST");

    const other = await publishedSession();
    const skip = await rejection(c.session.advanceStatus({ sessionId: other, to: "CONCLUDED", version: 1 }));
    expect(skip.code).toBe("BAD_REQUEST");
    expect(skip.message).toMatch(/One step at a time/);
    expect(await counts()).toEqual({ sessions: before.sessions + 1, audit: before.audit + 1 });
    expect((await db.session.findUniqueOrThrow({ where: { id } })).status).toBe("IN_SESSION");
    expect((await db.session.findUniqueOrThrow({ where: { id: other } })).status).toBe("AGENDA_PUBLISHED");
  });

  it("steps back one step, audited, until something rests on the later status", async () => {
    const c = await callerFor(db, w.users.eddConvenor.id);
    const id = await publishedSession();
    await c.session.advanceStatus({ sessionId: id, to: "IN_SESSION", version: 1 });
    const back = await c.session.stepBack({ sessionId: id, version: 2 });
    expect(back).toMatchObject({ status: "AGENDA_PUBLISHED", version: 3 });
    const last = await db.auditEvent.findFirstOrThrow({ where: { action: "session.status_changed", objectId: id }, orderBy: { id: "desc" } });
    expect(last.summary).toMatchObject({ before: { status: "IN_SESSION" }, after: { status: "AGENDA_PUBLISHED" }, stepBack: true });
    // A published agenda stays published.
    const toDraft = await rejection(c.session.stepBack({ sessionId: id, version: 3 }));
    expect(toDraft.code).toBe("BAD_REQUEST");
    expect(toDraft.message).toMatch(/stays published/);

    // In session again; a stance recorded now pins the status.
    await c.session.advanceStatus({ sessionId: id, to: "IN_SESSION", version: 3 });
    const issue = await createIssue(db, { seriesId: w.series.edd.id, title: "Step-back issue" });
    await createAgendaItem(db, { sessionId: id, position: 1, issueId: issue.id });
    const jp = await callerFor(db, w.users.jpDelegate.id);
    await jp.stance.create({ sessionId: id, issueId: issue.id, position: 1, rationale: "", conditions: "", redLine: false, priority: 2 });
    const pinned = await rejection(c.session.stepBack({ sessionId: id, version: 4 }));
    expect(pinned.code).toBe("BAD_REQUEST");
    expect(pinned.message).toMatch(/stances were recorded in session/);
    expect((await db.session.findUniqueOrThrow({ where: { id } })).status).toBe("IN_SESSION");

    // Concluded, it goes back to in session until minutes are released.
    await c.session.advanceStatus({ sessionId: id, to: "CONCLUDED", version: 4 });
    expect(await c.session.stepBack({ sessionId: id, version: 5 })).toMatchObject({ status: "IN_SESSION", version: 6 });
    await c.session.advanceStatus({ sessionId: id, to: "CONCLUDED", version: 6 });
    await db.minutes.create({ data: { sessionId: id, releasedAt: new Date() } });
    const released = await rejection(c.session.stepBack({ sessionId: id, version: 7 }));
    expect(released.message).toMatch(/minutes were released/);
    expect(await outcomeOf(async () => (await callerFor(db, w.users.usDelegate.id)).session.stepBack({ sessionId: id, version: 7 }))).toBe("FORBIDDEN");
    expect(await outcomeOf(async () => (await callerFor(db, w.users.krDelegate.id)).session.stepBack({ sessionId: id, version: 7 }))).toBe("NOT_FOUND");
  });

  it("leaves DRAFT → AGENDA_PUBLISHED to publishing the agenda", async () => {
    const c = await callerFor(db, w.users.eddConvenor.id);
    const s = await db.session.findUniqueOrThrow({ where: { id: w.sessions.eddDraft.id } });
    const e = await rejection(c.session.advanceStatus({ sessionId: s.id, to: "AGENDA_PUBLISHED", version: s.version }));
    expect(e.code).toBe("BAD_REQUEST");
    expect(e.message).toMatch(/publishing its agenda/);
    expect((await db.session.findUniqueOrThrow({ where: { id: s.id } })).status).toBe("DRAFT");
  });

  it("gives CONFLICT for a stale version, once for two moves from the same version", async () => {
    const c = await callerFor(db, w.users.eddConvenor.id);
    const id = await publishedSession();
    const results = await Promise.allSettled([
      c.session.advanceStatus({ sessionId: id, to: "IN_SESSION", version: 1 }),
      c.session.advanceStatus({ sessionId: id, to: "IN_SESSION", version: 1 }),
    ]);
    const codes = results.map((r) => (r.status === "fulfilled" ? "OK" : (r.reason as { code: string }).code)).sort();
    expect(codes).toEqual(["CONFLICT", "OK"]);
    expect(await db.auditEvent.count({ where: { action: "session.status_changed", objectId: id } })).toBe(1);
  });

  it("denies members without the role and non-members", async () => {
    const s = await db.session.findUniqueOrThrow({ where: { id: w.sessions.eddPublished.id } });
    const input = { sessionId: s.id, to: "IN_SESSION" as const, version: s.version };
    const as = async (userId: string | null) => outcomeOf(async () => (await callerFor(db, userId)).session.advanceStatus(input));
    expect(await as(w.users.usDelegate.id)).toBe("FORBIDDEN");
    expect(await as(w.users.observer.id)).toBe("FORBIDDEN");
    expect(await as(w.users.krDelegate.id)).toBe("NOT_FOUND");
    expect(await as(w.users.outsider.id)).toBe("NOT_FOUND");
    expect(await as(null)).toBe("UNAUTHORIZED");
    expect((await db.session.findUniqueOrThrow({ where: { id: s.id } })).status).toBe("AGENDA_PUBLISHED");
  });
});
