import { beforeAll, describe, expect, it } from "vitest";
import { addMember, createAgendaItem, createIssue, createSeries, createSession, createUser } from "@/prisma/seed/factories";
import { createFixtureWorld, type FixtureWorld } from "@/prisma/seed/fixture-world";
import { callerFor, outcomeOf } from "@/tests/integration/helpers/callers";
import { testDb } from "@/tests/integration/helpers/db";

const db = testDb();
let w: FixtureWorld;
const DAY_MS = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  w = await createFixtureWorld(db);
});

async function rejection(promise: Promise<unknown>) {
  const e = (await promise.then(
    () => null,
    (x: unknown) => x,
  )) as { code: string; message: string; cause?: unknown } | null;
  expect(e).not.toBeNull();
  return e!;
}

/** The fields a refusal names: an AppError's field errors, or the paths of zod's issues. */
function fieldsOf(e: { cause?: unknown }): string[] {
  const cause = e.cause as { fieldErrors?: Record<string, string[]>; issues?: { path: PropertyKey[] }[] } | undefined;
  if (cause?.fieldErrors) return Object.keys(cause.fieldErrors);
  return (cause?.issues ?? []).map((i) => String(i.path[0]));
}

const convenor = () => callerFor(db, w.users.eddConvenor.id);
const jp = () => callerFor(db, w.users.jpDelegate.id);

/** A fresh EDD session on 10 March 2031, 09:00-17:30 in Tokyo. */
async function eddSession(extra: Parameters<typeof createSession>[1] extends infer T ? Partial<T> : never = {}) {
  return createSession(db, {
    seriesId: w.series.edd.id,
    startsAt: new Date("2031-03-10T00:00:00Z"),
    endsAt: new Date("2031-03-11T08:30:00Z"),
    timeZone: "Asia/Tokyo",
    ...extra,
  });
}

async function titles(sessionId: string) {
  return (await db.agendaItem.findMany({ where: { sessionId }, orderBy: { position: "asc" }, select: { title: true } })).map((i) => i.title);
}

async function snapshot(sessionId: string) {
  const [items, session, audits] = await Promise.all([
    db.agendaItem.findMany({ where: { sessionId }, orderBy: { id: "asc" } }),
    db.session.findUniqueOrThrow({ where: { id: sessionId } }),
    db.auditEvent.count(),
  ]);
  return { items, session, audits };
}

