import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { NotificationKind } from "@/prisma/generated/client";
import { createFixtureWorld, type FixtureWorld } from "@/prisma/seed/fixture-world";
import { startMailCatcher, type MailCatcher } from "@/scripts/lib/mail-catcher";
import { listCaughtMail, type CaughtMail } from "@/server/mail/caught";
import { mailRound } from "@/server/mail";
import { CLAIM_MS, deliverDue, gatherDigests, MAX_ATTEMPTS, messageIdFor, RETRY_BACKOFF_MS } from "@/server/mail/outbox";
import type { MailSettings } from "@/server/mail/settings";
import { createMailTransport, type MailTransport } from "@/server/mail/transport";
import { testDb } from "@/tests/integration/helpers/db";

// The email outbox against real PostgreSQL and a real SMTP server (the development catcher on a
// free port): exactly-once under a crash between sending and marking, retries with backoff, the
// last attempt, daily digests, and what the recipient may read at sending time.
const db = testDb();
let w: FixtureWorld;
let catcher: MailCatcher;
let transport: MailTransport;
let settings: MailSettings;
let dir: string;

const BASE = "https://trilogue.test";
const CANARY = "CANARY-7731 the confidential body of this paper";

beforeAll(async () => {
  w = await createFixtureWorld(db);
  dir = await mkdtemp(path.join(tmpdir(), "trilogue-mail-"));
  catcher = await startMailCatcher({ dir, quiet: true });
  transport = createMailTransport(catcher.url);
  settings = { smtpUrl: catcher.url, from: "Trilogue <trilogue@mail.trilogue.test>", baseUrl: BASE, digestHour: 7, secret: process.env.NEXTAUTH_SECRET! };
});

afterAll(async () => {
  transport?.close();
  await catcher?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  catcher.refuseNext(0);
  await db.emailOutbox.deleteMany();
  await db.notification.updateMany({ data: { digestPending: false } });
});

/** A notification written directly (the fan-out is not the subject here), with its event. */
async function notify(userId: string, kind: NotificationKind, object: { type: string; id: string; seriesId: string }, options: { digestPending?: boolean; action?: string } = {}) {
  const event = await db.notificationEvent.create({
    data: { kind, action: options.action ?? "paper.released", seriesId: object.seriesId, objectType: object.type, objectId: object.id, processedAt: new Date() },
  });
  return db.notification.create({
    data: { userId, eventId: event.id, kind, seriesId: object.seriesId, objectType: object.type, objectId: object.id, digestPending: options.digestPending ?? false },
  });
}

/** An immediate email queued as the fan-out queues it. */
async function queueImmediate(notificationId: string, userId: string, now = new Date()) {
  return db.emailOutbox.create({ data: { idempotencyKey: `n:${notificationId}`, userId, notificationIds: [notificationId], nextAttemptAt: now } });
}

async function caughtFor(idempotencyKey: string): Promise<CaughtMail[]> {
  const id = `<${messageIdFor(idempotencyKey, settings.from)}>`;
  return (await listCaughtMail(dir)).filter((m) => m.messageId === id);
}

const paperRef = (paper: { id: string }, seriesId: string) => ({ type: "paper", id: paper.id, seriesId });
const later = (from: Date, ms: number) => new Date(from.getTime() + ms);

