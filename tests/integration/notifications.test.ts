import { beforeAll, describe, expect, it } from "vitest";
import { createFixtureWorld, type FixtureWorld } from "@/prisma/seed/fixture-world";
import { notificationEvents } from "@/server/notifications/events";
import { fanOutPending, scheduleSessionSoon } from "@/server/notifications/fanout";
import { callerFor, outcomeOf } from "@/tests/integration/helpers/callers";
import { testDb } from "@/tests/integration/helpers/db";

// Notifications across the boundaries of DESIGN.md: who is told of what, through the outbox
// recordAudit writes and the fan-out's visibility check, and what the inbox then shows each person.
const db = testDb();
let w: FixtureWorld;

beforeAll(async () => {
  w = await createFixtureWorld(db);
});

/** Everyone told of an object, by user id. */
async function toldOf(objectId: string, kind?: string): Promise<string[]> {
  await fanOutPending(db, { limit: 500 });
  const rows = await db.notification.findMany({ where: { objectId, ...(kind ? { kind: kind as never } : {}) }, select: { userId: true } });
  return rows.map((r) => r.userId).sort();
}

const sorted = (...ids: string[]) => [...ids].sort();

describe("releases", () => {
  it("a JP paper released to governments tells the EDD convenor, the US delegate and the observer — not its releaser, KR, scholars or a deactivated JP delegate", async () => {
    const paper = w.papers.eddJpParty;
    const jp = await callerFor(db, w.users.jpDelegate.id);
    expect(await toldOf(paper.id)).toEqual([]);
    await jp.paper.raiseRelease({ paperId: paper.id, version: paper.version, releaseLevel: "GOVERNMENTS" });
    expect(await toldOf(paper.id)).toEqual(sorted(w.users.eddConvenor.id, w.users.usDelegate.id, w.users.observer.id));

    // The inbox names it with its marking and links to it; the bell counts it.
    const us = await callerFor(db, w.users.usDelegate.id);
    const inbox = await us.notification.list({});
    const item = inbox.items.find((n) => n.href === `/papers/${paper.id}`);
    expect(item?.kind).toBe("RELEASE");
    expect(item?.headline).toMatch(/^Released to you: /);
    expect(item?.marking).toBe("EDD · GOVERNMENTS");
    expect((await us.notification.unreadCount()).count).toBeGreaterThanOrEqual(1);
  });

  it("a JP draft stance save announces nothing: no event is written, nobody is told", async () => {
    const stance = w.stances.eddJpProbeDraft;
    const jp = await callerFor(db, w.users.jpDelegate.id);
    const before = await db.notificationEvent.count();
    await jp.stance.save({ stanceId: stance.id, version: stance.version, position: 2, rationale: "Draft only", conditions: "", redLine: false, priority: 2 });
    expect(await db.notificationEvent.count()).toBe(before);
    expect(await toldOf(stance.id)).toEqual([]);
  });

  it("a KR paper released to governments of the EDSCG never reaches the EDD-only JP delegate; released to all participants of TRI it reaches only the scholars invited to an item it is on", async () => {
    const kr = await callerFor(db, w.users.krDelegate.id);
    const paper = w.papers.edscgKrParty;
    await kr.paper.raiseRelease({ paperId: paper.id, version: paper.version, releaseLevel: "GOVERNMENTS" });
    const told = await toldOf(paper.id);
    expect(told).toContain(w.users.usDelegate.id);
    expect(told).not.toContain(w.users.jpDelegate.id);
    expect(told).not.toContain(w.users.scholarA.id);

    // The TRI JP party paper on the invited item: scholar A is invited there, scholar B is not.
    const jp = await callerFor(db, w.users.jpDelegate.id);
    const triPaper = w.papers.triJpPartyOnInvitedItem;
    await jp.paper.raiseRelease({ paperId: triPaper.id, version: triPaper.version, releaseLevel: "ALL_PARTICIPANTS" });
    const triTold = await toldOf(triPaper.id);
    expect(triTold).toContain(w.users.scholarA.id);
    expect(triTold).not.toContain(w.users.scholarB.id);
    expect(triTold).toContain(w.users.krDelegate.id);
  });

  it("a member removed between the release and the fan-out is not told; nor is a deactivated account", async () => {
    const paper = w.papers.eddUsParty;
    const observerSeat = await db.membership.findFirstOrThrow({ where: { seriesId: w.series.edd.id, userId: w.users.observer.id } });
    const us = await callerFor(db, w.users.usDelegate.id);
    await us.paper.raiseRelease({ paperId: paper.id, version: paper.version, releaseLevel: "GOVERNMENTS" });
    // Removed after the event was written, before it was fanned out.
    const convenor = await callerFor(db, w.users.eddConvenor.id);
    await convenor.member.remove({ membershipId: observerSeat.id, version: observerSeat.version });
    const told = await toldOf(paper.id);
    expect(told).toEqual(sorted(w.users.eddConvenor.id, w.users.jpDelegate.id));
    expect(told).not.toContain(w.users.deactivated.id);
  });
});

