import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z, ZodError } from "zod";
import { createFixtureWorld, type FixtureWorld } from "@/prisma/seed/fixture-world";
import { loadViewer } from "@/server/access";
import { verifyPassword } from "@/server/auth/password";
import { AppError } from "@/server/errors";
import { hashInvitationToken } from "@/server/services/invitations/tokens";
import { callerFor, outcomeOf, signedInNow } from "@/tests/integration/helpers/callers";
import { testDb } from "@/tests/integration/helpers/db";

const db = testDb();
let w: FixtureWorld;
let n = 0;
const fresh = (prefix = "invitee") => `${prefix}-${Date.now().toString(36)}${n++}@fixture.test`;
const tokenOf = (link: string) => link.replace(/^\/invite\//, "");

// Every caller here comes from one address; the failed-acceptance limit (tests/integration/rate-limit.test.ts)
// is not the subject of these tests, so each starts with a clean count.
beforeEach(async () => {
  await db.rateLimitWindow.deleteMany({});
});

beforeAll(async () => {
  w = await createFixtureWorld(db);
});

async function rejection(promise: Promise<unknown>) {
  const e = (await promise.then(() => null, (x: unknown) => x)) as { code: string; message: string; cause?: unknown } | null;
  expect(e, "expected the call to be refused").not.toBeNull();
  const cause = e!.cause;
  const fieldErrors =
    cause instanceof ZodError
      ? (z.flattenError(cause).fieldErrors as Record<string, string[]>)
      : cause instanceof AppError
        ? cause.fieldErrors
        : undefined;
  return { code: e!.code, message: e!.message, fieldErrors: fieldErrors ?? {} };
}

const convenor = () => callerFor(db, w.users.eddConvenor.id);
const triConvenor = () => callerFor(db, w.users.triConvenor.id);

describe("invitation.create", () => {
  it("returns the link once, stores only the token's hash, and audits", async () => {
    const c = await convenor();
    const email = fresh();
    const created = await c.invitation.create({ seriesId: w.series.edd.id, email: email.toUpperCase(), role: "DELEGATE", partyId: w.parties.jp.id });
    expect(created.link).toMatch(/^\/invite\/[A-Za-z0-9_-]{43}$/);
    const row = await db.invitation.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.email).toBe(email);
    expect(row.tokenHash).toBe(hashInvitationToken(tokenOf(created.link)));
    expect(row.tokenHash).not.toContain(tokenOf(created.link));
    expect(row.partyId).toBe(w.parties.jp.id);
    // Default expiry: 7 days.
    const days = (row.expiresAt.getTime() - row.createdAt.getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThan(7.01);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "invitation.created", objectId: created.id } });
    expect(audit.actorId).toBe(w.users.eddConvenor.id);
    expect(audit.seriesId).toBe(w.series.edd.id);
    expect(JSON.stringify(audit.summary)).not.toContain(tokenOf(created.link));
    // The list never shows the link again.
    const listed = await c.invitation.list({ seriesId: w.series.edd.id });
    expect(JSON.stringify(listed)).not.toContain(tokenOf(created.link));
    expect(listed.find((i) => i.id === created.id)?.status).toBe("pending");
  });

  it("refuses bad input with a field message and writes nothing", async () => {
    const c = await convenor();
    const t = await triConvenor();
    const before = await db.invitation.count();
    const cases: [() => Promise<unknown>, string, string][] = [
      // A delegate party not in the series (KR is not in the EDD).
      [() => c.invitation.create({ seriesId: w.series.edd.id, email: fresh(), role: "DELEGATE", partyId: w.parties.kr.id }), "partyId", "Choose a party of this series"],
      [() => c.invitation.create({ seriesId: w.series.edd.id, email: fresh(), role: "DELEGATE" }), "partyId", "party"],
      // A scholar in a track 1 series.
      [() => c.invitation.create({ seriesId: w.series.edd.id, email: fresh(), role: "SCHOLAR", affiliation: "Uni" }), "role", "track 1.5"],
      // Already an active member.
      [() => c.invitation.create({ seriesId: w.series.edd.id, email: "jpdelegate@fixture.test", role: "OBSERVER" }), "email", "already a member"],
      // Items of another series.
      [
        () => t.invitation.create({ seriesId: w.series.tri.id, email: fresh(), role: "SCHOLAR", affiliation: "Uni", agendaItemIds: [w.items.eddGovernments.id] }),
        "agendaItemIds",
        "items of this series",
      ],
      [() => t.invitation.create({ seriesId: w.series.tri.id, email: fresh(), role: "SCHOLAR", affiliation: "" }), "affiliation", "affiliation"],
      [
        () => t.invitation.create({ seriesId: w.series.tri.id, email: fresh(), role: "OBSERVER", agendaItemIds: [w.items.triProbe.id] }),
        "agendaItemIds",
        "Only scholars",
      ],
      [() => c.invitation.create({ seriesId: w.series.edd.id, email: fresh(), role: "OBSERVER", expiresInDays: 31 }), "expiresInDays", "30"],
      [() => c.invitation.create({ seriesId: w.series.edd.id, email: fresh(), role: "OBSERVER", expiresInDays: 0 }), "expiresInDays", "1"],
      [() => c.invitation.create({ seriesId: w.series.edd.id, email: "not-an-email", role: "OBSERVER" }), "email", "valid email"],
    ];
    for (const [call, field, text] of cases) {
      const e = await rejection(call());
      expect(e.code).toBe("BAD_REQUEST");
      expect(e.message).toContain(text);
      expect(Object.keys(e.fieldErrors)).toContain(field);
    }
    expect(await db.invitation.count()).toBe(before);
  });

  it("is for convenors of the series only", async () => {
    const input = { seriesId: w.series.edd.id, email: fresh(), role: "OBSERVER" as const };
    expect(await outcomeOf(async () => (await callerFor(db, w.users.jpDelegate.id)).invitation.create(input))).toBe("FORBIDDEN");
    expect(await outcomeOf(async () => (await callerFor(db, w.users.triConvenor.id)).invitation.create(input))).toBe("NOT_FOUND");
    expect(await outcomeOf(async () => (await callerFor(db, w.users.admin.id)).invitation.create(input))).toBe("NOT_FOUND");
    expect(await outcomeOf(async () => (await callerFor(db, null)).invitation.create(input))).toBe("UNAUTHORIZED");
  });
});

