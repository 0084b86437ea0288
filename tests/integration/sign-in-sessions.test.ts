import type { JWT } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { sessionViewer } from "@/server/access";
import { PEER_HEADER } from "@/server/client-address";
import { authOptions } from "@/server/auth/options";
import { hashPassword } from "@/server/auth/password";
import { openSession, SESSION_LIFETIME_MS } from "@/server/auth/sessions";
import { createCaller } from "@/server/trpc/root";
import { createUser } from "@/prisma/seed/factories";
import { securityLogTo } from "@/server/security-log";
import { Writable } from "node:stream";
import pino from "pino";
import { callerFor, outcomeOf } from "@/tests/integration/helpers/callers";
import { testDb } from "@/tests/integration/helpers/db";

const db = testDb();
const PASSWORD = "correct-horse-battery";
const MIN = 60_000;
const CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36";
const FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:145.0) Gecko/20100101 Firefox/145.0";
let passwordHash: string;

beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});

type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<{ id: string; sessionId?: string }>;

/** Signs in through next-auth's own configuration: authorize, then the jwt callback, as the route does. */
async function signIn(email: string, userAgent = CHROME, address = "198.51.100.20"): Promise<JWT> {
  const options = authOptions();
  const provider = options.providers[0] as unknown as { options: { authorize: Authorize } };
  const user = await provider.options.authorize({ email, password: PASSWORD }, { headers: { "user-agent": userAgent, "x-forwarded-for": address, [PEER_HEADER]: address } });
  const jwt = options.callbacks!.jwt! as unknown as (p: { token: JWT; user: unknown }) => Promise<JWT> | JWT;
  return jwt({ token: { email }, user });
}

/** What the request path does with a JWT (server/trpc/context.ts). */
function viewerOf(token: JWT, now?: number) {
  return sessionViewer(db, token.sub!, token.authAt ?? 0, token.sid, { now });
}

async function callerWith(token: JWT) {
  return createCaller({ db, viewer: await viewerOf(token), headers: new Headers() });
}

