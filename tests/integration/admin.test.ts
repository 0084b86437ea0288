import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/server/auth/password";
import { createParty, createUser } from "@/prisma/seed/factories";
import { callerFor } from "@/tests/integration/helpers/callers";
import { testDb } from "@/tests/integration/helpers/db";

const db = testDb();
let admin: Awaited<ReturnType<typeof createUser>>;
let parties: { us: { id: string }; jp: { id: string }; kr: { id: string } };

beforeAll(async () => {
  const passwordHash = await hashPassword("admin-password-2026");
  admin = await createUser(db, { email: "root@admin.test", name: "Root", passwordHash, isAdmin: true });
  parties = {
    us: await createParty(db, { code: "US", name: "United States" }),
    jp: await createParty(db, { code: "JP", name: "Japan" }),
    kr: await createParty(db, { code: "KR", name: "Republic of Korea" }),
  };
});

async function rejection(promise: Promise<unknown>) {
  const e = (await promise.then(() => null, (x: unknown) => x)) as { code: string; message: string; cause?: unknown } | null;
  expect(e).not.toBeNull();
  return e!;
}

describe("admin: users", () => {
  it("creates a user who can then be listed, and audits it", async () => {
    const a = await callerFor(db, admin.id);
    const created = await a.admin.users.create({ email: "New.Person@Admin.test", name: "New Person", password: "long-enough-password" });
    expect(created.email).toBe("new.person@admin.test");
    expect((await a.admin.users.list()).map((u) => u.email)).toContain("new.person@admin.test");
    expect(await db.auditEvent.count({ where: { action: "user.created", objectId: created.id, actorId: admin.id } })).toBe(1);
    const listed = await a.admin.users.list();
    expect(listed.every((u) => !("passwordHash" in u))).toBe(true);
  });

  it("refuses bad input with a message naming the field, and writes nothing", async () => {
    const a = await callerFor(db, admin.id);
    const before = await db.user.count();
    const short = await rejection(a.admin.users.create({ email: "x@admin.test", name: "X Person", password: "too-short" }));
    expect(short.code).toBe("BAD_REQUEST");
    expect(short.message).toContain("password");
    const dup = await rejection(a.admin.users.create({ email: "root@admin.test", name: "Again", password: "long-enough-password" }));
    expect(dup.code).toBe("CONFLICT");
    expect(dup.message).toBe("An account with this email already exists");
    expect(await db.user.count()).toBe(before);
  });

  it("does not let an admin deactivate themself", async () => {
    const a = await callerFor(db, admin.id);
    const e = await rejection(a.admin.users.setActive({ userId: admin.id, active: false }));
    expect(e.code).toBe("BAD_REQUEST");
  });
});

describe("admin: parties", () => {
  it("creates, updates with a version check, and refuses a duplicate code", async () => {
    const a = await callerFor(db, admin.id);
    const party = await a.admin.parties.create({ code: "au", name: "Australia" });
    expect(party.code).toBe("AU");
    const renamed = await a.admin.parties.update({ partyId: party.id, code: "AU", name: "Commonwealth of Australia", version: party.version });
    expect(renamed.version).toBe(party.version + 1);
    // A second save from the same starting version loses, and changes nothing.
    const stale = await rejection(a.admin.parties.update({ partyId: party.id, code: "AU", name: "Stale", version: party.version }));
    expect(stale.code).toBe("CONFLICT");
    expect((await db.party.findUniqueOrThrow({ where: { id: party.id } })).name).toBe("Commonwealth of Australia");
    const dup = await rejection(a.admin.parties.create({ code: "US", name: "Again" }));
    expect([dup.code, dup.message]).toEqual(["CONFLICT", "A party with this code already exists."]);
  });
});