describe("sealed release", () => {
  it("stances submitted under a seal tell no other party; opening the seal tells everyone who reads the session", async () => {
    const session = w.sessions.edscgPublished;
    // A sealed session with nothing released yet (the fixture's released stances moved back to drafts).
    await db.stance.updateMany({ where: { sessionId: session.id }, data: { releaseLevel: "PARTY", releasedAt: null } });
    await db.session.update({ where: { id: session.id }, data: { stancesSealedAt: new Date() } });
    const kr = await callerFor(db, w.users.krDelegate.id);
    await kr.stance.submitSealed({ sessionId: session.id });
    await fanOutPending(db, { limit: 500 });
    const krStances = await db.stance.findMany({ where: { sessionId: session.id, party: { code: "KR" } }, select: { id: true } });
    const toldOfStances = await db.notification.findMany({ where: { objectId: { in: krStances.map((s) => s.id) } }, select: { userId: true } });
    expect(toldOfStances.map((n) => n.userId)).not.toContain(w.users.usDelegate.id);
    expect(toldOfStances.map((n) => n.userId)).not.toContain(w.users.edscgConvenor.id);

    const convenor = await callerFor(db, w.users.edscgConvenor.id);
    await convenor.stance.openSeal({ sessionId: session.id });
    expect(await toldOf(session.id, "SEAL_OPENED")).toEqual(sorted(w.users.usDelegate.id, w.users.krDelegate.id));
    const us = await callerFor(db, w.users.usDelegate.id);
    const item = (await us.notification.list({ kind: "SEAL_OPENED" })).items[0];
    expect(item?.href).toBe(`/sessions/${session.id}/stances`);
  });
});

describe("agenda", () => {
  it("a change to a published TRI item tells the scholar invited to it, and a change to an item a scholar is not invited to does not", async () => {
    const convenor = await callerFor(db, w.users.triConvenor.id);
    const invited = await db.agendaItem.findUniqueOrThrow({ where: { id: w.items.triInvited.id } });
    const other = await db.agendaItem.findUniqueOrThrow({ where: { id: w.items.triGovernments.id } });
    await convenor.agenda.updateItem({ itemId: invited.id, version: invited.version, title: `${invited.title} (revised)` });
    await convenor.agenda.updateItem({ itemId: other.id, version: other.version, title: `${other.title} (revised)` });
    expect(await toldOf(invited.id, "AGENDA")).toContain(w.users.scholarA.id);
    const otherTold = await toldOf(other.id, "AGENDA");
    expect(otherTold).toContain(w.users.krDelegate.id);
    expect(otherTold).not.toContain(w.users.scholarA.id);
    expect(otherTold).not.toContain(w.users.triConvenor.id);
  });

  it("edits to a draft agenda tell nobody", async () => {
    const convenor = await callerFor(db, w.users.eddConvenor.id);
    const item = await db.agendaItem.findUniqueOrThrow({ where: { id: w.items.eddDraftProcedural.id } });
    await convenor.agenda.updateItem({ itemId: item.id, version: item.version, title: "Procedural, redrafted" });
    expect(await toldOf(item.id)).toEqual([]);
  });
});

