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

describe("audit trail as sentences, with filters", () => {
  it("names what a reordering moved, resolves titles only for what the viewer may read, and filters by person, kind and day", async () => {
    const convenor = await callerFor(db, w.users.triConvenor.id);
    const sessionId = w.sessions.triDraft.id;
    const titles = ["Audit A", "Audit B", "Audit C", "Audit D"];
    const created = [];
    for (const title of titles) created.push(await convenor.agenda.createItem({ sessionId, title }));
    const order = (await db.agendaItem.findMany({ where: { sessionId }, orderBy: { position: "asc" }, select: { id: true, title: true } })).map((i) => i.id);
    const a = created[0]!.id;
    const from = order.indexOf(a) + 1;
    // Move "Audit A" to the end.
    await convenor.agenda.reorder({ sessionId, itemIds: [...order.filter((id) => id !== a), a] });
    const doomed = created[3]!;
    await convenor.agenda.deleteItem({ itemId: doomed.id, version: (await db.agendaItem.findUniqueOrThrow({ where: { id: doomed.id } })).version });

    const page = await convenor.audit.list({ seriesId: w.series.tri.id });
    const reordered = page.events.find((e) => e.action === "agenda.reordered")!;
    expect(reordered.moved).toEqual({ title: "Audit A", from, to: order.length });
    expect(reordered.object).toMatchObject({ title: "TRI draft session" });
    const added = page.events.find((e) => e.action === "agenda.item_created" && e.object?.title === "Audit B");
    expect(added?.object?.href).toMatch(new RegExp(`/sessions/${sessionId}/items/`));
    // A deleted item is history without a title: nothing to read any more.
    const deleted = page.events.find((e) => e.action === "agenda.item_deleted")!;
    expect(deleted.object).toBeNull();

    const byPerson = await convenor.audit.list({ seriesId: w.series.tri.id, actorId: w.users.usDelegate.id });
    expect(byPerson.events.every((e) => e.actor?.id === w.users.usDelegate.id)).toBe(true);
    const byKind = await convenor.audit.list({ seriesId: w.series.tri.id, objectType: "AgendaItem" });
    expect(byKind.events.length).toBeGreaterThan(0);
    expect(byKind.events.every((e) => e.objectType === "AgendaItem")).toBe(true);
    const today = new Date().toISOString().slice(0, 10);
    expect((await convenor.audit.list({ seriesId: w.series.tri.id, from: today, to: today })).events.length).toBeGreaterThan(0);
    expect((await convenor.audit.list({ seriesId: w.series.tri.id, from: "2999-01-01" })).events).toEqual([]);
  });

  it("is the convenors' alone: observers, delegates and scholars read no trail, so no title through it", async () => {
    for (const user of [w.users.observer, w.users.usDelegate, w.users.scholarA]) {
      const caller = await callerFor(db, user.id);
      const outcome = await outcomeOf(() => caller.audit.list({ seriesId: w.series.tri.id }));
      expect(["FORBIDDEN", "NOT_FOUND"]).toContain(outcome);
    }
  });
});