describe("admin: series", () => {
  it("creates a series with its parties and convenors, visible to the convenor only", async () => {
    const a = await callerFor(db, admin.id);
    const convenor = await createUser(db, { email: "conv@admin.test", name: "Convenor", passwordHash: "x" });
    const series = await a.admin.series.create({
      name: "Test Dialogue",
      shortName: "TD-1",
      track: "TRACK_1_5",
      attribution: "CHATHAM_HOUSE",
      partyIds: [parties.us.id, parties.jp.id, parties.kr.id],
      convenorIds: [convenor.id],
    });
    const asConvenor = await callerFor(db, convenor.id);
    const page = await asConvenor.series.get({ seriesId: series.id });
    expect(page.myRole).toBe("CONVENOR");
    expect(page.parties.map((p) => p.code)).toEqual(["JP", "KR", "US"]);
    // The admin manages the series but is not a member: the member page answers NOT_FOUND.
    expect((await rejection(a.series.get({ seriesId: series.id }))).code).toBe("NOT_FOUND");
  });

  it("refuses a taken short name, one party, and an unknown party, writing nothing", async () => {
    const a = await callerFor(db, admin.id);
    await a.admin.series.create({ name: "First", shortName: "DUP", track: "TRACK_1", attribution: "ATTRIBUTED", partyIds: [parties.us.id, parties.jp.id] });
    const before = await db.series.count();
    const taken = await rejection(
      a.admin.series.create({ name: "Second", shortName: "DUP", track: "TRACK_1", attribution: "ATTRIBUTED", partyIds: [parties.us.id, parties.jp.id] }),
    );
    expect([taken.code, taken.message]).toEqual(["CONFLICT", "This short name is taken."]);
    const one = await rejection(
      a.admin.series.create({ name: "Solo", shortName: "SOLO", track: "TRACK_1", attribution: "ATTRIBUTED", partyIds: [parties.us.id] }),
    );
    expect(one.code).toBe("BAD_REQUEST");
    expect(one.message).toContain("two or three parties");
    const unknown = await rejection(
      a.admin.series.create({ name: "Ghost", shortName: "GHOST", track: "TRACK_1", attribution: "ATTRIBUTED", partyIds: [parties.us.id, "no-such-party"] }),
    );
    expect(unknown.code).toBe("BAD_REQUEST");
    expect(await db.series.count()).toBe(before);
  });

  it("appoints a convenor, re-admitting a removed member", async () => {
    const a = await callerFor(db, admin.id);
    const series = await a.admin.series.create({ name: "Appoint", shortName: "APPT", track: "TRACK_1", attribution: "ATTRIBUTED", partyIds: [parties.us.id, parties.kr.id] });
    const person = await createUser(db, { email: "later-conv@admin.test", name: "Later", passwordHash: "x" });
    await db.membership.create({ data: { seriesId: series.id, userId: person.id, role: "OBSERVER", removedAt: new Date() } });
    await a.admin.series.appointConvenor({ seriesId: series.id, userId: person.id });
    const m = await db.membership.findUniqueOrThrow({ where: { seriesId_userId: { seriesId: series.id, userId: person.id } } });
    expect(m.role).toBe("CONVENOR");
    expect(m.removedAt).toBeNull();
    expect(await db.auditEvent.count({ where: { seriesId: series.id, action: "membership.convenor_appointed" } })).toBe(1);
  });
});

