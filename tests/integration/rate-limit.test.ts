import { beforeAll, describe, expect, it } from "vitest";
import { createFixtureWorld, type FixtureWorld } from "@/prisma/seed/fixture-world";
import { limitDownload, RATE_LIMITS, sweepRateWindows, takeRate } from "@/server/rate-limit";
import { callerFor, outcomeOf } from "@/tests/integration/helpers/callers";
import { testDb } from "@/tests/integration/helpers/db";

// Rate limits counted in PostgreSQL: per bucket, key and window, the same for every app server.
const db = testDb();
let w: FixtureWorld;

beforeAll(async () => {
  w = await createFixtureWorld(db);
});

describe("takeRate", () => {
  it("lets a key through up to its limit in a window, refuses beyond it, and starts again in the next window", async () => {
    const now = new Date("2026-12-04T10:00:05Z");
    const limit = RATE_LIMITS.export.limit;
    for (let i = 0; i < limit; i++) await takeRate(db, "export", ["user:a"], now);
    expect(await outcomeOf(() => takeRate(db, "export", ["user:a"], now))).toBe("TOO_MANY_REQUESTS");
    // Another person is not held back by the first.
    await takeRate(db, "export", ["user:b"], now);
    // The next minute is a new window.
    await takeRate(db, "export", ["user:a"], new Date("2026-12-04T10:01:00Z"));
  });

  it("refuses when any of several keys is over (a person, or their address)", async () => {
    const now = new Date("2026-12-04T11:00:00Z");
    for (let i = 0; i < RATE_LIMITS.invitation.limit; i++) await takeRate(db, "invitation", ["addr:203.0.113.9"], now);
    expect(await outcomeOf(() => takeRate(db, "invitation", ["link:fresh", "addr:203.0.113.9"], now))).toBe("TOO_MANY_REQUESTS");
  });

  it("answers a download over the limit with a plain 429 and Retry-After", async () => {
    const userId = `download-${Date.now()}`;
    for (let i = 0; i < RATE_LIMITS.export.limit; i++) expect(await limitDownload(db, userId, { action: "briefing.pdf", objectType: "Session", objectId: "s1" })).toBeNull();
    const refused = await limitDownload(db, userId, { action: "briefing.pdf", objectType: "Session", objectId: "s1" });
    expect(refused?.status).toBe(429);
    expect(Number(refused?.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused?.text()).toMatch(/^Too many downloads in a minute/);
  });

  it("sweeps windows older than a day", async () => {
    await takeRate(db, "comment", ["user:old"], new Date("2026-11-01T00:00:00Z"));
    expect(await sweepRateWindows(db, new Date("2026-12-04T00:00:00Z"))).toBeGreaterThanOrEqual(1);
    expect(await db.rateLimitWindow.count({ where: { key: "user:old" } })).toBe(0);
  });
});

describe("comment posting", () => {
  it("refuses a person's comments past the limit in a minute, writing nothing", async () => {
    const jp = await callerFor(db, w.users.jpDelegate.id);
    const target = { agendaItemId: w.items.eddGovernments.id };
    // What this person already posted this minute counts too (and the next minute's, should the
    // call fall just after a minute boundary).
    const thisMinute = Math.floor(Date.now() / 60_000) * 60_000;
    for (const windowStart of [new Date(thisMinute), new Date(thisMinute + 60_000)]) {
      await db.rateLimitWindow.create({ data: { bucket: "comment", key: `user:${w.users.jpDelegate.id}`, windowStart, count: RATE_LIMITS.comment.limit } });
    }
    const before = await db.comment.count();
    expect(await outcomeOf(() => jp.comment.create({ ...target, body: "One too many" }))).toBe("TOO_MANY_REQUESTS");
    expect(await db.comment.count()).toBe(before);
    // Another person may still post.
    expect(await outcomeOf(() => callerFor(db, w.users.usDelegate.id).then((us) => us.comment.create({ ...target, body: "Still here" })))).toBe("OK");
  });
});

describe("invitation acceptance", () => {
  it("limits failed attempts per address: past the limit even a good link is refused from that address, and accepted from another", async () => {
    const { createCaller } = await import("@/server/trpc/root");
    const convenor = await callerFor(db, w.users.eddConvenor.id);
    const invitation = await convenor.invitation.create({ seriesId: w.series.edd.id, email: `limit-${Date.now()}@example.org`, role: "OBSERVER" });
    const token = invitation.link.replace(/^\/invite\//, "");
    // The address as the production server passes it (its peer header) and, should no file before this one
    // have marked the production server as running, as `next dev` does (the right-most X-Forwarded-For hop).
    const from = (address: string) => createCaller({ db, viewer: null, headers: new Headers({ "x-trilogue-peer": address, "x-forwarded-for": address }) });
    for (let i = 0; i < RATE_LIMITS.invitation.limit; i++) {
      expect(await outcomeOf(() => from("198.51.100.7").invitation.accept({ token: "not-a-real-link", name: "Guess", password: "a-long-password-1" }))).toBe("NOT_FOUND");
    }
    expect(await outcomeOf(() => from("198.51.100.7").invitation.accept({ token, name: "Nina Newcomer", password: "a-long-password-1" }))).toBe("TOO_MANY_REQUESTS");
    expect(await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } }).then((i) => i.acceptedAt)).toBeNull();
    expect(await outcomeOf(() => from("198.51.100.8").invitation.accept({ token, name: "Nina Newcomer", password: "a-long-password-1" }))).toBe("OK");
  });
});