describe("agenda.createItem", () => {
  it("appends items at the end with their fields, and audits each", async () => {
    const session = await eddSession();
    const c = await convenor();
    const first = await c.agenda.createItem({ sessionId: session.id, title: "Opening", description: "**Welcome**" });
    const second = await c.agenda.createItem({
      sessionId: session.id,
      title: "MRBMs",
      startsAt: new Date("2031-03-10T01:00:00Z"),
      endsAt: new Date("2031-03-10T02:30:00Z"),
      issueId: w.issues.eddGovernments.id,
      proposingPartyId: w.parties.jp.id,
      status: "ACCEPTED",
    });
    expect(first.status).toBe("PROPOSED");
    expect(second.position).toBeGreaterThan(first.position);
    expect(await titles(session.id)).toEqual(["Opening", "MRBMs"]);
    const stored = await db.agendaItem.findUniqueOrThrow({ where: { id: second.id } });
    expect(stored).toMatchObject({ issueId: w.issues.eddGovernments.id, proposingPartyId: w.parties.jp.id, status: "ACCEPTED" });
    expect(await db.auditEvent.count({ where: { action: "agenda.item_created", objectId: { in: [first.id, second.id] }, actorId: w.users.eddConvenor.id, seriesId: w.series.edd.id } })).toBe(2);
    // A draft agenda is not marked as updated.
    expect((await db.session.findUniqueOrThrow({ where: { id: session.id } })).agendaUpdatedAt).toBeNull();
  });

  it("refuses bad input with a field message and writes nothing", async () => {
    const session = await eddSession();
    await createAgendaItem(db, { sessionId: session.id, position: 1, title: "Existing" });
    const archived = await createIssue(db, { seriesId: w.series.edd.id, archivedAt: new Date() });
    const c = await convenor();
    const before = await snapshot(session.id);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ issueId: w.issues.edscgGovernments.id }, "issueId", "Choose an issue of this series"],
      [{ issueId: archived.id }, "issueId", "archived"],
      [{ proposingPartyId: w.parties.kr.id }, "proposingPartyId", "Choose a party of this series"],
      [{ startsAt: new Date("2031-03-12T01:00:00Z") }, "startsAt", "session's days"],
      [{ endsAt: new Date("2031-03-09T10:00:00Z") }, "endsAt", "session's days"],
      [{ startsAt: new Date("2031-03-10T03:00:00Z"), endsAt: new Date("2031-03-10T02:00:00Z") }, "endsAt", "before the start"],
      [{ title: "   " }, "title", "Enter a title"],
    ];
    for (const [extra, field, message] of cases) {
      const e = await rejection(c.agenda.createItem({ sessionId: session.id, title: "Bad", ...extra }));
      expect(e.code, JSON.stringify(extra)).toBe("BAD_REQUEST");
      expect(e.message).toContain(message);
      expect(fieldsOf(e), field).toContain(field);
    }
    expect(await snapshot(session.id)).toEqual(before);
  });

  it("is for convenors: other members FORBIDDEN, non-members NOT_FOUND, a draft's items invisible", async () => {
    const c = await convenor();
    expect(await outcomeOf(async () => (await jp()).agenda.createItem({ sessionId: w.sessions.eddPublished.id, title: "X" }))).toBe("FORBIDDEN");
    const kr = await callerFor(db, w.users.krDelegate.id);
    expect(await outcomeOf(() => kr.agenda.createItem({ sessionId: w.sessions.eddPublished.id, title: "X" }))).toBe("NOT_FOUND");
    expect(await outcomeOf(() => kr.agenda.createItem({ sessionId: "no-such-session", title: "X" }))).toBe("NOT_FOUND");
    // A delegate editing an item of a draft agenda: it does not exist for them.
    const draftItem = w.items.eddDraftProcedural;
    expect(await outcomeOf(async () => (await jp()).agenda.updateItem({ itemId: draftItem.id, version: draftItem.version, title: "Y" }))).toBe("NOT_FOUND");
    expect(await outcomeOf(() => c.agenda.listForSession({ sessionId: w.sessions.edscgPublished.id }))).toBe("NOT_FOUND");
  });
});