describe("an immediate email", () => {
  it("carries the title, series, marking and an absolute link, an unsubscribe link and header — never the paper's body", async () => {
    const paper = w.papers.eddJpGovernments;
    await db.paperRevision.updateMany({ where: { paperId: paper.id }, data: { body: CANARY } });
    const n = await notify(w.users.usDelegate.id, "RELEASE", paperRef(paper, w.series.edd.id));
    const row = await queueImmediate(n.id, w.users.usDelegate.id);

    const report = await deliverDue(db, transport, new Date(), { settings });
    expect(report).toEqual({ sent: 1, retried: 0, failed: 0, cancelled: 0 });

    const [mail, ...more] = await caughtFor(row.idempotencyKey);
    expect(more).toHaveLength(0);
    expect(mail!.to).toEqual([w.users.usDelegate.email]);
    expect(mail!.subject).toBe(`[EDD] Released to you: ${paper.title}`);
    expect(mail!.text).toContain("Marking: EDD · GOVERNMENTS");
    expect(mail!.text).toContain("Series: EDD");
    expect(mail!.links).toContain(`${BASE}/papers/${paper.id}`);
    expect(mail!.links.some((l) => l.startsWith(`${BASE}/unsubscribe?token=`))).toBe(true);
    expect(mail!.headers["list-unsubscribe"]).toMatch(new RegExp(`^<${BASE}/api/unsubscribe\\?token=[^>]+>$`));
    expect(mail!.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    for (const part of [mail!.text, mail!.html ?? "", mail!.subject]) expect(part).not.toContain("CANARY-7731");

    const after = await db.emailOutbox.findUniqueOrThrow({ where: { id: row.id } });
    expect(after).toMatchObject({ status: "SENT", attempts: 1, lockedUntil: null, lastError: null });
    expect(after.sentAt).toBeInstanceOf(Date);
  });
});

describe("exactly once", () => {
  it("a worker that dies between the relay's OK and the mark: the row stays SENDING, is taken over once its hold lapses, and the resend (same Message-ID) is dropped by the receiver", async () => {
    const n = await notify(w.users.jpDelegate.id, "RELEASE", paperRef(w.papers.eddUsGovernments, w.series.edd.id));
    const row = await queueImmediate(n.id, w.users.jpDelegate.id);
    const t0 = new Date();
    const crash = new Error("simulated crash after sending");
    await expect(deliverDue(db, transport, t0, { settings, afterSend: () => Promise.reject(crash) })).rejects.toBe(crash);

    expect(await db.emailOutbox.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "SENDING", attempts: 1, sentAt: null });
    expect(await caughtFor(row.idempotencyKey)).toHaveLength(1);
    const receivedAfterCrash = catcher.received();

    // Another server's round while the dead worker's hold lasts: nothing is sent.
    expect(await deliverDue(db, transport, later(t0, CLAIM_MS / 2), { settings })).toEqual({ sent: 0, retried: 0, failed: 0, cancelled: 0 });
    expect(catcher.received()).toBe(receivedAfterCrash);

    // After the hold: taken over, sent again as the same message, marked once.
    expect((await deliverDue(db, transport, later(t0, CLAIM_MS + 1_000), { settings })).sent).toBe(1);
    expect(catcher.received()).toBe(receivedAfterCrash + 1);
    expect(await caughtFor(row.idempotencyKey)).toHaveLength(1);
    expect(await db.emailOutbox.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "SENT", attempts: 2 });

    // And never again.
    expect((await deliverDue(db, transport, later(t0, 24 * 3_600_000), { settings })).sent).toBe(0);
    expect(catcher.received()).toBe(receivedAfterCrash + 1);
  });

  it("two workers delivering at once claim each row once", async () => {
    const rows = [];
    for (const paper of [w.papers.eddUsGovernments, w.papers.eddUsAllParticipants, w.papers.eddJpAllParticipants]) {
      const n = await notify(w.users.observer.id, "RELEASE", paperRef(paper, w.series.edd.id));
      rows.push(await queueImmediate(n.id, w.users.observer.id));
    }
    const before = catcher.received();
    const other = createMailTransport(catcher.url);
    const [a, b] = await Promise.all([deliverDue(db, transport, new Date(), { settings }), deliverDue(db, other, new Date(), { settings })]);
    other.close();
    expect(a.sent + b.sent).toBe(3);
    expect(catcher.received() - before).toBe(3);
    for (const row of rows) expect(await caughtFor(row.idempotencyKey)).toHaveLength(1);
  });
});

