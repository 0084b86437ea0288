import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixtureWorld, type FixtureWorld } from "@/prisma/seed/fixture-world";
import { TRACKER_STATUSES } from "@/lib/vocabulary";
import { callerFor } from "@/tests/integration/helpers/callers";
import { countingTestDb } from "@/tests/integration/helpers/db";

const counted = countingTestDb();
const db = counted.db;
let w: FixtureWorld;

beforeAll(async () => {
  w = await createFixtureWorld(db);
});

afterAll(async () => {
  await counted.close();
});

describe("tracker.summary: convergence across the viewer's series", () => {
  it("counts each issue once at its latest status, exactly as the viewer's own series tracker shows it", async () => {
    for (const user of ["usDelegate", "jpDelegate", "krDelegate", "observer", "triConvenor"] as const) {
      const caller = await callerFor(db, w.users[user].id);
      const summary = await caller.tracker.summary();
      const series = (await caller.series.list()).filter((s) => s.archivedAt === null);
      expect(summary.map((s) => s.series.id).sort(), user).toEqual(series.map((s) => s.id).sort());
      for (const s of summary) {
        const overview = await caller.tracker.seriesOverview({ seriesId: s.series.id });
        const expected = Object.fromEntries(TRACKER_STATUSES.map((st) => [st, overview.issues.filter((i) => i.latest?.status === st).length]));
        expect(s.counts, `${user} ${s.series.shortName}`).toEqual(expected);
        expect(s.issues).toBe(overview.issues.length);
        expect(s.changed.length).toBeLessThanOrEqual(s.changedCount);
      }
    }
  });

  it("names only issues whose status moved at the last session with figures", async () => {
    const caller = await callerFor(db, w.users.usDelegate.id);
    for (const s of await caller.tracker.summary()) {
      const overview = await caller.tracker.seriesOverview({ seriesId: s.series.id });
      for (const c of s.changed) {
        const row = overview.issues.find((i) => i.id === c.id)!;
        expect(c.to).not.toBe(c.from);
        expect(row.latest?.status).toBe(c.to);
        if (s.lastSession) expect(row.latest?.sessionId).toBe(s.lastSession.id);
      }
    }
  });

  it("is empty for someone in no series", async () => {
    expect(await (await callerFor(db, w.users.outsider.id)).tracker.summary()).toEqual([]);
  });
});