describe("invitation.list and revoke", () => {
  it("derives pending, accepted, expired and revoked; revoke is single and audited", async () => {
    const c = await convenor();
    const pending = await c.invitation.create({ seriesId: w.series.edd.id, email: fresh(), role: "OBSERVER" });
    const expired = await c.invitation.create({ seriesId: w.series.edd.id, email: fresh(), role: "OBSERVER" });
    await db.invitation.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const revoked = await c.invitation.create({ seriesId: w.series.edd.id, email: fresh(), role: "OBSERVER" });
    await c.invitation.revoke({ invitationId: revoked.id });
    const accepted = await c.invitation.create({ seriesId: w.series.edd.id, email: fresh(), role: "OBSERVER" });
    await (await callerFor(db, null)).invitation.accept({ token: tokenOf(accepted.link), name: "New Observer", password: "a-long-password-1" });

    const list = await c.invitation.list({ seriesId: w.series.edd.id });
    const status = (id: string) => list.find((i) => i.id === id)?.status;
    expect([status(pending.id), status(expired.id), status(revoked.id), status(accepted.id)]).toEqual(["pending", "expired", "revoked", "accepted"]);
    expect(list.find((i) => i.id === accepted.id)?.acceptedBy?.name).toBe("New Observer");
    expect(await db.auditEvent.count({ where: { action: "invitation.revoked", objectId: revoked.id } })).toBe(1);

    const again = await rejection(c.invitation.revoke({ invitationId: revoked.id }));
    expect(again.code).toBe("BAD_REQUEST");
    expect((await rejection(c.invitation.revoke({ invitationId: accepted.id }))).code).toBe("BAD_REQUEST");
    // Other series' convenors cannot tell the invitation exists.
    expect(await outcomeOf(async () => (await triConvenor()).invitation.revoke({ invitationId: pending.id }))).toBe("NOT_FOUND");
    expect(await outcomeOf(async () => (await callerFor(db, w.users.usDelegate.id)).invitation.revoke({ invitationId: pending.id }))).toBe("FORBIDDEN");
    expect(await outcomeOf(async () => (await callerFor(db, w.users.usDelegate.id)).invitation.list({ seriesId: w.series.edd.id }))).toBe("FORBIDDEN");
    expect(await outcomeOf(async () => (await triConvenor()).invitation.list({ seriesId: w.series.edd.id }))).toBe("NOT_FOUND");
    await expect((await triConvenor()).invitation.list({ seriesId: w.series.tri.id }).then((l) => l.some((i) => i.id === pending.id))).resolves.toBe(false);
  });
});

describe("invitation.preview", () => {
  it("tells the holder of a link what it invites to, and the status of used, expired and revoked links", async () => {
    const c = await convenor();
    const inv = await c.invitation.create({ seriesId: w.series.edd.id, email: fresh(), role: "DELEGATE", partyId: w.parties.us.id, expiresInDays: 3 });
    const anon = await callerFor(db, null);
    const p = await anon.invitation.preview({ token: tokenOf(inv.link) });
    expect(p).toMatchObject({ seriesShortName: "EDD", role: "DELEGATE", party: { code: "US" }, status: "pending", hasAccount: false });
    await c.invitation.revoke({ invitationId: inv.id });
    expect((await anon.invitation.preview({ token: tokenOf(inv.link) })).status).toBe("revoked");
    expect(await outcomeOf(() => anon.invitation.preview({ token: "not-a-token" }))).toBe("NOT_FOUND");
  });
});