describe("retries", () => {
  it("after an SMTP failure the row waits its backoff, is retried, and is sent; attempts and the error are recorded", async () => {
    const n = await notify(w.users.usDelegate.id, "RELEASE", paperRef(w.papers.eddJpAllParticipants, w.series.edd.id));
    const row = await queueImmediate(n.id, w.users.usDelegate.id);
    catcher.refuseNext(2);
    const t0 = new Date();

    expect((await deliverDue(db, transport, t0, { settings })).retried).toBe(1);
    let state = await db.emailOutbox.findUniqueOrThrow({ where: { id: row.id } });
    expect(state).toMatchObject({ status: "PENDING", attempts: 1, lockedUntil: null });
    expect(state.nextAttemptAt.getTime()).toBe(t0.getTime() + RETRY_BACKOFF_MS[0]);
    expect(state.lastError).toMatch(/451/);

    // Not before its time.
    expect(await deliverDue(db, transport, later(t0, RETRY_BACKOFF_MS[0] - 1_000), { settings })).toEqual({ sent: 0, retried: 0, failed: 0, cancelled: 0 });

    const t1 = later(t0, RETRY_BACKOFF_MS[0]);
    expect((await deliverDue(db, transport, t1, { settings })).retried).toBe(1);
    state = await db.emailOutbox.findUniqueOrThrow({ where: { id: row.id } });
    expect(state).toMatchObject({ status: "PENDING", attempts: 2 });
    expect(state.nextAttemptAt.getTime()).toBe(t1.getTime() + RETRY_BACKOFF_MS[1]);

    expect((await deliverDue(db, transport, later(t1, RETRY_BACKOFF_MS[1]), { settings })).sent).toBe(1);
    expect(await db.emailOutbox.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "SENT", attempts: 3, lastError: null });
    expect(await caughtFor(row.idempotencyKey)).toHaveLength(1);
  });

  it("FAILED after the last attempt, with nothing delivered", async () => {
    const n = await notify(w.users.usDelegate.id, "RELEASE", paperRef(w.papers.eddUsAllParticipants, w.series.edd.id));
    const row = await queueImmediate(n.id, w.users.usDelegate.id);
    catcher.refuseNext(1_000);
    let now = new Date();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const report = await deliverDue(db, transport, now, { settings });
      expect(report).toEqual(attempt < MAX_ATTEMPTS ? { sent: 0, retried: 1, failed: 0, cancelled: 0 } : { sent: 0, retried: 0, failed: 1, cancelled: 0 });
      const state = await db.emailOutbox.findUniqueOrThrow({ where: { id: row.id } });
      expect(state.attempts).toBe(attempt);
      now = state.nextAttemptAt;
    }
    const failed = await db.emailOutbox.findUniqueOrThrow({ where: { id: row.id } });
    expect(failed.status).toBe("FAILED");
    expect(failed.lastError).toMatch(/451/);
    catcher.refuseNext(0);
    expect(await deliverDue(db, transport, later(now, 7 * 24 * 3_600_000), { settings })).toEqual({ sent: 0, retried: 0, failed: 0, cancelled: 0 });
    expect(await caughtFor(row.idempotencyKey)).toHaveLength(0);
  });
});

