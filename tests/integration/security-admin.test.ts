import type { JWT } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/prisma/seed/factories";
import { sessionViewer } from "@/server/access";
import { PEER_HEADER } from "@/server/client-address";
import { authOptions } from "@/server/auth/options";
import { hashPassword } from "@/server/auth/password";
import { SESSION_LIFETIME_MS } from "@/server/auth/sessions";
import { createCaller } from "@/server/trpc/root";
import { callerFor, outcomeOf } from "@/tests/integration/helpers/callers";
import { testDb } from "@/tests/integration/helpers/db";

const db = testDb();
const PASSWORD = "correct-horse-battery";
const CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36";
let passwordHash: string;
let adminId: string;

type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<{ id: string; sessionId?: string }>;

async function signIn(email: string, password = PASSWORD, address = "198.51.100.30"): Promise<JWT> {
  const options = authOptions();
  const provider = options.providers[0] as unknown as { options: { authorize: Authorize } };
  const user = await provider.options.authorize({ email, password }, { headers: { "user-agent": CHROME, "x-forwarded-for": address, [PEER_HEADER]: address } });
  const jwt = options.callbacks!.jwt! as unknown as (p: { token: JWT; user: unknown }) => Promise<JWT> | JWT;
  return jwt({ token: { email }, user });
}

async function callerWith(token: JWT) {
  return createCaller({ db, viewer: await sessionViewer(db, token.sub!, token.authAt ?? 0, token.sid), headers: new Headers() });
}

async function endings(userId: string) {
  const rows = await db.auditEvent.findMany({ where: { action: "sign_in_session.ended", objectId: userId }, orderBy: { id: "asc" } });
  return rows.map((r) => ({ actorId: r.actorId, audience: r.audience, ...(r.summary as { reason: string; ended: number }) }));
}

beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
  adminId = (await createUser(db, { email: "admin@security.test", name: "Security Admin", passwordHash, isAdmin: true })).id;
});

describe("session endings in the audit trail", () => {
  it("sign-out, one session, everywhere else, password change: one row each, reason and count, no secret", async () => {
    const user = await createUser(db, { email: "ends@security.test", name: "Ends", passwordHash });
    const a = await signIn("ends@security.test");
    await authOptions().events!.signOut!({ token: a, session: null as never });

    const b = await signIn("ends@security.test");
    const c = await signIn("ends@security.test");
    const d = await signIn("ends@security.test");
    await (await callerWith(b)).me.sessions.revoke({ sessionId: c.sid! });
    await (await callerWith(b)).me.sessions.revokeOthers();
    await (await callerWith(b)).me.changePassword({ currentPassword: PASSWORD, newPassword: "another-long-passphrase", confirmPassword: "another-long-passphrase" });
    void d;

    expect(await endings(user.id)).toEqual([
      { actorId: user.id, audience: "ADMINS", reason: "signed_out", sessionId: a.sid, ended: 1 },
      { actorId: user.id, audience: "ADMINS", reason: "revoked", sessionId: c.sid, ended: 1 },
      { actorId: user.id, audience: "ADMINS", reason: "revoked_others", ended: 1 },
      { actorId: user.id, audience: "ADMINS", reason: "password_changed", ended: 1 },
    ]);
    const text = JSON.stringify(await db.auditEvent.findMany({ where: { objectId: user.id } }), (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v));
    expect(text).not.toMatch(/correct-horse|another-long|argon2|Mozilla/);
  });

  it("an expired session is recorded once, when a request finds it", async () => {
    const user = await createUser(db, { email: "expiry@security.test", name: "Expiry", passwordHash });
    const token = await signIn("expiry@security.test");
    const later = Date.now() + SESSION_LIFETIME_MS + 1000;
    expect(await sessionViewer(db, user.id, token.authAt ?? 0, token.sid, { now: later })).toBeNull();
    expect(await sessionViewer(db, user.id, token.authAt ?? 0, token.sid, { now: later })).toBeNull();
    expect(await endings(user.id)).toEqual([{ actorId: null, audience: "ADMINS", reason: "expired", sessionId: token.sid, ended: 1 }]);
  });

  it("deactivation and an admin's sign out everywhere end every session, audited with the admin as actor", async () => {
    const user = await createUser(db, { email: "everywhere@security.test", name: "Everywhere", passwordHash });
    const one = await signIn("everywhere@security.test");
    await signIn("everywhere@security.test");
    const admin = await callerFor(db, adminId);
    expect(await admin.admin.users.sessions({ userId: user.id })).toHaveLength(2);
    expect(await admin.admin.users.signOutEverywhere({ userId: user.id })).toEqual({ ended: 2 });
    expect(await sessionViewer(db, user.id, one.authAt ?? 0, one.sid)).toBeNull();
    const rows = await admin.admin.users.sessions({ userId: user.id });
    expect(rows.map((r) => r.state)).toEqual(["revoked", "revoked"]);
    expect(rows[0]).toMatchObject({ browser: "Chrome 141", address: "198.51.100.30", user: { email: "everywhere@security.test" } });

    await signIn("everywhere@security.test");
    await admin.admin.users.setActive({ userId: user.id, active: false });
    expect(await endings(user.id)).toEqual([
      { actorId: adminId, audience: "ADMINS", reason: "admin_signed_out", ended: 2 },
      { actorId: adminId, audience: "ADMINS", reason: "deactivated", ended: 1 },
    ]);
  });
});

