import { beforeAll, describe, expect, it } from "vitest";
import { createAgendaItem, createIssue, createSession, createStance } from "@/prisma/seed/factories";
import { createFixtureWorld, type FixtureWorld } from "@/prisma/seed/fixture-world";
import { callerFor, outcomeOf } from "@/tests/integration/helpers/callers";
import { testDb } from "@/tests/integration/helpers/db";

const db = testDb();
let w: FixtureWorld;

beforeAll(async () => {
  w = await createFixtureWorld(db);
});

const as = (userId: string) => callerFor(db, userId);
const body = { rationale: "Sealed reasoning", conditions: "", redLine: false, priority: 2 };

async function rejection(promise: Promise<unknown>) {
  const e = (await promise.then(
    () => null,
    (x: unknown) => x,
  )) as { code: string; message: string } | null;
  expect(e).not.toBeNull();
  return e!;
}

/** A published EDD session with one agenda issue, and a JP and a US draft on it. */
async function sessionWithDrafts(status: "AGENDA_PUBLISHED" | "CONCLUDED" = "AGENDA_PUBLISHED") {
  const session = await createSession(db, { seriesId: w.series.edd.id, status });
  const issue = await createIssue(db, { seriesId: w.series.edd.id });
  await createAgendaItem(db, { sessionId: session.id, issueId: issue.id, status: "ACCEPTED" });
  const jp = await (await as(w.users.jpDelegate.id)).stance.create({ sessionId: session.id, issueId: issue.id, position: -2, ...body });
  const us = await (await as(w.users.usDelegate.id)).stance.create({ sessionId: session.id, issueId: issue.id, position: 3, ...body });
  return { session, issue, jp, us };
}

/** The stance ids of a session a user finds on its board. */
async function boardIds(userId: string, sessionId: string) {
  const board = await (await as(userId)).stance.board({ sessionId });
  return board.rows.flatMap((r) => Object.values(r.cells).flatMap((c) => (c && c.sessionId === sessionId ? [c.stanceId] : [])));
}