describe("agenda.updateItem and deleteItem", () => {
  it("updates with a version check; a stale version gets CONFLICT and writes nothing", async () => {
    const session = await eddSession();
    const item = await createAgendaItem(db, { sessionId: session.id, position: 1, title: "Before" });
    const c = await convenor();
    const updated = await c.agenda.updateItem({ itemId: item.id, version: item.version, title: "After", status: "ACCEPTED" });
    expect(updated.version).toBe(item.version + 1);
    const before = await snapshot(session.id);
    const stale = await rejection(c.agenda.updateItem({ itemId: item.id, version: item.version, title: "Stale" }));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.message).toContain("Reload");
    expect(await snapshot(session.id)).toEqual(before);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "agenda.item_updated", objectId: item.id } });
    expect(audit.summary).toMatchObject({ before: { title: "Before", status: "PROPOSED" }, after: { title: "After", status: "ACCEPTED" } });
  });

  it("after publication an edit marks the agenda and the item as updated since publication", async () => {
    const publishedAt = new Date(Date.now() - DAY_MS);
    const session = await eddSession({ status: "AGENDA_PUBLISHED", agendaPublishedAt: publishedAt, agendaUpdatedAt: publishedAt });
    const a = await createAgendaItem(db, { sessionId: session.id, position: 1, title: "A" });
    await createAgendaItem(db, { sessionId: session.id, position: 2, title: "B" });
    // Rows written after the publication instant without any change of the agenda (demo data): no marker.
    const unchanged = await (await jp()).agenda.listForSession({ sessionId: session.id });
    expect(unchanged.items.map((i) => i.updatedSincePublication)).toEqual([false, false]);
    await db.agendaItem.updateMany({ where: { sessionId: session.id }, data: { updatedAt: new Date(publishedAt.getTime() - 1000) } });
    const before = await (await jp()).agenda.listForSession({ sessionId: session.id });
    expect(before.session.updatedSincePublication).toBe(false);
    expect(before.items.map((i) => i.updatedSincePublication)).toEqual([false, false]);

    await (await convenor()).agenda.updateItem({ itemId: a.id, version: a.version, status: "DEFERRED" });
    const after = await (await jp()).agenda.listForSession({ sessionId: session.id });
    expect(after.session.updatedSincePublication).toBe(true);
    expect(after.items.map((i) => [i.title, i.updatedSincePublication])).toEqual([["A", true], ["B", false]]);
    // Delegates do not get the convenor's extras.
    expect(after.canEdit).toBe(false);
    expect(after.options).toBeNull();
    expect(after.items.every((i) => i.scholars === null)).toBe(true);
  });

  it("deletes only from an unpublished agenda (published: defer instead), with a version check", async () => {
    const draft = await eddSession();
    const item = await createAgendaItem(db, { sessionId: draft.id, position: 1 });
    const c = await convenor();
    expect((await rejection(c.agenda.deleteItem({ itemId: item.id, version: item.version + 1 }))).code).toBe("CONFLICT");
    await c.agenda.deleteItem({ itemId: item.id, version: item.version });
    expect(await db.agendaItem.count({ where: { id: item.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "agenda.item_deleted", objectId: item.id } })).toBe(1);

    const published = await eddSession({ status: "AGENDA_PUBLISHED", agendaPublishedAt: new Date() });
    const kept = await createAgendaItem(db, { sessionId: published.id, position: 1 });
    const e = await rejection(c.agenda.deleteItem({ itemId: kept.id, version: kept.version }));
    expect(e.code).toBe("BAD_REQUEST");
    expect(e.message).toContain("Deferred");
    expect(await db.agendaItem.count({ where: { id: kept.id } })).toBe(1);
    expect(await outcomeOf(async () => (await jp()).agenda.deleteItem({ itemId: kept.id, version: kept.version }))).toBe("FORBIDDEN");
  });

  it("deleting a draft item closes the gap: the agenda keeps its numbers 1…n", async () => {
    const draft = await eddSession();
    const c = await convenor();
    const items = [];
    for (const title of ["One", "Two", "Three", "Four"]) items.push(await c.agenda.createItem({ sessionId: draft.id, title }));
    await c.agenda.deleteItem({ itemId: items[1]!.id, version: items[1]!.version });
    const after = await c.agenda.listForSession({ sessionId: draft.id });
    expect(after.items.map((i) => [i.title, i.position])).toEqual([["One", 1], ["Three", 2], ["Four", 3]]);
  });
});

describe("what changed since publication", () => {
  it("marks only the items changed in substance, a move only the moved item, and re-announcing clears the marks", async () => {
    const publishedAt = new Date(Date.now() - DAY_MS);
    const session = await eddSession({ status: "AGENDA_PUBLISHED", agendaPublishedAt: publishedAt, agendaUpdatedAt: publishedAt });
    const items = [];
    for (let position = 1; position <= 6; position++) items.push(await createAgendaItem(db, { sessionId: session.id, position, title: `Item ${position}` }));
    const c = await convenor();
    const marks = async () =>
      Object.fromEntries((await (await jp()).agenda.listForSession({ sessionId: session.id })).items.map((i) => [i.title, i.changes]));

    // One item added, one moved from 2 to 5 (3, 4 and 5 shift up by one, unmarked).
    const added = await c.agenda.createItem({ sessionId: session.id, title: "Added" });
    const order = items.map((i) => i.id);
    const [moved] = order.splice(1, 1);
    order.splice(4, 0, moved!);
    await c.agenda.reorder({ sessionId: session.id, itemIds: [...order, added.id] });
    // A new proposing party is not a change of substance; a new status and time are.
    const partyOnly = await c.agenda.updateItem({ itemId: items[0]!.id, version: items[0]!.version, proposingPartyId: w.parties.jp.id });
    await c.agenda.updateItem({ itemId: items[5]!.id, version: items[5]!.version, status: "DEFERRED", title: "Item 6 (deferred)" });
    expect(await marks()).toEqual({
      "Item 1": [],
      "Item 3": [],
      "Item 4": [],
      "Item 5": [],
      "Item 2": ["moved"],
      "Item 6 (deferred)": ["title", "status"],
      Added: ["added"],
    });
    expect(partyOnly.changes).toEqual([]);
    const listed = await (await jp()).agenda.listForSession({ sessionId: session.id });
    expect(listed.session.updatedSincePublication).toBe(true);
    expect(listed.items.filter((i) => i.updatedSincePublication).map((i) => i.title)).toEqual(["Item 2", "Item 6 (deferred)", "Added"]);

    expect(await outcomeOf(async () => (await jp()).agenda.clearChanges({ sessionId: session.id }))).toBe("FORBIDDEN");
    expect(await c.agenda.clearChanges({ sessionId: session.id })).toEqual({ sessionId: session.id, cleared: 3 });
    const cleared = await (await jp()).agenda.listForSession({ sessionId: session.id });
    expect(cleared.session.updatedSincePublication).toBe(false);
    expect(cleared.items.every((i) => i.changes.length === 0)).toBe(true);
    expect(await db.auditEvent.count({ where: { action: "agenda.reannounced", objectId: session.id } })).toBe(1);
    // A draft agenda marks nothing and has nothing to re-announce.
    const draft = await eddSession();
    const draftItem = await c.agenda.createItem({ sessionId: draft.id, title: "Draft item" });
    expect(draftItem.changes).toEqual([]);
    expect(await outcomeOf(() => c.agenda.clearChanges({ sessionId: draft.id }))).toBe("BAD_REQUEST");
  });
});

