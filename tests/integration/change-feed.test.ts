import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixtureWorld, type FixtureWorld } from "@/prisma/seed/fixture-world";
import { loadViewer, sessionViewer, viewerCached } from "@/server/access";
import { openSession } from "@/server/auth/sessions";
import { FEED_TIMING, runningChangeFeed, startChangeFeed, stopChangeFeed, type ChangeFeed } from "@/server/changes/feed";
import { seriesStampHeld } from "@/server/services/tracker/cache";
import { createDb } from "@/server/db";
import { createCaller } from "@/server/trpc/root";
import { signedInNow } from "@/tests/integration/helpers/callers";
import { countingTestDb, testDatabaseUrl, whileTableLocked } from "@/tests/integration/helpers/db";

// The web server holds accounts and tracker stamps between requests while PostgreSQL's change feed
// listens (server/changes/). Here the feed runs against the test database and every change is
// written straight to the database, behind every service's back, as another process would.
const counted = countingTestDb();
const db = counted.db;
let w: FixtureWorld;
let feed: ChangeFeed;

/** Waits for a condition the feed's notification makes true (milliseconds on a local server). */
async function until(condition: () => boolean, what: string) {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

// Reads here pass touch: false: a last-seen write (once a minute, and this file can run longer) would
// announce the account and empty what a test expects held.
const sessions = new Map<string, string>();

/** A live sign-in session of the account, opened once per account. */
async function sid(userId: string): Promise<string> {
  let id = sessions.get(userId);
  if (!id) {
    id = await openSession(db, userId, { address: "127.0.0.1" });
    sessions.set(userId, id);
  }
  return id;
}

/**
 * Reads an account until it is held: a read that overlapped a notification (say, the stamp of a
 * write in the previous test arriving late) is rightly not kept.
 */
async function holdViewer(id: string) {
  for (let i = 0; i < 50 && !viewerCached(id); i++) await sessionViewer(db, id, signedInNow(), await sid(id), { touch: false });
  expect(viewerCached(id)).toBe(true);
}

beforeAll(async () => {
  w = await createFixtureWorld(db);
  // Every account's session opened before the feed listens, so no late notification of an opening
  // empties a held account in the middle of a test.
  for (const user of Object.values(w.users)) await sid(user.id);
  feed = startChangeFeed(testDatabaseUrl());
  await feed.ready();
});

afterAll(async () => {
  // Module state is shared between files: later files must not run with a live feed.
  await stopChangeFeed();
  await counted.close();
});

describe("change feed: the viewer of a request", () => {
  it("is read once while the account is unchanged", async () => {
    const id = w.users.usDelegate.id;
    await holdViewer(id);
    const first = await sessionViewer(db, id, signedInNow(), await sid(id), { touch: false });
    counted.queries = 0;
    const second = await sessionViewer(db, id, signedInNow(), await sid(id), { touch: false });
    expect(counted.queries).toBe(0);
    expect(second).toEqual(first);
    // Each call gets its own object: nothing a request does to it reaches the next one.
    expect(second).not.toBe(first);
  });

  it("a deactivation written by another process refuses the next request", async () => {
    const id = w.users.jpDelegate.id;
    await holdViewer(id);
    // Someone else's account changing leaves this one held.
    await db.user.update({ where: { id: w.users.krDelegate.id }, data: { name: "KR renamed" } });
    await db.user.update({ where: { id }, data: { deactivatedAt: new Date() } });
    await until(() => !viewerCached(id), "the deactivation's notification");
    expect(await sessionViewer(db, id, signedInNow(), await sid(id), { touch: false })).toBeNull();
    expect(await loadViewer(db, id, signedInNow())).toBeNull();
    await db.user.update({ where: { id }, data: { deactivatedAt: null } });
  });

  it("a revoked session and a removed membership show in the next request", async () => {
    const id = w.users.krDelegate.id;
    const signedIn = Date.now();
    expect((await sessionViewer(db, id, signedIn, await sid(id), { touch: false }))!.memberships.map((m) => m.seriesId)).toContain(w.series.tri.id);
    await db.membership.updateMany({ where: { userId: id, seriesId: w.series.tri.id }, data: { removedAt: new Date() } });
    await until(() => !viewerCached(id), "the membership's notification");
    expect((await sessionViewer(db, id, signedIn, await sid(id), { touch: false }))!.memberships.map((m) => m.seriesId)).not.toContain(w.series.tri.id);
    await db.membership.updateMany({ where: { userId: id, seriesId: w.series.tri.id }, data: { removedAt: null } });
    await until(() => !viewerCached(id), "the membership's notification");
    expect(await sessionViewer(db, id, signedIn, await sid(id), { touch: false })).not.toBeNull();
    // Password change or deactivation elsewhere: sessions signed in before it are refused.
    await db.user.update({ where: { id }, data: { sessionsValidFrom: new Date(signedIn + 1) } });
    await until(() => !viewerCached(id), "the revocation's notification");
    expect(await sessionViewer(db, id, signedIn, await sid(id), { touch: false })).toBeNull();
    expect(await sessionViewer(db, id, signedInNow(), await sid(id), { touch: false })).not.toBeNull();
  });
});

describe("change feed: sign-in sessions", () => {
  it("a session opened while the account is held is served at once, before its notification", async () => {
    const id = w.users.outsider.id;
    await holdViewer(id);
    // As a sign-in on another server: written behind this process's back, no local write.
    const fresh = await openSession(db, id, { address: "127.0.0.1" });
    expect(await sessionViewer(db, id, signedInNow(), fresh, { touch: false })).not.toBeNull();
    // A revoked one is refused as soon as the revocation is announced.
    await db.signInSession.update({ where: { id: fresh }, data: { revokedAt: new Date() } });
    await until(() => !viewerCached(id), "the revocation's notification");
    expect(await sessionViewer(db, id, signedInNow(), fresh, { touch: false })).toBeNull();
    expect(await sessionViewer(db, id, signedInNow(), await sid(id), { touch: false })).not.toBeNull();
  });
});

describe("change feed: the tracker", () => {
  it("a repeated series overview runs no query, and a direct write shows once announced", async () => {
    const kr = (await loadViewer(db, w.users.krDelegate.id, signedInNow()))!;
    const caller = createCaller({ db, viewer: kr, headers: new Headers() });
    const view = () => caller.tracker.seriesOverview({ seriesId: w.series.tri.id });
    const probe = w.issues.triProbe.id;
    for (let i = 0; i < 50 && !seriesStampHeld(w.series.tri.id); i++) await view();
    expect(seriesStampHeld(w.series.tri.id)).toBe(true);
    counted.queries = 0;
    await view();
    expect(counted.queries).toBe(0);
    await db.issue.update({ where: { id: probe }, data: { title: "Probe, renamed elsewhere" } });
    await until(() => !seriesStampHeld(w.series.tri.id), "the stamp's notification");
    expect((await view()).issues.find((i) => i.id === probe)!.title).toBe("Probe, renamed elsewhere");
  });

  it("a repeated session tracker runs no query; refusals read exactly like a missing session", async () => {
    const kr = createCaller({ db, viewer: await loadViewer(db, w.users.krDelegate.id, signedInNow()), headers: new Headers() });
    const session = () => kr.tracker.session({ sessionId: w.sessions.triPublished.id });
    let first = await session();
    for (let i = 0; i < 50 && !seriesStampHeld(w.series.tri.id); i++) first = await session();
    counted.queries = 0;
    expect(await session()).toBe(first);
    expect(counted.queries).toBe(0);

    // The EDD session's series is now held (an EDD member looked at it); KR is not in EDD, and a
    // TRI scholar never sees a session without an invited item: both get the missing session's error.
    const eddMember = createCaller({ db, viewer: await loadViewer(db, w.users.jpDelegate.id, signedInNow()), headers: new Headers() });
    await eddMember.tracker.session({ sessionId: w.sessions.eddPublished.id });
    const errorOf = (run: () => Promise<unknown>) =>
      run().then(
        () => "answered",
        (e: { code?: string; message?: string }) => `${e.code}: ${e.message}`,
      );
    const missing = await errorOf(() => kr.tracker.session({ sessionId: "no-such-session" }));
    expect(missing).toBe("NOT_FOUND: Session not found");
    expect(await errorOf(() => kr.tracker.session({ sessionId: w.sessions.eddPublished.id }))).toBe(missing);
    const scholar = createCaller({ db, viewer: await loadViewer(db, w.users.scholarB.id, signedInNow()), headers: new Headers() });
    await kr.tracker.session({ sessionId: w.sessions.triDraft.id }).catch(() => undefined);
    expect(await errorOf(() => scholar.tracker.session({ sessionId: w.sessions.triDraft.id }))).toBe(missing);
  });

  it("a mutation in this process empties every held value before it answers", async () => {
    const us = w.users.usDelegate.id;
    await holdViewer(us);
    const jp = createCaller({ db, viewer: await loadViewer(db, w.users.jpDelegate.id, signedInNow()), headers: new Headers() });
    const draft = w.stances.triJpProbeDraft;
    // Releasing a stance changes no account: only the local-write rule can drop the US row here,
    // and it must have done so by the time the mutation's promise resolves.
    await jp.stance.release({ stanceId: draft.id, version: draft.version, releaseLevel: "GOVERNMENTS" });
    expect(viewerCached(us)).toBe(false);
    expect(seriesStampHeld(w.series.tri.id)).toBe(false);
  });
});

describe("change feed: a lost connection", () => {
  it("falls back to the database at once and listens again with empty caches", async () => {
    const id = w.users.observer.id;
    await holdViewer(id);
    await db.$executeRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE application_name = 'trilogue-change-feed' AND datname = current_database()`;
    await until(() => !feed.live, "the feed to notice its connection is gone");
    expect(viewerCached(id)).toBe(false);
    // While nobody listens, a change no notification can announce is still seen at once.
    await db.user.update({ where: { id }, data: { deactivatedAt: new Date() } });
    expect(await sessionViewer(db, id, signedInNow(), await sid(id), { touch: false })).toBeNull();
    expect(viewerCached(id)).toBe(false);
    await db.user.update({ where: { id }, data: { deactivatedAt: null } });
    await feed.ready();
    expect(runningChangeFeed()).toBe(feed);
    expect(await sessionViewer(db, id, signedInNow(), await sid(id), { touch: false })).not.toBeNull();
    expect(viewerCached(id)).toBe(true);
  });
});

describe("change feed: a backend that stops answering without closing", () => {
  it("stops serving held values within the staleness bound, then resumes with empty caches", { timeout: 60_000 }, async () => {
    const id = w.users.scholarB.id;
    await holdViewer(id);
    const [backend] = await db.$queryRaw<{ pid: number }[]>`SELECT pid FROM pg_stat_activity
      WHERE application_name = 'trilogue-change-feed' AND datname = current_database()`;
    expect(backend).toBeDefined();
    // Freeze the listening backend as a hung server or a silent network would: the connection
    // stays open, nothing more arrives on it. (PostgreSQL runs on this machine, as in CI.)
    process.kill(backend!.pid, "SIGSTOP");
    const frozenAt = Date.now();
    try {
      // A change whose notification never arrives. Written without triggers: a NOTIFY could wait
      // on the queue lock the frozen backend may hold, and the point is the missing notification.
      await db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica");
        await tx.user.update({ where: { id }, data: { deactivatedAt: new Date() } });
      });
      await until(() => !feed.live, "the feed to stop vouching for its caches");
      const staleFor = Date.now() - frozenAt;
      console.info(`change feed: held values stopped being served ${staleFor} ms after the backend froze (bound ${FEED_TIMING.freshMs} ms + one beat)`);
      counted.queries = 0;
      expect(await sessionViewer(db, id, signedInNow(), await sid(id), { touch: false })).toBeNull();
      expect(counted.queries).toBeGreaterThan(0);
    } finally {
      process.kill(backend!.pid, "SIGCONT");
    }
    await db.user.update({ where: { id }, data: { deactivatedAt: null } });
    await feed.ready();
    await until(() => feed.live, "the feed to vouch again");
    for (let i = 0; i < 50 && !viewerCached(id); i++) await sessionViewer(db, id, signedInNow(), await sid(id), { touch: false });
    expect(await sessionViewer(db, id, signedInNow(), await sid(id), { touch: false })).not.toBeNull();
  });
});

describe("change feed: a mutation the database refused", () => {
  it("leaves what other requests hold alone when it failed for a bound, and empties it when it may have written", async () => {
    const limited = createDb(testDatabaseUrl(), { limits: { statementTimeoutMs: 5_000, lockTimeoutMs: 200, connectTimeoutMs: 5_000 } });
    const id = w.users.observer.id;
    try {
      const paper = await db.positionPaper.findFirstOrThrow({ where: { partyId: w.parties.jp.id }, select: { id: true, version: true } });
      const jp = createCaller({ db: limited, viewer: await loadViewer(db, w.users.jpDelegate.id, signedInNow()), headers: new Headers() });
      await holdViewer(id);
      await whileTableLocked(db, "PositionPaper", async () => {
        await expect(jp.paper.save({ paperId: paper.id, version: paper.version, title: "Locked", body: "x" })).rejects.toMatchObject({
          code: "SERVICE_UNAVAILABLE",
        });
        expect(viewerCached(id)).toBe(true);
      });
      // A refusal for any other reason may follow partial work: everything held is emptied.
      await expect(jp.paper.save({ paperId: paper.id, version: paper.version + 100, title: "Stale", body: "x" })).rejects.toMatchObject({
        code: "CONFLICT",
      });
      expect(viewerCached(id)).toBe(false);
    } finally {
      await limited.$disconnect();
    }
  });
});