describe("admin: series.update", () => {
  async function fresh(shortName: string, track: "TRACK_1" | "TRACK_1_5" = "TRACK_1", partyIds = [parties.us.id, parties.jp.id]) {
    const a = await callerFor(db, admin.id);
    await a.admin.series.create({ name: `Series ${shortName}`, shortName, track, attribution: "ATTRIBUTED", partyIds });
    return db.series.findUniqueOrThrow({ where: { shortName } });
  }
  const base = (s: { id: string; name: string; shortName: string; version: number }) => ({
    seriesId: s.id,
    name: s.name,
    shortName: s.shortName,
    description: "",
    track: "TRACK_1" as const,
    attribution: "ATTRIBUTED" as const,
    partyIds: [parties.us.id, parties.jp.id],
    version: s.version,
  });

  it("edits name, short name, description, track, attribution and parties with a version check, and audits", async () => {
    const a = await callerFor(db, admin.id);
    const s = await fresh("UPD-1");
    const updated = await a.admin.series.update({
      ...base(s),
      name: "Renamed Series",
      shortName: "UPD-2",
      description: "Now with a description",
      track: "TRACK_2",
      attribution: "CHATHAM_HOUSE",
      partyIds: [parties.us.id, parties.jp.id, parties.kr.id],
    });
    expect(updated.version).toBe(s.version + 1);
    const row = await db.series.findUniqueOrThrow({ where: { id: s.id }, include: { parties: true } });
    expect(row).toMatchObject({ name: "Renamed Series", shortName: "UPD-2", description: "Now with a description", track: "TRACK_2", attribution: "CHATHAM_HOUSE" });
    expect(row.parties.map((p) => p.partyId).sort()).toEqual([parties.us.id, parties.jp.id, parties.kr.id].sort());
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "series.updated", objectId: s.id } });
    expect(audit.actorId).toBe(admin.id);
    const stale = await rejection(a.admin.series.update({ ...base(s), name: "Stale edit" }));
    expect(stale.code).toBe("CONFLICT");
    expect((await db.series.findUniqueOrThrow({ where: { id: s.id } })).name).toBe("Renamed Series");
  });

  it("refuses a taken short name and a single party, writing nothing", async () => {
    const a = await callerFor(db, admin.id);
    await fresh("TAKEN");
    const s = await fresh("UPD-3");
    const taken = await rejection(a.admin.series.update({ ...base(s), shortName: "TAKEN" }));
    expect([taken.code, taken.message]).toEqual(["CONFLICT", "This short name is taken."]);
    const one = await rejection(a.admin.series.update({ ...base(s), partyIds: [parties.us.id] }));
    expect(one.code).toBe("BAD_REQUEST");
    expect((await db.series.findUniqueOrThrow({ where: { id: s.id } })).version).toBe(s.version);
  });

  it("keeps a party that holds material, and the track 1.5 while scholars are members", async () => {
    const a = await callerFor(db, admin.id);
    const s = await fresh("UPD-4", "TRACK_1_5", [parties.us.id, parties.jp.id, parties.kr.id]);
    const delegate = await createUser(db, { email: "kr-del@admin.test", name: "KR Delegate", passwordHash: "x" });
    await db.membership.create({ data: { seriesId: s.id, userId: delegate.id, role: "DELEGATE", partyId: parties.kr.id } });
    const scholar = await createUser(db, { email: "sch@admin.test", name: "Scholar", passwordHash: "x" });
    await db.membership.create({ data: { seriesId: s.id, userId: scholar.id, role: "SCHOLAR" } });
    const input = { ...base(s), track: "TRACK_1_5" as const };
    const dropKr = await rejection(a.admin.series.update({ ...input, partyIds: [parties.us.id, parties.jp.id] }));
    expect([dropKr.code, dropKr.message]).toEqual(["BAD_REQUEST", expect.stringContaining("KR cannot be removed")]);
    const track = await rejection(a.admin.series.update({ ...input, partyIds: [parties.us.id, parties.jp.id, parties.kr.id], track: "TRACK_1" }));
    expect([track.code, track.message]).toEqual(["BAD_REQUEST", expect.stringContaining("scholars")]);
    // JP holds nothing: it may go.
    await a.admin.series.update({ ...input, partyIds: [parties.us.id, parties.kr.id] });
    const row = await db.series.findUniqueOrThrow({ where: { id: s.id }, include: { parties: true } });
    expect(row.parties.map((p) => p.partyId).sort()).toEqual([parties.us.id, parties.kr.id].sort());
    expect(row.track).toBe("TRACK_1_5");
  });

  it("is for administrators only", async () => {
    const s = await fresh("UPD-5");
    const person = await createUser(db, { email: "plain@admin.test", name: "Plain", passwordHash: "x" });
    expect((await rejection((await callerFor(db, person.id)).admin.series.update(base(s)))).code).toBe("FORBIDDEN");
  });
});