describe("agenda.reorder", () => {
  it("stores the full new order in one go and audits it", async () => {
    const session = await eddSession();
    const items = [];
    for (const title of ["A", "B", "C"]) items.push(await createAgendaItem(db, { sessionId: session.id, title }));
    const [a, b, cc] = items.map((i) => i.id) as [string, string, string];
    await (await convenor()).agenda.reorder({ sessionId: session.id, itemIds: [cc, a, b] });
    expect(await titles(session.id)).toEqual(["C", "A", "B"]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "agenda.reordered", objectId: session.id } });
    expect(audit.summary).toEqual({ before: [a, b, cc], after: [cc, a, b] });
  });

  it("refuses an item of another session, a partial list or a repeated id, and changes nothing", async () => {
    const session = await eddSession();
    const items = [];
    for (const title of ["A", "B"]) items.push(await createAgendaItem(db, { sessionId: session.id, title }));
    const [a, b] = items.map((i) => i.id) as [string, string];
    const c = await convenor();
    const before = await snapshot(session.id);
    const foreign = await rejection(c.agenda.reorder({ sessionId: session.id, itemIds: [b, w.items.eddOpening.id] }));
    expect(foreign.code).toBe("BAD_REQUEST");
    expect(foreign.message).toContain("not on this session's agenda");
    const withExtra = await rejection(c.agenda.reorder({ sessionId: session.id, itemIds: [b, a, w.items.eddOpening.id] }));
    expect(withExtra.code).toBe("BAD_REQUEST");
    const partial = await rejection(c.agenda.reorder({ sessionId: session.id, itemIds: [b] }));
    expect(partial.code).toBe("BAD_REQUEST");
    expect(partial.message).toContain("every item");
    expect((await rejection(c.agenda.reorder({ sessionId: session.id, itemIds: [b, b] }))).code).toBe("BAD_REQUEST");
    expect(await snapshot(session.id)).toEqual(before);
    // The other session's item did not move either.
    expect((await db.agendaItem.findUniqueOrThrow({ where: { id: w.items.eddOpening.id } })).position).toBe(w.items.eddOpening.position);
  });
});