describe("the admin Security page", () => {
  it("lists sign-in successes and failures, filterable and paged", async () => {
    await createUser(db, { email: "attempts@security.test", name: "Attempts", passwordHash });
    await signIn("attempts@security.test");
    await expect(signIn("attempts@security.test", "wrong-password-here", "203.0.113.77")).rejects.toThrow();
    const admin = await callerFor(db, adminId);
    const all = await admin.admin.security.list({ list: "sign_ins", q: "attempts@" });
    if (all.list !== "sign_ins") throw new Error("wrong list");
    expect(all.rows.map((r) => r.succeeded)).toEqual([false, true]);
    const failed = await admin.admin.security.list({ list: "sign_ins", q: "attempts@", outcome: "failed" });
    expect(failed).toMatchObject({ total: 1, page: 1, pages: 1, rows: [{ address: "203.0.113.77", succeeded: false }] });
  });

  it("lists sessions (opened, ended, browser, address) and admin actions, never delegation material", async () => {
    const admin = await callerFor(db, adminId);
    const sessions = await admin.admin.security.list({ list: "sessions", q: "everywhere@" });
    expect(sessions.rows.length).toBeGreaterThanOrEqual(3);
    expect(sessions.rows.every((r) => "browser" in r && "address" in r && "openedAt" in r)).toBe(true);
    const ended = await admin.admin.security.list({ list: "sessions", q: "everywhere@", outcome: "ended" });
    expect(ended.total).toBe(sessions.total);

    const actions = await admin.admin.security.list({ list: "admin" });
    if (actions.list !== "admin") throw new Error("wrong list");
    const kinds = new Set(actions.rows.map((r) => r.action));
    expect(kinds.has("user.deactivated")).toBe(true);
    expect(kinds.has("sign_in_session.ended")).toBe(true);
    for (const r of actions.rows) expect(["User", "Party", "Series", "Membership"]).toContain(r.objectType);
    expect(await outcomeOf(async () => (await callerFor(db, (await createUser(db, { email: "nosy@security.test", name: "Nosy", passwordHash })).id)).admin.security.list({ list: "admin" }))).toBe("FORBIDDEN");
  });

  it("pages by fifty", async () => {
    await db.signInAttempt.createMany({ data: Array.from({ length: 55 }, (_, i) => ({ email: `bulk${i}@paging.test`, address: "192.0.2.1", succeeded: false })) });
    const admin = await callerFor(db, adminId);
    const first = await admin.admin.security.list({ list: "sign_ins", q: "@paging.test" });
    const second = await admin.admin.security.list({ list: "sign_ins", q: "@paging.test", page: 2 });
    expect([first.rows.length, second.rows.length, first.pages, first.total]).toEqual([50, 5, 2, 55]);
  });
});