describe("replies and mentions", () => {
  it("a reply tells the author of the comment answered; a mention tells the person mentioned; the picker offers only people who may read the thread", async () => {
    const parent = w.comments.eddGovernmentsItemByUs;
    const jp = await callerFor(db, w.users.jpDelegate.id);
    const picker = await jp.comment.mentionable({ agendaItemId: w.items.eddGovernments.id });
    const names = picker.map((p) => p.id);
    expect(names).toContain(w.users.eddConvenor.id);
    expect(names).toContain(w.users.usDelegate.id);
    expect(names).not.toContain(w.users.jpDelegate.id);
    expect(names).not.toContain(w.users.krDelegate.id);
    expect(names).not.toContain(w.users.scholarA.id);
    expect(names).not.toContain(w.users.deactivated.id);

    const reply = await jp.comment.create({ agendaItemId: w.items.eddGovernments.id, parentId: parent.id, body: "@Convenor see above", mentionIds: [w.users.eddConvenor.id] });
    expect(await toldOf(reply.id, "REPLY")).toEqual([w.users.usDelegate.id]);
    expect(await toldOf(reply.id, "MENTION")).toEqual([w.users.eddConvenor.id]);
  });

  it("mentioning someone who may not read the thread is refused and writes nothing", async () => {
    const jp = await callerFor(db, w.users.jpDelegate.id);
    const before = await db.comment.count();
    const events = await db.notificationEvent.count();
    const outcome = await outcomeOf(() =>
      jp.comment.create({ paperId: w.papers.eddJpParty.id, body: "For @US only", mentionIds: [w.users.krDelegate.id] }),
    );
    expect(outcome).toBe("BAD_REQUEST");
    expect(await db.comment.count()).toBe(before);
    expect(await db.notificationEvent.count()).toBe(events);
  });

  it("a mention on a party's own draft paper cannot reach the other party (the picker does not offer them)", async () => {
    const jp = await callerFor(db, w.users.jpDelegate.id);
    const picker = (await jp.comment.mentionable({ paperId: w.papers.triJpParty.id })).map((p) => p.id);
    expect(picker).not.toContain(w.users.usDelegate.id);
    expect(picker).not.toContain(w.users.krDelegate.id);
    expect(picker).not.toContain(w.users.triConvenor.id);
  });
});

describe("the inbox is one's own", () => {
  it("marking another person's notification read changes nothing; mark all read empties only one's own count", async () => {
    const mine = await db.notification.findFirstOrThrow({ where: { userId: w.users.usDelegate.id, readAt: null } });
    const jp = await callerFor(db, w.users.jpDelegate.id);
    expect((await jp.notification.markRead({ ids: [mine.id] })).marked).toBe(0);
    expect((await db.notification.findUniqueOrThrow({ where: { id: mine.id } })).readAt).toBeNull();

    const us = await callerFor(db, w.users.usDelegate.id);
    const convenorBefore = await db.notification.count({ where: { userId: w.users.eddConvenor.id, readAt: null } });
    await us.notification.markAllRead();
    expect((await us.notification.unreadCount()).count).toBe(0);
    expect(await db.notification.count({ where: { userId: w.users.eddConvenor.id, readAt: null } })).toBe(convenorBefore);
  });

  it("a notification whose object the reader may no longer read leaves the inbox and the count", async () => {
    const convenor = await callerFor(db, w.users.eddConvenor.id);
    const before = await convenor.notification.list({});
    const paperItem = before.items.find((n) => n.href === `/papers/${w.papers.eddJpParty.id}`);
    expect(paperItem).toBeDefined();
    // The convenor's seat is gone: they read nothing of the EDD now.
    const seat = await db.membership.findFirstOrThrow({ where: { seriesId: w.series.edd.id, userId: w.users.eddConvenor.id } });
    await db.membership.update({ where: { id: seat.id }, data: { removedAt: new Date() } });
    try {
      const after = await (await callerFor(db, w.users.eddConvenor.id)).notification.list({});
      expect(after.items.find((n) => n.href === `/papers/${w.papers.eddJpParty.id}`)).toBeUndefined();
    } finally {
      await db.membership.update({ where: { id: seat.id }, data: { removedAt: null } });
    }
  });

  it("email preferences are per person and kind, defaulting to DEFAULT_EMAIL", async () => {
    const us = await callerFor(db, w.users.usDelegate.id);
    const prefs = await us.notification.preferences();
    expect(prefs.find((p) => p.kind === "REPLY")).toMatchObject({ email: "IMMEDIATE", isDefault: true });
    await us.notification.setPreference({ kind: "REPLY", email: "OFF" });
    expect((await us.notification.preferences()).find((p) => p.kind === "REPLY")).toMatchObject({ email: "OFF", isDefault: false });
    const jp = await callerFor(db, w.users.jpDelegate.id);
    expect((await jp.notification.preferences()).find((p) => p.kind === "REPLY")?.email).toBe("IMMEDIATE");
    expect(await outcomeOf(() => us.notification.setPreference({ kind: "REPLY", email: "SOMETIMES" as never }))).toBe("BAD_REQUEST");
  });
});

