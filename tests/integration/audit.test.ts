import { beforeAll, describe, expect, it } from "vitest";
import { createFixtureWorld, type FixtureWorld } from "@/prisma/seed/fixture-world";
import { recordAudit } from "@/server/audit";
import { callerFor, outcomeOf } from "@/tests/integration/helpers/callers";
import { testDb } from "@/tests/integration/helpers/db";

const db = testDb();
let w: FixtureWorld;

beforeAll(async () => {
  w = await createFixtureWorld(db);
  for (let i = 0; i < 120; i++) {
    await recordAudit(db, {
      actorId: w.users.eddConvenor.id,
      seriesId: w.series.edd.id,
      action: "series.updated",
      subject: { kind: "series", id: `edd-${i}` },
      summary: { n: i },
    });
  }
  await recordAudit(db, { actorId: w.users.edscgConvenor.id, seriesId: w.series.edscg.id, action: "series.updated", subject: { kind: "series", id: "edscg-only" } });
  await recordAudit(db, { actorId: w.users.admin.id, action: "user.created", subject: { kind: "user", id: "no-series" } });
});

describe("audit.list", () => {
  it("pages through the series' events newest first, 50 at a time, and nothing of other series", async () => {
    const c = await callerFor(db, w.users.eddConvenor.id);
    const first = await c.audit.list({ seriesId: w.series.edd.id });
    expect(first.events).toHaveLength(50);
    expect(first.events[0]).toMatchObject({ action: "series.updated", objectId: "edd-119", actor: { name: "EDD Convenor" }, summary: { n: 119 } });
    expect(first.nextCursor).not.toBeNull();
    const second = await c.audit.list({ seriesId: w.series.edd.id, cursor: first.nextCursor! });
    expect(second.events[0]!.objectId).toBe("edd-69");
    const third = await c.audit.list({ seriesId: w.series.edd.id, cursor: second.nextCursor! });
    expect(third.nextCursor).toBeNull();
    const all = [...first.events, ...second.events, ...third.events];
    const ids = all.map((e) => BigInt(e.id));
    expect([...ids].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0))).toEqual(ids);
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
    expect(all.filter((e) => e.action === "series.updated")).toHaveLength(120);
    expect(all.map((e) => e.objectId)).not.toContain("edscg-only");
    expect(all.map((e) => e.objectId)).not.toContain("no-series");
  });

  it("lists a session change made through the API", async () => {
    const c = await callerFor(db, w.users.eddConvenor.id);
    const s = await c.session.create({
      seriesId: w.series.edd.id,
      title: "Audited session",
      startsAt: "2030-01-01T10:00",
      endsAt: "2030-01-01T12:00",
      timeZone: "UTC",
      place: "",
      isVirtual: true,
    });
    const { events } = await c.audit.list({ seriesId: w.series.edd.id });
    expect(events[0]).toMatchObject({ action: "session.created", objectType: "Session", objectId: s.id, actor: { id: w.users.eddConvenor.id } });
  });

  it("is for the series' convenors: members FORBIDDEN, others NOT_FOUND, bad cursor BAD_REQUEST", async () => {
    const as = async (userId: string | null, seriesId = w.series.edd.id) => outcomeOf(async () => (await callerFor(db, userId)).audit.list({ seriesId }));
    expect(await as(w.users.jpDelegate.id)).toBe("FORBIDDEN");
    expect(await as(w.users.observer.id)).toBe("FORBIDDEN");
    expect(await as(w.users.edscgConvenor.id)).toBe("NOT_FOUND");
    expect(await as(w.users.admin.id)).toBe("NOT_FOUND");
    expect(await as(null)).toBe("UNAUTHORIZED");
    expect(await as(w.users.scholarA.id, w.series.tri.id)).toBe("FORBIDDEN");
    const c = await callerFor(db, w.users.eddConvenor.id);
    expect(await outcomeOf(() => c.audit.list({ seriesId: w.series.edd.id, cursor: "abc" }))).toBe("BAD_REQUEST");
  });
});