describe("digests", () => {
  // 2027-01-10T21:00Z is 06:00 on 11 January in Tokyo; 23:00Z is 08:00.
  const beforeHour = new Date("2027-01-10T21:00:00Z");
  const afterHour = new Date("2027-01-10T23:00:00Z");

  it("gathers a person's waiting notifications into one email a day, grouped by series, at the digest hour of their own time zone", async () => {
    const jp = w.users.jpDelegate;
    await db.user.update({ where: { id: jp.id }, data: { timeZone: "Asia/Tokyo" } });
    const waiting = [
      await notify(jp.id, "RELEASE", paperRef(w.papers.eddUsGovernments, w.series.edd.id), { digestPending: true }),
      await notify(jp.id, "RELEASE", paperRef(w.papers.triUsAllParticipants, w.series.tri.id), { digestPending: true }),
      await notify(jp.id, "AGENDA", { type: "agendaItem", id: w.items.eddGovernments.id, seriesId: w.series.edd.id }, { digestPending: true, action: "agenda.item_updated" }),
    ];

    expect(await gatherDigests(db, beforeHour, 7)).toBe(0);
    expect(await gatherDigests(db, afterHour, 7)).toBe(1);
    const key = `digest:${jp.id}:2027-01-11`;
    const row = await db.emailOutbox.findUniqueOrThrow({ where: { idempotencyKey: key } });
    expect([...row.notificationIds].sort()).toEqual(waiting.map((n) => n.id).sort());
    expect(await db.notification.count({ where: { id: { in: waiting.map((n) => n.id) }, digestPending: true } })).toBe(0);

    // Later that day: a new notification waits for tomorrow; today's digest is not made twice.
    const next = await notify(jp.id, "RELEASE", paperRef(w.papers.eddJpAllParticipants, w.series.edd.id), { digestPending: true });
    expect(await gatherDigests(db, later(afterHour, 3_600_000), 7)).toBe(0);
    expect(await db.notification.findUniqueOrThrow({ where: { id: next.id } })).toMatchObject({ digestPending: true });
    expect(await db.emailOutbox.count({ where: { userId: jp.id } })).toBe(1);

    expect((await deliverDue(db, transport, afterHour, { settings })).sent).toBe(1);
    const [mail, ...more] = await caughtFor(key);
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe("Trilogue daily digest, 2027-01-11: 3 notifications");
    const edd = mail!.text.indexOf("== EDD ==");
    const tri = mail!.text.indexOf("== TRI ==");
    expect(edd).toBeGreaterThanOrEqual(0);
    expect(tri).toBeGreaterThan(edd);
    const eddSection = mail!.text.slice(edd, tri);
    expect(eddSection).toContain(`${BASE}/papers/${w.papers.eddUsGovernments.id}`);
    expect(eddSection).toContain(`${BASE}/sessions/${w.sessions.eddPublished.id}/items/${w.items.eddGovernments.id}`);
    expect(mail!.text.slice(tri)).toContain(`${BASE}/papers/${w.papers.triUsAllParticipants.id}`);
    expect(mail!.text).toContain("EDD · GOVERNMENTS");
    // A digest tells of two kinds: a stop link for each.
    expect(mail!.links.filter((l) => l.startsWith(`${BASE}/unsubscribe?token=`)).length).toBeGreaterThanOrEqual(2);

    // The next day the one that waited goes out.
    expect(await gatherDigests(db, later(afterHour, 24 * 3_600_000), 7)).toBe(1);
    const tomorrow = await db.emailOutbox.findUniqueOrThrow({ where: { idempotencyKey: `digest:${jp.id}:2027-01-12` } });
    expect(tomorrow.notificationIds).toEqual([next.id]);
  });
});