describe("sealed release", () => {
  it("hides every party's stances until the last submission reveals them all at once", async () => {
    const { session, jp, us } = await sessionWithDrafts();
    const convenor = await as(w.users.eddConvenor.id);
    await convenor.stance.seal({ sessionId: session.id });
    expect(await db.auditEvent.count({ where: { action: "stance.sealed", objectId: session.id } })).toBe(1);

    // JP releases and submits: still nothing for anyone else.
    const jpCaller = await as(w.users.jpDelegate.id);
    const submitted = await jpCaller.stance.submitSealed({ sessionId: session.id });
    expect(submitted.revealed).toBe(false);
    expect((await db.stance.findUniqueOrThrow({ where: { id: jp.id } })).releaseLevel).toBe("GOVERNMENTS");
    for (const userId of [w.users.usDelegate.id, w.users.eddConvenor.id, w.users.observer.id]) {
      expect(await outcomeOf(async () => (await as(userId)).stance.get({ stanceId: jp.id })), userId).toBe("NOT_FOUND");
      expect(await outcomeOf(async () => (await as(userId)).stance.history({ stanceId: jp.id })), userId).toBe("NOT_FOUND");
      expect(await boardIds(userId, session.id), userId).not.toContain(jp.id);
      const listed = await (await as(userId)).stance.listForSession({ sessionId: session.id });
      expect(listed.map((s) => s.id), userId).not.toContain(jp.id);
    }
    expect(await boardIds(w.users.eddConvenor.id, session.id)).toEqual([]);
    // JP still reads its own.
    expect(await boardIds(w.users.jpDelegate.id, session.id)).toEqual([jp.id]);

    // A submitted party can no longer change its stances.
    const before = await db.stanceRevision.count({ where: { stanceId: jp.id } });
    const e = await rejection(jpCaller.stance.save({ stanceId: jp.id, version: 2, position: 0, ...body }));
    expect(e.code).toBe("BAD_REQUEST");
    expect(e.message).toMatch(/submitted/);
    expect((await rejection(jpCaller.stance.release({ stanceId: jp.id, version: 2, releaseLevel: "ALL_PARTICIPANTS" }))).code).toBe("BAD_REQUEST");
    expect(await db.stanceRevision.count({ where: { stanceId: jp.id } })).toBe(before);
    expect((await rejection(jpCaller.stance.submitSealed({ sessionId: session.id }))).code).toBe("BAD_REQUEST");

    // The status tells who submitted and when, never what.
    const status = await (await as(w.users.usDelegate.id)).stance.sealStatus({ sessionId: session.id });
    expect(status.submitted).toEqual([{ partyCode: "JP", submittedAt: expect.any(Date) }]);
    expect(status.parties.map((p) => [p.code, p.submittedAt !== null])).toEqual([["JP", true], ["US", false]]);
    expect(JSON.stringify(status)).not.toMatch(/position|rationale|Sealed reasoning/);

    // The US submits last: everything appears at once.
    const last = await (await as(w.users.usDelegate.id)).stance.submitSealed({ sessionId: session.id });
    expect(last.revealed).toBe(true);
    const revealed = await db.session.findUniqueOrThrow({ where: { id: session.id } });
    expect(revealed.stancesRevealedAt).toEqual(last.submittedAt);
    for (const userId of [w.users.usDelegate.id, w.users.jpDelegate.id, w.users.eddConvenor.id, w.users.observer.id]) {
      expect((await boardIds(userId, session.id)).sort(), userId).toEqual([jp.id, us.id].sort());
    }
    expect(await db.auditEvent.count({ where: { action: "stance.submitted", objectId: session.id } })).toBe(2);
    // Other series: still nothing.
    expect(await outcomeOf(async () => (await as(w.users.krDelegate.id)).stance.get({ stanceId: jp.id }))).toBe("NOT_FOUND");
  });

  it("the convenor may open the seal early; unsubmitted drafts stay drafts", async () => {
    const { session, jp, us } = await sessionWithDrafts();
    await (await as(w.users.eddConvenor.id)).stance.seal({ sessionId: session.id });
    await (await as(w.users.jpDelegate.id)).stance.submitSealed({ sessionId: session.id });
    expect(await outcomeOf(async () => (await as(w.users.usDelegate.id)).stance.get({ stanceId: jp.id }))).toBe("NOT_FOUND");
    // Only a convenor opens.
    expect(await outcomeOf(async () => (await as(w.users.usDelegate.id)).stance.openSeal({ sessionId: session.id }))).toBe("FORBIDDEN");
    await (await as(w.users.eddConvenor.id)).stance.openSeal({ sessionId: session.id });
    expect((await db.session.findUniqueOrThrow({ where: { id: session.id } })).stancesRevealedAt).not.toBeNull();
    expect(await outcomeOf(async () => (await as(w.users.usDelegate.id)).stance.get({ stanceId: jp.id }))).toBe("OK");
    expect(await outcomeOf(async () => (await as(w.users.jpDelegate.id)).stance.get({ stanceId: us.id }))).toBe("NOT_FOUND");
    expect(await db.auditEvent.count({ where: { action: "stance.seal_opened", objectId: session.id } })).toBe(1);
    // Once open, the seal cannot be opened again, nor anything submitted.
    expect(await outcomeOf(async () => (await as(w.users.eddConvenor.id)).stance.openSeal({ sessionId: session.id }))).toBe("BAD_REQUEST");
    expect(await outcomeOf(async () => (await as(w.users.usDelegate.id)).stance.submitSealed({ sessionId: session.id }))).toBe("BAD_REQUEST");
  });

  it("refuses to seal once anything is released, a concluded session, twice, or for a non-convenor — writing nothing", async () => {
    const released = await sessionWithDrafts();
    await (await as(w.users.jpDelegate.id)).stance.release({ stanceId: released.jp.id, version: 1, releaseLevel: "GOVERNMENTS" });
    const concluded = await createSession(db, { seriesId: w.series.edd.id, status: "CONCLUDED" });
    const open = await createSession(db, { seriesId: w.series.edd.id, status: "AGENDA_PUBLISHED" });
    const convenor = await as(w.users.eddConvenor.id);
    await convenor.stance.seal({ sessionId: open.id });
    const audits = await db.auditEvent.count();
    for (const [sessionId, userId, code] of [
      [released.session.id, w.users.eddConvenor.id, "BAD_REQUEST"],
      [concluded.id, w.users.eddConvenor.id, "BAD_REQUEST"],
      [open.id, w.users.eddConvenor.id, "BAD_REQUEST"],
      [released.session.id, w.users.jpDelegate.id, "FORBIDDEN"],
      [released.session.id, w.users.observer.id, "FORBIDDEN"],
      [released.session.id, w.users.krDelegate.id, "NOT_FOUND"],
    ] as const) {
      expect(await outcomeOf(async () => (await as(userId)).stance.seal({ sessionId })), `${sessionId} ${userId}`).toBe(code);
    }
    expect(await db.auditEvent.count()).toBe(audits);
    for (const s of [released.session.id, concluded.id]) {
      expect((await db.session.findUniqueOrThrow({ where: { id: s } })).stancesSealedAt).toBeNull();
    }
  });

  it("submitting an unsealed session is refused; convenors and observers cannot submit", async () => {
    const { session } = await sessionWithDrafts();
    expect(await outcomeOf(async () => (await as(w.users.jpDelegate.id)).stance.submitSealed({ sessionId: session.id }))).toBe("BAD_REQUEST");
    await (await as(w.users.eddConvenor.id)).stance.seal({ sessionId: session.id });
    expect(await outcomeOf(async () => (await as(w.users.eddConvenor.id)).stance.submitSealed({ sessionId: session.id }))).toBe("FORBIDDEN");
    expect(await outcomeOf(async () => (await as(w.users.observer.id)).stance.submitSealed({ sessionId: session.id }))).toBe("FORBIDDEN");
  });

  it("the last two submissions at once: both land and the seal opens exactly once (10 rounds)", async () => {
    for (let round = 0; round < 10; round++) {
      const session = await createSession(db, { seriesId: w.series.edd.id, status: "AGENDA_PUBLISHED" });
      const issue = await createIssue(db, { seriesId: w.series.edd.id });
      await createAgendaItem(db, { sessionId: session.id, issueId: issue.id, status: "ACCEPTED" });
      await createStance(db, { issueId: issue.id, sessionId: session.id, partyId: w.parties.jp.id, authorId: w.users.jpDelegate.id });
      await (await as(w.users.eddConvenor.id)).stance.seal({ sessionId: session.id });
      const [a, b] = [await as(w.users.jpDelegate.id), await as(w.users.usDelegate.id)];
      const results = await Promise.all([a.stance.submitSealed({ sessionId: session.id }), b.stance.submitSealed({ sessionId: session.id })]);
      expect(results.filter((r) => r.revealed), `round ${round}`).toHaveLength(1);
      const after = await db.session.findUniqueOrThrow({ where: { id: session.id } });
      expect(after.stancesRevealedAt).toEqual(results.find((r) => r.revealed)!.submittedAt);
      expect(await db.sealSubmission.count({ where: { sessionId: session.id } })).toBe(2);
    }
  });
});