describe("agenda.publish", () => {
  it("a delegate sees no item of a draft agenda, and every item in order after publication", async () => {
    const session = await eddSession();
    const c = await convenor();
    const created = [];
    for (const title of ["First", "Second", "Third"]) created.push(await c.agenda.createItem({ sessionId: session.id, title }));
    await c.agenda.reorder({ sessionId: session.id, itemIds: [created[2]!.id, created[0]!.id, created[1]!.id] });

    for (const userId of [w.users.jpDelegate.id, w.users.usDelegate.id, w.users.observer.id]) {
      const viewer = await callerFor(db, userId);
      expect((await viewer.session.get({ sessionId: session.id })).agenda).toEqual([]);
      expect((await viewer.agenda.listForSession({ sessionId: session.id })).items).toEqual([]);
    }
    const draftView = await c.agenda.listForSession({ sessionId: session.id });
    expect(draftView.items.map((i) => i.title)).toEqual(["Third", "First", "Second"]);

    const published = await c.agenda.publish({ sessionId: session.id, version: session.version });
    expect(published.status).toBe("AGENDA_PUBLISHED");
    expect(published.agendaPublishedAt).not.toBeNull();
    const agenda = (await (await jp()).session.get({ sessionId: session.id })).agenda;
    expect(agenda.map((i) => i.title)).toEqual(["Third", "First", "Second"]);
    const listed = await (await jp()).agenda.listForSession({ sessionId: session.id });
    expect(listed.items.every((i) => !i.updatedSincePublication)).toBe(true);
    expect(listed.session.updatedSincePublication).toBe(false);
    expect(await db.auditEvent.count({ where: { action: "agenda.published", objectId: session.id } })).toBe(1);
    // The KR delegate is in no EDD role: still nothing.
    expect(await outcomeOf(async () => (await callerFor(db, w.users.krDelegate.id)).agenda.listForSession({ sessionId: session.id }))).toBe("NOT_FOUND");
  });

  it("refuses publishing twice, an empty agenda and a stale version, writing nothing", async () => {
    const c = await convenor();
    const empty = await eddSession();
    expect((await rejection(c.agenda.publish({ sessionId: empty.id, version: empty.version }))).message).toContain("at least one item");

    const session = await eddSession();
    await createAgendaItem(db, { sessionId: session.id, position: 1 });
    const before = await snapshot(session.id);
    const stale = await rejection(c.agenda.publish({ sessionId: session.id, version: session.version + 5 }));
    expect(stale.code).toBe("CONFLICT");
    expect(await snapshot(session.id)).toEqual(before);

    const once = await c.agenda.publish({ sessionId: session.id, version: session.version });
    const afterOnce = await snapshot(session.id);
    const twice = await rejection(c.agenda.publish({ sessionId: session.id, version: once.version }));
    expect(twice.code).toBe("BAD_REQUEST");
    expect(twice.message).toContain("already published");
    expect(await snapshot(session.id)).toEqual(afterOnce);
    expect(await outcomeOf(async () => (await jp()).agenda.publish({ sessionId: w.sessions.eddPublished.id, version: 1 }))).toBe("FORBIDDEN");
  });
});