describe("visibility at sending time", () => {
  it("a member removed after the notification gets nothing: CANCELLED, nothing sent", async () => {
    const observer = w.users.observer;
    const n = await notify(observer.id, "RELEASE", paperRef(w.papers.eddUsGovernments, w.series.edd.id));
    const row = await queueImmediate(n.id, observer.id);
    await db.membership.updateMany({ where: { seriesId: w.series.edd.id, userId: observer.id }, data: { removedAt: new Date() } });
    try {
      const before = catcher.received();
      expect(await deliverDue(db, transport, new Date(), { settings })).toEqual({ sent: 0, retried: 0, failed: 0, cancelled: 1 });
      expect(await db.emailOutbox.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "CANCELLED", sentAt: null });
      expect(catcher.received()).toBe(before);
    } finally {
      await db.membership.updateMany({ where: { seriesId: w.series.edd.id, userId: observer.id }, data: { removedAt: null } });
    }
  });

  it("a deactivated account gets nothing; a digest keeps only what its reader may still read", async () => {
    const deactivated = w.users.deactivated;
    const n = await notify(deactivated.id, "RELEASE", paperRef(w.papers.eddUsGovernments, w.series.edd.id));
    await queueImmediate(n.id, deactivated.id);
    expect((await deliverDue(db, transport, new Date(), { settings })).cancelled).toBe(1);

    // KR reads the EDSCG US paper at GOVERNMENTS, but not the EDSCG US draft (PARTY).
    const kr = w.users.krDelegate;
    const readable = await notify(kr.id, "RELEASE", paperRef(w.papers.edscgUsGovernments, w.series.edscg.id));
    const unreadable = await notify(kr.id, "RELEASE", paperRef(w.papers.edscgUsParty, w.series.edscg.id));
    const row = await db.emailOutbox.create({ data: { idempotencyKey: `digest:${kr.id}:2027-02-01`, userId: kr.id, notificationIds: [readable.id, unreadable.id] } });
    expect((await deliverDue(db, transport, new Date(), { settings })).sent).toBe(1);
    const [mail] = await caughtFor(row.idempotencyKey);
    expect(mail!.subject).toContain("1 notification");
    expect(mail!.text).toContain(`/papers/${w.papers.edscgUsGovernments.id}`);
    expect(mail!.text).not.toContain(w.papers.edscgUsParty.id);
    expect(mail!.text).not.toContain(w.papers.edscgUsParty.title);
  });

  it("a kind turned off after the email was queued is not sent", async () => {
    const us = w.users.usDelegate;
    const n = await notify(us.id, "MENTION", { type: "comment", id: w.comments.eddGovernmentsItemReplyByJp.id, seriesId: w.series.edd.id }, { action: "comment.created" });
    const row = await queueImmediate(n.id, us.id);
    await db.notificationPreference.create({ data: { userId: us.id, kind: "MENTION", email: "OFF" } });
    expect((await deliverDue(db, transport, new Date(), { settings })).cancelled).toBe(1);
    expect(await caughtFor(row.idempotencyKey)).toHaveLength(0);
    await db.notificationPreference.deleteMany({ where: { userId: us.id } });
  });
});

describe("Chatham House", () => {
  it("an email in a Chatham House series names no other person: not who joined, not who replied", async () => {
    const convenor = w.users.triConvenor;
    const invitation = await db.invitation.create({
      data: {
        seriesId: w.series.tri.id,
        email: w.users.scholarB.email,
        role: "SCHOLAR",
        tokenHash: randomBytes(16).toString("hex"),
        expiresAt: later(new Date(), 86_400_000),
        acceptedAt: new Date(),
        acceptedById: w.users.scholarB.id,
        createdById: convenor.id,
      },
    });
    const joined = await notify(convenor.id, "INVITATION_ACCEPTED", { type: "invitation", id: invitation.id, seriesId: w.series.tri.id }, { action: "invitation.accepted" });
    const scholarA = w.users.scholarA;
    const reply = await notify(scholarA.id, "REPLY", { type: "comment", id: w.comments.triInvitedItemByJp.id, seriesId: w.series.tri.id }, { action: "comment.created" });
    const rows = [await queueImmediate(joined.id, convenor.id), await queueImmediate(reply.id, scholarA.id)];
    expect((await deliverDue(db, transport, new Date(), { settings })).sent).toBe(2);

    const names = Object.values(w.users).map((u) => u.name);
    for (const row of rows) {
      const [mail] = await caughtFor(row.idempotencyKey);
      expect(mail, row.idempotencyKey).toBeDefined();
      expect(mail!.subject).toMatch(/^\[TRI\] /);
      for (const name of names) {
        for (const part of [mail!.subject, mail!.text, mail!.html ?? ""]) expect(part, `${name} in ${row.idempotencyKey}`).not.toContain(name);
      }
      expect(mail!.text).not.toContain(w.users.scholarB.email);
      expect(mail!.text).not.toContain(w.users.jpDelegate.email);
    }
  });
});

describe("email off", () => {
  it("without SMTP settings a round does nothing and the outbox waits", async () => {
    const n = await notify(w.users.usDelegate.id, "RELEASE", paperRef(w.papers.eddJpGovernments, w.series.edd.id));
    const row = await queueImmediate(n.id, w.users.usDelegate.id);
    expect(await mailRound(db, new Date(), null)).toBeNull();
    expect(await db.emailOutbox.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "PENDING", attempts: 0 });
    // Turned on: the same round sends it.
    expect((await mailRound(db, new Date(), settings))?.sent).toBe(1);
  });
});