describe("invitation.accept", () => {
  it("creates the account and the membership in one go for a new person", async () => {
    const c = await convenor();
    const email = fresh("newdelegate");
    const inv = await c.invitation.create({ seriesId: w.series.edd.id, email, role: "DELEGATE", partyId: w.parties.jp.id });
    const anon = await callerFor(db, null);
    const result = await anon.invitation.accept({ token: tokenOf(inv.link), name: "New Delegate", password: "a-long-password-1" });
    expect(result).toMatchObject({ seriesId: w.series.edd.id, accountCreated: true });
    const user = await db.user.findUniqueOrThrow({ where: { email }, omit: { passwordHash: false }, include: { memberships: true } });
    expect(await verifyPassword(user.passwordHash, "a-long-password-1")).toBe(true);
    expect(user.memberships).toMatchObject([{ seriesId: w.series.edd.id, role: "DELEGATE", partyId: w.parties.jp.id, removedAt: null }]);
    const row = await db.invitation.findUniqueOrThrow({ where: { id: inv.id } });
    expect(row.acceptedById).toBe(user.id);
    expect(await db.auditEvent.count({ where: { action: "invitation.accepted", objectId: inv.id, actorId: user.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "user.created", objectId: user.id } })).toBe(1);
    // Single use.
    const again = await rejection(anon.invitation.accept({ token: tokenOf(inv.link), name: "Someone Else", password: "a-long-password-2" }));
    expect(again.code).toBe("BAD_REQUEST");
    expect(again.message).toContain("already been used");
  });

  it("needs a name and a password of 12+ characters from a new person, and writes nothing without them", async () => {
    const inv = await (await convenor()).invitation.create({ seriesId: w.series.edd.id, email: fresh(), role: "OBSERVER" });
    const anon = await callerFor(db, null);
    const users = await db.user.count();
    expect((await rejection(anon.invitation.accept({ token: tokenOf(inv.link) }))).code).toBe("BAD_REQUEST");
    expect((await rejection(anon.invitation.accept({ token: tokenOf(inv.link), name: "Short Pass", password: "short" }))).code).toBe("BAD_REQUEST");
    expect(await db.user.count()).toBe(users);
    expect((await db.invitation.findUniqueOrThrow({ where: { id: inv.id } })).acceptedAt).toBeNull();
  });

  it("lets a signed-in person with that email join directly; re-activates a removed membership", async () => {
    const c = await convenor();
    // The removed delegate of the EDSCG... joins the EDD as an observer.
    const inv = await c.invitation.create({ seriesId: w.series.edd.id, email: "outsider@fixture.test", role: "OBSERVER" });
    const outsider = await callerFor(db, w.users.outsider.id);
    expect(await outsider.invitation.accept({ token: tokenOf(inv.link) })).toMatchObject({ accountCreated: false });
    const m = await db.membership.findUniqueOrThrow({ where: { seriesId_userId: { seriesId: w.series.edd.id, userId: w.users.outsider.id } } });
    expect(m.role).toBe("OBSERVER");
    // Removed, then invited again: the same membership comes back with the new role.
    await c.member.remove({ membershipId: m.id, version: m.version });
    const inv2 = await c.invitation.create({ seriesId: w.series.edd.id, email: "outsider@fixture.test", role: "DELEGATE", partyId: w.parties.us.id });
    await (await callerFor(db, w.users.outsider.id)).invitation.accept({ token: tokenOf(inv2.link) });
    const back = await db.membership.findUniqueOrThrow({ where: { id: m.id } });
    expect(back).toMatchObject({ role: "DELEGATE", partyId: w.parties.us.id, removedAt: null });
    expect(back.version).toBeGreaterThan(m.version + 1);
  });

  it("refuses a signed-in person with another email, and sends a signed-out existing account to sign in", async () => {
    const inv = await (await convenor()).invitation.create({ seriesId: w.series.edd.id, email: "scholarb@fixture.test", role: "OBSERVER" });
    const other = await rejection((await callerFor(db, w.users.krDelegate.id)).invitation.accept({ token: tokenOf(inv.link) }));
    expect(other.code).toBe("FORBIDDEN");
    expect(other.message).toContain("Sign out");
    const anon = await rejection((await callerFor(db, null)).invitation.accept({ token: tokenOf(inv.link), name: "Impostor", password: "a-long-password-1" }));
    expect(anon.code).toBe("UNAUTHORIZED");
    expect((await db.invitation.findUniqueOrThrow({ where: { id: inv.id } })).acceptedAt).toBeNull();
    expect((await (await callerFor(db, null)).invitation.preview({ token: tokenOf(inv.link) })).hasAccount).toBe(true);
  });

  it("refuses expired and revoked links plainly", async () => {
    const c = await convenor();
    const expired = await c.invitation.create({ seriesId: w.series.edd.id, email: fresh(), role: "OBSERVER" });
    await db.invitation.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const revoked = await c.invitation.create({ seriesId: w.series.edd.id, email: fresh(), role: "OBSERVER" });
    await c.invitation.revoke({ invitationId: revoked.id });
    const anon = await callerFor(db, null);
    const users = await db.user.count();
    const e1 = await rejection(anon.invitation.accept({ token: tokenOf(expired.link), name: "Late Person", password: "a-long-password-1" }));
    expect([e1.code, e1.message]).toEqual(["BAD_REQUEST", expect.stringContaining("expired")]);
    const e2 = await rejection(anon.invitation.accept({ token: tokenOf(revoked.link), name: "Late Person", password: "a-long-password-1" }));
    expect([e2.code, e2.message]).toEqual(["BAD_REQUEST", expect.stringContaining("revoked")]);
    expect(await db.user.count()).toBe(users);
  });

  it("invites a scholar to exactly the chosen items, who then sees only those", async () => {
    const t = await triConvenor();
    const email = fresh("scholar");
    const inv = await t.invitation.create({
      seriesId: w.series.tri.id,
      email,
      role: "SCHOLAR",
      affiliation: "Institute C",
      agendaItemIds: [w.items.triGovernments.id],
    });
    await (await callerFor(db, null)).invitation.accept({ token: tokenOf(inv.link), name: "Scholar C", password: "a-long-password-1" });
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    const rows = await db.agendaItemScholar.findMany({ where: { userId: user.id } });
    expect(rows).toMatchObject([{ agendaItemId: w.items.triGovernments.id, invitedById: w.users.triConvenor.id }]);
    const m = await db.membership.findUniqueOrThrow({ where: { seriesId_userId: { seriesId: w.series.tri.id, userId: user.id } } });
    expect(m).toMatchObject({ role: "SCHOLAR", affiliation: "Institute C", partyId: null });
    const s = await callerFor(db, user.id);
    const sessions = await s.series.sessions({ seriesId: w.series.tri.id });
    expect(sessions.rows.map((x) => x.id)).toEqual([w.sessions.triPublished.id]);
    expect(await outcomeOf(() => s.member.list({ seriesId: w.series.tri.id }))).toBe("NOT_FOUND");
  });

  it("is single use under concurrency: of two simultaneous accepts exactly one wins, ten times over", async () => {
    const c = await convenor();
    for (let round = 0; round < 10; round++) {
      const email = fresh("race");
      const inv = await c.invitation.create({ seriesId: w.series.edd.id, email, role: "OBSERVER" });
      const [a, b] = await Promise.all([callerFor(db, null), callerFor(db, null)]);
      const results = await Promise.allSettled([
        a.invitation.accept({ token: tokenOf(inv.link), name: "Racer One", password: "a-long-password-1" }),
        b.invitation.accept({ token: tokenOf(inv.link), name: "Racer Two", password: "a-long-password-2" }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const loser = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(["CONFLICT", "BAD_REQUEST"]).toContain((loser.reason as { code: string }).code);
      expect(await db.user.count({ where: { email } })).toBe(1);
      expect(await db.membership.count({ where: { user: { email } } })).toBe(1);
      expect(await db.auditEvent.count({ where: { action: "invitation.accepted", objectId: inv.id } })).toBe(1);
    }
  });
});

describe("removal ends access", () => {
  it("after member.remove the viewer no longer has the series and series.get answers NOT_FOUND", async () => {
    const c = await convenor();
    const inv = await c.invitation.create({ seriesId: w.series.edd.id, email: "scholara@fixture.test", role: "OBSERVER" });
    await (await callerFor(db, w.users.scholarA.id)).invitation.accept({ token: tokenOf(inv.link) });
    const before = await loadViewer(db, w.users.scholarA.id, signedInNow());
    expect(before?.memberships.map((m) => m.seriesId)).toContain(w.series.edd.id);
    const m = await db.membership.findUniqueOrThrow({ where: { seriesId_userId: { seriesId: w.series.edd.id, userId: w.users.scholarA.id } } });
    await c.member.remove({ membershipId: m.id, version: m.version });
    const after = await loadViewer(db, w.users.scholarA.id, signedInNow());
    expect(after?.memberships.map((x) => x.seriesId)).not.toContain(w.series.edd.id);
    expect(after?.memberships.map((x) => x.seriesId)).toContain(w.series.tri.id);
    expect(await outcomeOf(async () => (await callerFor(db, w.users.scholarA.id)).series.get({ seriesId: w.series.edd.id }))).toBe("NOT_FOUND");
  });
});