describe("agenda.carryOver", () => {
  async function concludedWithNext() {
    const seriesId = w.series.edd.id;
    const startsAt = new Date(Date.now() - 2000 * DAY_MS + Math.floor(Math.random() * 100) * 5 * DAY_MS);
    const concluded = await createSession(db, { seriesId, status: "CONCLUDED", startsAt, title: "Concluded round" });
    const next = await createSession(db, { seriesId, status: "AGENDA_PUBLISHED", startsAt: new Date(startsAt.getTime() + DAY_MS), title: "Next round" });
    await createAgendaItem(db, { sessionId: next.id, position: 1, title: "Already on the next agenda" });
    const item = (title: string, status: "PROPOSED" | "ACCEPTED" | "DISCUSSED" | "DEFERRED", issueId: string | null = null) =>
      createAgendaItem(db, { sessionId: concluded.id, title, status, issueId, proposingPartyId: w.parties.jp.id, description: `About ${title}` });
    const items = {
      proposed: await item("Proposed item", "PROPOSED", w.issues.eddGovernments.id),
      discussed: await item("Discussed item", "DISCUSSED", w.issues.eddParty.id),
      deferred: await item("Deferred item", "DEFERRED", w.issues.eddProbe.id),
      accepted: await item("Accepted item", "ACCEPTED"),
    };
    return { concluded, next, items };
  }

  it("copies the undiscussed items to the next session's end, keeping issue, party and origin; a second call adds nothing", async () => {
    const { concluded, next, items } = await concludedWithNext();
    const c = await convenor();
    const result = await c.agenda.carryOver({ sessionId: concluded.id });
    expect(result).toMatchObject({ targetSessionId: next.id, carried: 3, skipped: 0 });
    const carried = await db.agendaItem.findMany({ where: { sessionId: next.id }, orderBy: { position: "asc" } });
    expect(carried.map((i) => i.title)).toEqual(["Already on the next agenda", "Proposed item", "Deferred item", "Accepted item"]);
    expect(carried.slice(1).map((i) => [i.carriedFromId, i.issueId, i.proposingPartyId, i.status, i.description])).toEqual([
      [items.proposed.id, w.issues.eddGovernments.id, w.parties.jp.id, "PROPOSED", "About Proposed item"],
      [items.deferred.id, w.issues.eddProbe.id, w.parties.jp.id, "PROPOSED", "About Deferred item"],
      [items.accepted.id, null, w.parties.jp.id, "PROPOSED", "About Accepted item"],
    ]);
    expect(await db.auditEvent.count({ where: { action: "agenda.carried_over", objectId: concluded.id } })).toBe(1);
    // The next agenda was published: members see it as updated, and where the items came from.
    const seen = await (await jp()).agenda.listForSession({ sessionId: next.id });
    expect(seen.session.updatedSincePublication).toBe(true);
    expect(seen.items.filter((i) => i.carriedFrom).map((i) => i.carriedFrom!.sessionTitle)).toEqual(["Concluded round", "Concluded round", "Concluded round"]);

    const again = await c.agenda.carryOver({ sessionId: concluded.id });
    expect(again).toMatchObject({ carried: 0, skipped: 3 });
    expect(await db.agendaItem.count({ where: { sessionId: next.id } })).toBe(4);
    expect(await db.auditEvent.count({ where: { action: "agenda.carried_over", objectId: concluded.id } })).toBe(1);
  });

  it("carries chosen items only, refuses discussed items and items of another session", async () => {
    const { concluded, next, items } = await concludedWithNext();
    const c = await convenor();
    const before = await db.agendaItem.count({ where: { sessionId: next.id } });
    expect((await rejection(c.agenda.carryOver({ sessionId: concluded.id, itemIds: [items.discussed.id] }))).message).toContain("Discussed");
    expect((await rejection(c.agenda.carryOver({ sessionId: concluded.id, itemIds: [w.items.eddOpening.id] }))).code).toBe("BAD_REQUEST");
    expect(await db.agendaItem.count({ where: { sessionId: next.id } })).toBe(before);
    const result = await c.agenda.carryOver({ sessionId: concluded.id, itemIds: [items.deferred.id] });
    expect(result.carried).toBe(1);
    expect(await db.agendaItem.count({ where: { sessionId: next.id, carriedFromId: items.deferred.id } })).toBe(1);
  });

  it("refuses a session that has not concluded, or one with no next session", async () => {
    const c = await convenor();
    expect((await rejection(c.agenda.carryOver({ sessionId: w.sessions.eddPublished.id }))).message).toContain("concluded");
    const last = await createSession(db, { seriesId: w.series.edd.id, status: "CONCLUDED", startsAt: new Date(Date.now() + 5000 * DAY_MS) });
    await createAgendaItem(db, { sessionId: last.id, status: "DEFERRED" });
    const e = await rejection(c.agenda.carryOver({ sessionId: last.id }));
    expect(e.code).toBe("BAD_REQUEST");
    expect(e.message).toContain("no later session");
    expect(await outcomeOf(async () => (await jp()).agenda.carryOver({ sessionId: last.id }))).toBe("FORBIDDEN");
  });
});

