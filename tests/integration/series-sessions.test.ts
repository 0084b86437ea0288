import { beforeAll, describe, expect, it } from "vitest";
import { createSession } from "@/prisma/seed/factories";
import { createFixtureWorld, type FixtureWorld } from "@/prisma/seed/fixture-world";
import { SERIES_SESSIONS_PAGE_SIZE } from "@/lib/schemas/sessions";
import { callerFor } from "@/tests/integration/helpers/callers";
import { testDb } from "@/tests/integration/helpers/db";

// A series page lists its sessions 50 at a time, newest first: every session the viewer may see
// exactly once across the pages, none they may not.

const DAY_MS = 24 * 60 * 60 * 1000;
const db = testDb();
let w: FixtureWorld;

beforeAll(async () => {
  w = await createFixtureWorld(db);
  for (let i = 0; i < 60; i++) {
    await createSession(db, { seriesId: w.series.tri.id, title: `TRI paging ${i}`, startsAt: new Date(Date.now() - (i + 1) * DAY_MS) });
  }
});

async function allPages(userId: string) {
  const caller = await callerFor(db, userId);
  const first = await caller.series.sessions({ seriesId: w.series.tri.id });
  const rest = [];
  for (let page = 2; page <= first.pages; page++) rest.push(await caller.series.sessions({ seriesId: w.series.tri.id, page }));
  const beyond = await caller.series.sessions({ seriesId: w.series.tri.id, page: first.pages + 1 });
  return { first, rows: [first, ...rest].flatMap((p) => p.rows), beyond };
}

describe("series.sessions", () => {
  it("pages a delegate's sessions 50 at a time, newest first, each exactly once", async () => {
    const { first, rows, beyond } = await allPages(w.users.jpDelegate.id);
    const visible = await db.session.count({ where: { seriesId: w.series.tri.id } });
    expect(first.rows).toHaveLength(SERIES_SESSIONS_PAGE_SIZE);
    expect(first.total).toBe(visible);
    expect(first.pages).toBe(Math.ceil(visible / SERIES_SESSIONS_PAGE_SIZE));
    expect(new Set(rows.map((r) => r.id)).size).toBe(visible);
    expect(rows).toHaveLength(visible);
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1]!.startsAt.getTime()).toBeGreaterThanOrEqual(rows[i]!.startsAt.getTime());
    expect(beyond.rows).toEqual([]);
  });

  it("gives a scholar only the sessions with an item they are invited to, in its counts too", async () => {
    const { first, rows } = await allPages(w.users.scholarA.id);
    const delegate = await allPages(w.users.jpDelegate.id);
    expect(first.total).toBe(rows.length);
    expect(first.total).toBeLessThan(delegate.first.total);
    expect(rows.map((r) => r.title).filter((t) => t.startsWith("TRI paging"))).toEqual([]);
  });
});