describe("the outbox", () => {
  it("fans each event out exactly once, even when two workers race", async () => {
    const jp = await callerFor(db, w.users.jpDelegate.id);
    const paper = await db.positionPaper.findUniqueOrThrow({ where: { id: w.papers.eddJpGovernments.id } });
    await jp.paper.raiseRelease({ paperId: paper.id, version: paper.version, releaseLevel: "ALL_PARTICIPANTS" });
    await Promise.all([fanOutPending(db), fanOutPending(db), fanOutPending(db)]);
    const rows = await db.notification.groupBy({ by: ["userId"], where: { objectId: paper.id }, _count: true });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r._count === 1)).toBe(true);
    expect(await db.notificationEvent.count({ where: { processedAt: null } })).toBe(0);
  });

  it("queues an email for immediate kinds and marks digest kinds for the digest", async () => {
    const reply = await db.notification.findFirstOrThrow({ where: { kind: "REPLY", userId: w.users.usDelegate.id } });
    // The US delegate chose REPLY: OFF only after this reply was fanned out.
    expect(await db.emailOutbox.count({ where: { idempotencyKey: `n:${reply.id}` } })).toBe(1);
    const release = await db.notification.findFirstOrThrow({ where: { kind: "RELEASE", userId: w.users.observer.id } });
    expect(release.digestPending).toBe(true);
    expect(await db.emailOutbox.count({ where: { idempotencyKey: `n:${release.id}` } })).toBe(0);
  });

  it("a session starting within 24 hours is announced once", async () => {
    const session = w.sessions.triPublished;
    await db.session.update({ where: { id: session.id }, data: { startsAt: new Date(Date.now() + 3 * 60 * 60 * 1000) } });
    expect(await scheduleSessionSoon(db)).toBeGreaterThanOrEqual(1);
    expect(await scheduleSessionSoon(db)).toBe(0);
    const told = await toldOf(session.id, "SESSION_SOON");
    expect(told).toContain(w.users.scholarA.id);
    expect(told).toContain(w.users.triConvenor.id);
    expect(told).not.toContain(w.users.scholarB.id);
  });

  it("maps audited actions to events purely: a draft agenda's item edits and unrelated actions cause none", () => {
    const scope = { objectType: "AgendaItem", objectId: "i1", audience: "CONVENORS" as const, sessionId: "s1", agendaItemId: "i1" };
    expect(notificationEvents({ auditEventId: 1n, actorId: "u", seriesId: "r", action: "agenda.item_updated", scope })).toEqual([]);
    expect(notificationEvents({ auditEventId: 1n, actorId: "u", seriesId: "r", action: "agenda.item_updated", scope: { ...scope, audience: "ALL_PARTICIPANTS" } })).toHaveLength(1);
    expect(notificationEvents({ auditEventId: 1n, actorId: "u", seriesId: "r", action: "stance.saved", scope })).toEqual([]);
    const sessionScope = { objectType: "Session", objectId: "s1", audience: "GOVERNMENTS" as const, sessionId: "s1" };
    expect(notificationEvents({ auditEventId: 2n, actorId: "u", seriesId: "r", action: "agenda.reordered", scope: sessionScope })).toMatchObject([{ kind: "AGENDA", objectType: "session", objectId: "s1" }]);
    expect(notificationEvents({ auditEventId: 2n, actorId: "u", seriesId: "r", action: "agenda.reordered", scope: { ...sessionScope, audience: "CONVENORS" } })).toEqual([]);
    expect(notificationEvents({ auditEventId: 1n, actorId: "u", seriesId: null, action: "agenda.published", scope })).toEqual([]);
  });
});

describe("invitations", () => {
  const tokenOf = (link: string) => link.split("/").pop()!;

  it("an accepted invitation tells the series' convenors only, naming the newcomer — except under Chatham House", async () => {
    const edd = await callerFor(db, w.users.eddConvenor.id);
    const invitation = await edd.invitation.create({ seriesId: w.series.edd.id, email: `new-observer-${Date.now()}@example.org`, role: "OBSERVER" });
    await (await callerFor(db, null)).invitation.accept({ token: tokenOf(invitation.link), name: "Nora Newcomer", password: "a-long-password-1" });
    expect(await toldOf(invitation.id, "INVITATION_ACCEPTED")).toEqual([w.users.eddConvenor.id]);
    const item = (await edd.notification.list({ kind: "INVITATION_ACCEPTED" })).items[0];
    expect(item?.title).toBe("Nora Newcomer joined EDD as observer");
    expect(item?.href).toBe(`/series/${w.series.edd.id}/members`);

    const tri = await callerFor(db, w.users.triConvenor.id);
    const triInvitation = await tri.invitation.create({ seriesId: w.series.tri.id, email: `new-observer-${Date.now()}@example.org`, role: "OBSERVER" });
    await (await callerFor(db, null)).invitation.accept({ token: tokenOf(triInvitation.link), name: "Quentin Quiet", password: "a-long-password-1" });
    expect(await toldOf(triInvitation.id, "INVITATION_ACCEPTED")).toEqual([w.users.triConvenor.id]);
    const triItem = (await tri.notification.list({ kind: "INVITATION_ACCEPTED" })).items[0];
    expect(triItem?.title).toBe("An invited member joined TRI as observer");
  });
});