describe("scholars per agenda item", () => {
  it("a scholar sees exactly the published items they are invited to", async () => {
    const tri = w.series.tri.id;
    const triConvenor = await callerFor(db, w.users.triConvenor.id);
    const session = await createSession(db, { seriesId: tri, status: "DRAFT", title: "TRI round for invitations" });
    const items: Awaited<ReturnType<typeof triConvenor.agenda.createItem>>[] = [];
    for (const title of ["Opening", "Invited item", "Closed item"]) items.push(await triConvenor.agenda.createItem({ sessionId: session.id, title }));
    const invited = items[1]!;
    const scholarB = await callerFor(db, w.users.scholarB.id);

    await triConvenor.agenda.inviteScholar({ itemId: invited.id, userId: w.users.scholarB.id });
    const asConvenor = await triConvenor.agenda.listForSession({ sessionId: session.id });
    expect(asConvenor.items.find((i) => i.id === invited.id)!.scholars!.map((s) => s.id)).toEqual([w.users.scholarB.id]);
    expect(asConvenor.options!.scholars.map((s) => s.id).sort()).toEqual([w.users.scholarA.id, w.users.scholarB.id].sort());
    // Unpublished: the session does not exist for the scholar yet.
    expect(await outcomeOf(() => scholarB.session.get({ sessionId: session.id }))).toBe("NOT_FOUND");

    await triConvenor.agenda.publish({ sessionId: session.id, version: session.version });
    expect((await scholarB.session.get({ sessionId: session.id })).agenda.map((i) => i.title)).toEqual(["Invited item"]);
    const seen = await scholarB.agenda.listForSession({ sessionId: session.id });
    expect(seen.items.map((i) => i.id)).toEqual([invited.id]);
    // The agenda's own number, not the scholar's count of what they see.
    expect(seen.items[0]!.position).toBe(2);
    expect(seen.items[0]!.scholars).toBeNull();
    expect(await outcomeOf(() => scholarB.agenda.updateItem({ itemId: invited.id, version: invited.version, title: "Mine" }))).toBe("FORBIDDEN");
    expect(await outcomeOf(() => scholarB.agenda.updateItem({ itemId: items[2]!.id, version: 1, title: "Mine" }))).toBe("NOT_FOUND");
    // Scholar A was not invited here.
    expect(await outcomeOf(async () => (await callerFor(db, w.users.scholarA.id)).session.get({ sessionId: session.id }))).toBe("NOT_FOUND");

    expect((await rejection(triConvenor.agenda.inviteScholar({ itemId: invited.id, userId: w.users.scholarB.id }))).message).toContain("already invited");
    await triConvenor.agenda.uninviteScholar({ itemId: invited.id, userId: w.users.scholarB.id });
    expect(await outcomeOf(() => scholarB.session.get({ sessionId: session.id }))).toBe("NOT_FOUND");
    expect((await rejection(triConvenor.agenda.uninviteScholar({ itemId: invited.id, userId: w.users.scholarB.id }))).code).toBe("BAD_REQUEST");
    expect(await db.auditEvent.count({ where: { action: { in: ["agenda.scholar_invited", "agenda.scholar_uninvited"] }, objectId: invited.id } })).toBe(2);
  });

  it("refuses scholars in a track 1 series, and people who are not active scholars of the series", async () => {
    // A track 1 series with a scholar member (left over from before): still refused.
    const series = await createSeries(db, { partyIds: [w.parties.us.id, w.parties.jp.id], track: "TRACK_1" });
    const convenorUser = await createUser(db, { passwordHash: "x" });
    const scholar = await createUser(db, { passwordHash: "x" });
    await addMember(db, { seriesId: series.id, userId: convenorUser.id, role: "CONVENOR" });
    await addMember(db, { seriesId: series.id, userId: scholar.id, role: "SCHOLAR", affiliation: "Somewhere" });
    const session = await createSession(db, { seriesId: series.id });
    const item = await createAgendaItem(db, { sessionId: session.id });
    const c = await callerFor(db, convenorUser.id);
    const e = await rejection(c.agenda.inviteScholar({ itemId: item.id, userId: scholar.id }));
    expect(e.code).toBe("BAD_REQUEST");
    expect(e.message).toContain("track 1.5");
    expect(await db.agendaItemScholar.count({ where: { agendaItemId: item.id } })).toBe(0);

    const tri = await callerFor(db, w.users.triConvenor.id);
    for (const userId of [w.users.jpDelegate.id, w.users.outsider.id]) {
      const refused = await rejection(tri.agenda.inviteScholar({ itemId: w.items.triGovernments.id, userId }));
      expect(refused.code).toBe("BAD_REQUEST");
      expect(fieldsOf(refused)).toEqual(["userId"]);
    }
    expect(await db.agendaItemScholar.count({ where: { agendaItemId: w.items.triGovernments.id } })).toBe(0);
  });
});
