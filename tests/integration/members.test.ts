import { beforeAll, describe, expect, it } from "vitest";
import { createFixtureWorld, type FixtureWorld } from "@/prisma/seed/fixture-world";
import { callerFor, outcomeOf } from "@/tests/integration/helpers/callers";
import { testDb } from "@/tests/integration/helpers/db";

const db = testDb();
let w: FixtureWorld;
let n = 0;

beforeAll(async () => {
  w = await createFixtureWorld(db);
});

async function rejection(promise: Promise<unknown>) {
  const e = (await promise.then(() => null, (x: unknown) => x)) as { code: string; message: string } | null;
  expect(e, "expected the call to be refused").not.toBeNull();
  return e!;
}

/** A fresh member of a series, for changes that must not disturb the fixture's memberships. */
async function member(seriesId: string, role: "OBSERVER" | "CONVENOR" = "OBSERVER") {
  const user = await db.user.create({ data: { email: `m${n++}-${Date.now()}@members.test`, name: `Member ${n}`, passwordHash: "x" } });
  return db.membership.create({ data: { seriesId, userId: user.id, role } });
}

const membership = (seriesId: string, userId: string) => db.membership.findUniqueOrThrow({ where: { seriesId_userId: { seriesId, userId } } });

describe("member.list", () => {
  it("shows the government side the active members; addresses to convenors only", async () => {
    const asConvenor = await (await callerFor(db, w.users.eddConvenor.id)).member.list({ seriesId: w.series.edd.id });
    const names = asConvenor.map((m) => m.user.name);
    expect(names).toEqual(expect.arrayContaining(["EDD Convenor", "US Delegate", "JP Delegate", "Observer"]));
    expect(names).not.toContain("KR Delegate");
    expect(asConvenor.find((m) => m.user.name === "JP Delegate")).toMatchObject({ role: "DELEGATE", party: { code: "JP" }, user: { email: "jpdelegate@fixture.test" } });
    const asDelegate = await (await callerFor(db, w.users.usDelegate.id)).member.list({ seriesId: w.series.edd.id });
    expect(asDelegate.map((m) => m.user.name).sort()).toEqual(names.sort());
    expect(asDelegate.every((m) => m.user.email === null)).toBe(true);
    // TRI: scholars listed with their affiliation; removed members are not.
    const tri = await (await callerFor(db, w.users.observer.id)).member.list({ seriesId: w.series.tri.id });
    expect(tri.find((m) => m.user.name === "Scholar A")).toMatchObject({ role: "SCHOLAR", affiliation: "University A" });
    const edscg = await (await callerFor(db, w.users.edscgConvenor.id)).member.list({ seriesId: w.series.edscg.id });
    expect(edscg.map((m) => m.user.name)).not.toContain("Removed Delegate");
  });

  it("answers NOT_FOUND to scholars and non-members", async () => {
    expect(await outcomeOf(async () => (await callerFor(db, w.users.scholarA.id)).member.list({ seriesId: w.series.tri.id }))).toBe("NOT_FOUND");
    expect(await outcomeOf(async () => (await callerFor(db, w.users.krDelegate.id)).member.list({ seriesId: w.series.edd.id }))).toBe("NOT_FOUND");
    expect(await outcomeOf(async () => (await callerFor(db, null)).member.list({ seriesId: w.series.edd.id }))).toBe("UNAUTHORIZED");
  });
});