describe("sign-in sessions", () => {
  it("sign-in opens a session the JWT names; sign-out ends it, so a copied token is dead", async () => {
    const user = await createUser(db, { email: "copy@sessions.test", name: "Copy", passwordHash });
    const token = await signIn("copy@sessions.test");
    expect(token.sid).toEqual(expect.any(String));
    const row = await db.signInSession.findUniqueOrThrow({ where: { id: token.sid! } });
    expect(row).toMatchObject({ userId: user.id, userAgent: CHROME, revokedAt: null });
    expect(await viewerOf(token)).toMatchObject({ userId: user.id, sessionId: token.sid });

    const copied = structuredClone(token);
    await authOptions().events!.signOut!({ token, session: null as never });
    expect(await viewerOf(copied)).toBeNull();
    expect((await db.signInSession.findUniqueOrThrow({ where: { id: token.sid! } })).revokedAt).not.toBeNull();
  });

  it("a JWT without a session id, or naming another account's session, is refused", async () => {
    const a = await createUser(db, { email: "a@sessions.test", name: "A", passwordHash });
    await createUser(db, { email: "b@sessions.test", name: "B", passwordHash });
    const b = await signIn("b@sessions.test");
    expect(await sessionViewer(db, a.id, Date.now() + 1000, undefined)).toBeNull();
    expect(await sessionViewer(db, a.id, Date.now() + 1000, b.sid)).toBeNull();
  });

  it("ends after the idle timeout and after 12 hours, with an injected clock; use keeps it alive", async () => {
    const user = await createUser(db, { email: "idle@sessions.test", name: "Idle", passwordHash });
    const t0 = Date.now();
    const sid = await openSession(db, user.id, { address: "198.51.100.1" }, new Date(t0));
    // authAt is the JWT's sign-in instant, a little after the account was created (sessionsValidFrom).
    const at = (minutes: number, idleMs?: number) => sessionViewer(db, user.id, t0 + 1000, sid, { now: t0 + minutes * MIN, idleMs });
    // Default SESSION_IDLE_MINUTES: 120.
    expect(await at(119)).not.toBeNull();
    // That request was seen: last-seen moved to t0+119 min (written at most once a minute).
    expect((await db.signInSession.findUniqueOrThrow({ where: { id: sid } })).lastSeenAt.getTime()).toBe(t0 + 119 * MIN);
    expect(await at(119 + 119)).not.toBeNull();
    expect(await at(119 + 119 + 121)).toBeNull();
    // A shorter configured timeout bites sooner.
    const sid2 = await openSession(db, user.id, { address: "198.51.100.1" }, new Date(t0));
    expect(await sessionViewer(db, user.id, t0 + 1000, sid2, { now: t0 + 29 * MIN, idleMs: 30 * MIN })).not.toBeNull();
    expect(await sessionViewer(db, user.id, t0 + 1000, sid2, { now: t0 + 29 * MIN + 31 * MIN, idleMs: 30 * MIN })).toBeNull();
    // Used every hour, a session still ends 12 hours after sign-in.
    const sid3 = await openSession(db, user.id, { address: "198.51.100.1" }, new Date(t0));
    for (let h = 1; h < 12; h++) expect(await sessionViewer(db, user.id, t0 + 1000, sid3, { now: t0 + h * 60 * MIN })).not.toBeNull();
    expect(await sessionViewer(db, user.id, t0 + 1000, sid3, { now: t0 + SESSION_LIFETIME_MS })).toBeNull();
  });

  it("a live stream's re-check does not count as activity", async () => {
    const user = await createUser(db, { email: "stream@sessions.test", name: "Stream", passwordHash });
    const t0 = Date.now();
    const sid = await openSession(db, user.id, { address: "198.51.100.1" }, new Date(t0));
    expect(await sessionViewer(db, user.id, t0 + 1000, sid, { now: t0 + 100 * MIN, touch: false })).not.toBeNull();
    expect((await db.signInSession.findUniqueOrThrow({ where: { id: sid } })).lastSeenAt.getTime()).toBe(t0);
    expect(await sessionViewer(db, user.id, t0 + 1000, sid, { now: t0 + 121 * MIN, touch: false })).toBeNull();
  });

  it("the account page lists live sessions with browser and address, the current one first", async () => {
    await createUser(db, { email: "list@sessions.test", name: "List", passwordHash });
    const other = await signIn("list@sessions.test", FIREFOX, "203.0.113.9");
    const mine = await signIn("list@sessions.test", CHROME, "198.51.100.44");
    const ended = await signIn("list@sessions.test");
    await authOptions().events!.signOut!({ token: ended, session: null as never });
    const list = await (await callerWith(mine)).me.sessions.list();
    expect(list.map((s) => [s.id, s.current, s.browser, s.system, s.address])).toEqual([
      [mine.sid, true, "Chrome 141", "Linux", "198.51.100.44"],
      [other.sid, false, "Firefox 145", "Windows", "203.0.113.9"],
    ]);
  });

  it("'Sign out' on a row ends that session only; another person's session looks missing", async () => {
    await createUser(db, { email: "row@sessions.test", name: "Row", passwordHash });
    await createUser(db, { email: "stranger@sessions.test", name: "Stranger", passwordHash });
    const here = await signIn("row@sessions.test");
    const there = await signIn("row@sessions.test", FIREFOX);
    const strangers = await signIn("stranger@sessions.test");
    const caller = await callerWith(here);
    expect(await outcomeOf(() => caller.me.sessions.revoke({ sessionId: strangers.sid! }))).toBe("NOT_FOUND");
    expect(await viewerOf(strangers)).not.toBeNull();
    await caller.me.sessions.revoke({ sessionId: there.sid! });
    expect(await viewerOf(there)).toBeNull();
    expect(await viewerOf(here)).not.toBeNull();
    expect(await outcomeOf(() => caller.me.sessions.revoke({ sessionId: there.sid! }))).toBe("NOT_FOUND");
  });

  it("sign-out and revocations reach the security log, with ids only", async () => {
    const lines: Record<string, unknown>[] = [];
    securityLogTo(new Writable({ write(chunk, _e, done) { for (const l of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(l) as Record<string, unknown>); done(); } }));
    try {
      const user = await createUser(db, { email: "logged@sessions.test", name: "Logged", passwordHash });
      const a = await signIn("logged@sessions.test");
      const b = await signIn("logged@sessions.test");
      const c = await signIn("logged@sessions.test");
      await (await callerWith(a)).me.sessions.revoke({ sessionId: b.sid! });
      await (await callerWith(a)).me.sessions.revokeOthers();
      await authOptions().events!.signOut!({ token: a, session: null as never });
      const ended = lines.filter((l) => l.event === "session.ended");
      expect(ended.map((l) => [l.reason, l.objectId, l.userId])).toEqual([
        ["revoked", b.sid, user.id],
        ["revoked_others", a.sid, user.id],
        ["signed_out", a.sid, user.id],
      ]);
      expect(await viewerOf(c)).toBeNull();
    } finally {
      securityLogTo(pino.destination("/dev/null"));
    }
  });

  it("'Sign out everywhere else' ends every other session and keeps this one", async () => {
    await createUser(db, { email: "else@sessions.test", name: "Else", passwordHash });
    const here = await signIn("else@sessions.test");
    const others = [await signIn("else@sessions.test", FIREFOX), await signIn("else@sessions.test")];
    expect(await (await callerWith(here)).me.sessions.revokeOthers()).toEqual({ ended: 2 });
    for (const other of others) expect(await viewerOf(other)).toBeNull();
    expect(await viewerOf(here)).not.toBeNull();
    expect(await (await callerWith(here)).me.sessions.list()).toHaveLength(1);
  });

  it("a password change and a deactivation end every session of the account", async () => {
    const user = await createUser(db, { email: "all@sessions.test", name: "All", passwordHash });
    const admin = await createUser(db, { email: "admin@sessions.test", name: "Admin", passwordHash, isAdmin: true });
    const a = await signIn("all@sessions.test");
    const b = await signIn("all@sessions.test", FIREFOX);
    await (await callerWith(a)).me.changePassword({ currentPassword: PASSWORD, newPassword: "another-long-password", confirmPassword: "another-long-password" });
    expect(await db.signInSession.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
    expect(await viewerOf(a)).toBeNull();
    expect(await viewerOf(b)).toBeNull();

    await db.user.update({ where: { id: user.id }, data: { passwordHash } });
    await new Promise((r) => setTimeout(r, 5));
    const c = await signIn("all@sessions.test");
    expect(await viewerOf(c)).not.toBeNull();
    await (await callerFor(db, admin.id)).admin.users.setActive({ userId: user.id, active: false });
    expect(await db.signInSession.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
    await (await callerFor(db, admin.id)).admin.users.setActive({ userId: user.id, active: true });
    expect(await viewerOf(c)).toBeNull();
  });
});