describe("member.changeRole", () => {
  it("changes a role with a version check, and audits it", async () => {
    const c = await callerFor(db, w.users.eddConvenor.id);
    const m = await member(w.series.edd.id);
    const changed = await c.member.changeRole({ membershipId: m.id, role: "DELEGATE", partyId: w.parties.us.id, affiliation: "ignored", version: m.version });
    expect(changed).toMatchObject({ role: "DELEGATE", partyId: w.parties.us.id, affiliation: null, version: m.version + 1 });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "membership.role_changed", objectId: m.id } });
    expect(audit).toMatchObject({ actorId: w.users.eddConvenor.id, seriesId: w.series.edd.id });
    const stale = await rejection(c.member.changeRole({ membershipId: m.id, role: "OBSERVER", version: m.version }));
    expect(stale.code).toBe("CONFLICT");
    expect((await db.membership.findUniqueOrThrow({ where: { id: m.id } })).role).toBe("DELEGATE");
  });

  it("applies the invitation rules: a party of the series, scholars in track 1.5 only", async () => {
    const c = await callerFor(db, w.users.eddConvenor.id);
    const m = await member(w.series.edd.id);
    const kr = await rejection(c.member.changeRole({ membershipId: m.id, role: "DELEGATE", partyId: w.parties.kr.id, version: m.version }));
    expect([kr.code, kr.message]).toEqual(["BAD_REQUEST", "Choose a party of this series"]);
    const scholar = await rejection(c.member.changeRole({ membershipId: m.id, role: "SCHOLAR", affiliation: "Uni", version: m.version }));
    expect([scholar.code, scholar.message]).toEqual(["BAD_REQUEST", "Scholars can only join track 1.5 series"]);
    expect((await rejection(c.member.changeRole({ membershipId: m.id, role: "DELEGATE", version: m.version }))).code).toBe("BAD_REQUEST");
    expect(await db.membership.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({ role: "OBSERVER", version: m.version });
    // In the TRI a scholar is fine.
    const t = await callerFor(db, w.users.triConvenor.id);
    const tm = await member(w.series.tri.id);
    expect(await t.member.changeRole({ membershipId: tm.id, role: "SCHOLAR", affiliation: "Institute D", version: tm.version })).toMatchObject({ role: "SCHOLAR", affiliation: "Institute D" });
  });

  it("never leaves a series without a convenor", async () => {
    const c = await callerFor(db, w.users.edscgConvenor.id);
    const own = await membership(w.series.edscg.id, w.users.edscgConvenor.id);
    const e = await rejection(c.member.changeRole({ membershipId: own.id, role: "OBSERVER", version: own.version }));
    expect([e.code, e.message]).toEqual(["BAD_REQUEST", expect.stringContaining("at least one convenor")]);
    const r = await rejection(c.member.remove({ membershipId: own.id, version: own.version }));
    expect([r.code, r.message]).toEqual(["BAD_REQUEST", expect.stringContaining("at least one convenor")]);
    // With a second convenor, one may step down.
    const second = await member(w.series.edscg.id, "CONVENOR");
    await c.member.changeRole({ membershipId: own.id, role: "OBSERVER", version: own.version });
    const c2 = await callerFor(db, second.userId);
    const now = await membership(w.series.edscg.id, w.users.edscgConvenor.id);
    await c2.member.changeRole({ membershipId: now.id, role: "CONVENOR", version: now.version });
    const s = await db.membership.findUniqueOrThrow({ where: { id: second.id } });
    await c2.member.remove({ membershipId: s.id, version: s.version });
    expect(await db.membership.count({ where: { seriesId: w.series.edscg.id, role: "CONVENOR", removedAt: null } })).toBe(1);
  });

  it("lets a convenor appoint a co-convenor of their own series, audited", async () => {
    const m = await member(w.series.edd.id);
    const c = await callerFor(db, w.users.eddConvenor.id);
    const changed = await c.member.changeRole({ membershipId: m.id, role: "CONVENOR", version: m.version });
    expect(changed.role).toBe("CONVENOR");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "membership.role_changed", objectId: m.id } });
    expect([audit.actorId, audit.seriesId]).toEqual([w.users.eddConvenor.id, w.series.edd.id]);
    // The new co-convenor convenes at once: they may manage the members too.
    const co = await callerFor(db, m.userId);
    expect((await co.member.list({ seriesId: w.series.edd.id })).some((x) => x.user.email !== null)).toBe(true);
  });

  it("is for convenors of the series only", async () => {
    const m = await member(w.series.edd.id);
    const input = { membershipId: m.id, role: "OBSERVER" as const, version: m.version };
    expect(await outcomeOf(async () => (await callerFor(db, w.users.jpDelegate.id)).member.changeRole(input))).toBe("FORBIDDEN");
    expect(await outcomeOf(async () => (await callerFor(db, w.users.triConvenor.id)).member.changeRole(input))).toBe("NOT_FOUND");
    expect(await outcomeOf(async () => (await callerFor(db, w.users.admin.id)).member.changeRole(input))).toBe("NOT_FOUND");
  });
});

describe("member.remove", () => {
  it("sets removedAt, keeps what the member wrote, refuses a stale version, and audits", async () => {
    const c = await callerFor(db, w.users.eddConvenor.id);
    const jp = await membership(w.series.edd.id, w.users.jpDelegate.id);
    const papers = await db.positionPaper.count({ where: { authorId: w.users.jpDelegate.id } });
    const stale = await rejection(c.member.remove({ membershipId: jp.id, version: jp.version + 5 }));
    expect(stale.code).toBe("CONFLICT");
    expect((await db.membership.findUniqueOrThrow({ where: { id: jp.id } })).removedAt).toBeNull();
    await c.member.remove({ membershipId: jp.id, version: jp.version });
    const after = await db.membership.findUniqueOrThrow({ where: { id: jp.id } });
    expect(after.removedAt).not.toBeNull();
    expect(await db.positionPaper.count({ where: { authorId: w.users.jpDelegate.id } })).toBe(papers);
    expect(await db.auditEvent.count({ where: { action: "membership.removed", objectId: jp.id } })).toBe(1);
    // Access ends at the next request.
    const jpCaller = await callerFor(db, w.users.jpDelegate.id);
    expect(await outcomeOf(() => jpCaller.series.get({ seriesId: w.series.edd.id }))).toBe("NOT_FOUND");
    expect(await outcomeOf(() => jpCaller.session.get({ sessionId: w.sessions.eddPublished.id }))).toBe("NOT_FOUND");
    // Gone from the list; a second removal finds nothing.
    expect((await c.member.list({ seriesId: w.series.edd.id })).map((m) => m.id)).not.toContain(jp.id);
    expect(await outcomeOf(() => c.member.remove({ membershipId: jp.id, version: after.version }))).toBe("NOT_FOUND");
  });
});
