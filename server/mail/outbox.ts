import { TZDate } from "@date-fns/tz";
import { Prisma, type EmailMode, type NotificationKind } from "@/prisma/generated/client";
import { loadViewer } from "@/server/access";
import type { Db } from "@/server/db";
import { DEFAULT_EMAIL } from "@/server/notifications/kinds";
import { describeObjects, notificationHeadline, notificationHref, objectKey } from "@/server/notifications/objects";
import { renderEmail, type EmailEntry } from "@/server/mail/render";
import { addressDomain, type MailSettings } from "@/server/mail/settings";
import { describeSmtpError, isPermanentSmtpError, type MailTransport } from "@/server/mail/transport";
import { oneClickUnsubscribeUrl, signUnsubscribeToken, unsubscribePageUrl } from "@/server/mail/unsubscribe";

// Delivering the email outbox (README "Email"). The fan-out queues EmailOutbox rows in the same
// transaction as the notifications (server/notifications/fanout.ts); gatherDigests adds one row per
// person and local day for the digest. deliverDue sends what is due, in every app server at once:
//
// - Claiming is committed before sending (status SENDING, attempts + 1, lockedUntil), with FOR
//   UPDATE SKIP LOCKED so two servers never claim one row. A worker that dies mid-send leaves the
//   row SENDING; once lockedUntil lapses another round claims it again. Nothing is lost on restart.
// - SMTP has no idempotency: after a crash between the relay's "250 OK" and our mark, the retry
//   sends the message again. It is the same message — the outbox row's idempotencyKey is its
//   Message-ID — so receivers that drop repeated Message-IDs (most large providers, our dev
//   catcher) show it once; others may show it twice. That window is one SMTP reply long.
// - What an email says is read at sending time, for the recipient as they are then (server/access):
//   a deactivated account, or objects they may no longer read, are not sent (CANCELLED).

/** Waits before retrying after an SMTP failure: 1 min, 5 min, 30 min, 2 h, 12 h; then FAILED. */
export const RETRY_BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 12 * 3_600_000] as const;
/** The first attempt and one per backoff step. */
export const MAX_ATTEMPTS = RETRY_BACKOFF_MS.length + 1;
/** How long a claimed row is held: longer than one bounded SMTP conversation (server/mail/transport.ts). */
export const CLAIM_MS = 2 * 60_000;

type Claimed = { id: string; idempotencyKey: string; userId: string; notificationIds: string[]; attempts: number };

export type DeliveryReport = { sent: number; retried: number; failed: number; cancelled: number };

export type DeliverOptions = {
  settings: MailSettings;
  /** Rows claimed per call. */
  limit?: number;
  /** Tests: runs after the relay accepted a message, before it is marked SENT (a crash there is simulated by throwing). */
  afterSend?: (row: { id: string; idempotencyKey: string }) => void | Promise<void>;
};

/** The Message-ID of an outbox row: its idempotency key made a valid id-left, at the sender's domain. */
export function messageIdFor(idempotencyKey: string, from: string): string {
  return `${idempotencyKey.replace(/[^A-Za-z0-9!#$%&'*+\-/=?^_`{|}~.]/g, ".")}@${addressDomain(from)}`;
}

/** Claims up to `limit` due rows: PENDING and due, or SENDING whose holder's time lapsed (it crashed). */
async function claimDue(db: Db, now: Date, limit: number): Promise<Claimed[]> {
  const due = { OR: [{ status: "PENDING" as const, nextAttemptAt: { lte: now } }, { status: "SENDING" as const, lockedUntil: { lte: now } }] };
  const candidates = await db.emailOutbox.findMany({ where: due, orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }], take: limit, select: { id: true } });
  if (candidates.length === 0) return [];
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "EmailOutbox" WHERE "id" IN (${Prisma.join(candidates.map((c) => c.id))}) FOR UPDATE SKIP LOCKED`;
    if (locked.length === 0) return [];
    // Still due now that we hold them (another server may have claimed or finished one meanwhile).
    const rows = await tx.emailOutbox.findMany({
      where: { AND: [{ id: { in: locked.map((l) => l.id) } }, due] },
      select: { id: true, idempotencyKey: true, userId: true, notificationIds: true, attempts: true },
    });
    if (rows.length === 0) return [];
    await tx.emailOutbox.updateMany({
      where: { id: { in: rows.map((r) => r.id) } },
      data: { status: "SENDING", lockedUntil: new Date(now.getTime() + CLAIM_MS), attempts: { increment: 1 } },
    });
    return rows.map((r) => ({ ...r, attempts: r.attempts + 1 }));
  });
}

/** Marks a claimed row, only while this claim still holds it (a lapsed claim may have been taken over). */
async function mark(db: Db, row: Claimed, data: Prisma.EmailOutboxUpdateManyMutationInput): Promise<void> {
  await db.emailOutbox.updateMany({ where: { id: row.id, status: "SENDING", attempts: row.attempts }, data: { lockedUntil: null, ...data } });
}

async function emailModes(db: Db, userId: string): Promise<Record<NotificationKind, EmailMode>> {
  const prefs = await db.notificationPreference.findMany({ where: { userId }, select: { kind: true, email: true } });
  const modes = { ...DEFAULT_EMAIL };
  for (const p of prefs) modes[p.kind] = p.email;
  return modes;
}

/**
 * The email of one outbox row as its recipient may read it now, or null when there is nothing to
 * send: the account is deactivated or gone, the person has since turned these emails off, or they
 * may no longer read any object the row tells of.
 */
export async function composeEmail(db: Db, row: Pick<Claimed, "idempotencyKey" | "userId" | "notificationIds">, settings: MailSettings) {
  const user = await db.user.findUnique({ where: { id: row.userId }, select: { email: true } });
  const viewer = user ? await loadViewer(db, row.userId, Date.now()) : null;
  if (!user || !viewer) return null;
  const notifications = await db.notification.findMany({
    where: { id: { in: row.notificationIds }, userId: row.userId },
    orderBy: { createdAt: "asc" },
    select: { kind: true, objectType: true, objectId: true, event: { select: { action: true } } },
  });
  const modes = await emailModes(db, row.userId);
  const wanted = notifications.filter((n) => modes[n.kind] !== "OFF");
  const objects = await describeObjects(db, viewer, wanted.map((n) => ({ type: n.objectType, id: n.objectId })));
  const entries: EmailEntry[] = wanted.flatMap((n) => {
    const object = objects.get(objectKey({ type: n.objectType, id: n.objectId }));
    if (!object) return [];
    return [
      {
        kind: n.kind,
        headline: notificationHeadline(n.kind, object, n.event.action),
        seriesShortName: object.seriesShortName,
        marking: object.marking,
        url: `${settings.baseUrl}${notificationHref(n.kind, object)}`,
      },
    ];
  });
  if (entries.length === 0) return null;

  const digestDate = row.idempotencyKey.startsWith("digest:") ? row.idempotencyKey.split(":")[2] : undefined;
  const kinds = [...new Set(entries.map((e) => e.kind))];
  const token = (k: NotificationKind[]) => signUnsubscribeToken({ userId: row.userId, kinds: k }, settings.secret);
  // The one-click header stops the whole email: a digest's every kind now gathered in the digest.
  const allKinds = digestDate ? [...new Set([...kinds, ...(Object.keys(modes) as NotificationKind[]).filter((k) => modes[k] === "DIGEST")])] : kinds;
  const rendered = renderEmail({
    entries,
    digestDate,
    unsubscribe: kinds.map((kind) => ({ kind, url: unsubscribePageUrl(settings.baseUrl, token([kind])) })),
    unsubscribeAll: unsubscribePageUrl(settings.baseUrl, token(allKinds)),
    oneClickUrl: oneClickUnsubscribeUrl(settings.baseUrl, token(allKinds)),
    settingsUrl: `${settings.baseUrl}/account`,
  });
  return { to: user.email, ...rendered };
}

/**
 * Sends what is due (README "Email"): claim, re-check what the recipient may read, send with the
 * row's idempotency key as Message-ID, mark SENT; on an SMTP failure back to PENDING after a
 * backoff, or FAILED after the last attempt (or at once when the relay refuses the message for good).
 */
export async function deliverDue(db: Db, transport: MailTransport, now: Date = new Date(), options: DeliverOptions): Promise<DeliveryReport> {
  const { settings } = options;
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0, cancelled: 0 };
  for (const row of await claimDue(db, now, options.limit ?? 20)) {
    if (row.attempts > MAX_ATTEMPTS) {
      // Claimed again after every attempt ended in a stopped worker: stop trying.
      await mark(db, row, { status: "FAILED", lastError: `Gave up after ${row.attempts - 1} attempts (the worker stopped during the last one)` });
      report.failed++;
      continue;
    }
    const email = await composeEmail(db, row, settings);
    if (!email) {
      await mark(db, row, { status: "CANCELLED" });
      report.cancelled++;
      continue;
    }
    try {
      await transport.send({
        from: settings.from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        headers: email.headers,
        messageId: messageIdFor(row.idempotencyKey, settings.from),
      });
    } catch (error) {
      const lastError = describeSmtpError(error, settings.smtpUrl);
      if (row.attempts >= MAX_ATTEMPTS || isPermanentSmtpError(error)) {
        await mark(db, row, { status: "FAILED", lastError });
        report.failed++;
      } else {
        await mark(db, row, { status: "PENDING", lastError, nextAttemptAt: new Date(now.getTime() + RETRY_BACKOFF_MS[row.attempts - 1]!) });
        report.retried++;
      }
      continue;
    }
    // A crash here (after the relay took it, before the mark) leaves the row SENDING: see above.
    await options.afterSend?.(row);
    await mark(db, row, { status: "SENT", sentAt: new Date(), lastError: null });
    report.sent++;
  }
  return report;
}

/** A time zone Intl knows, else UTC (a person's stored zone could predate a tz database change). */
function usableZone(zone: string | null): string {
  if (!zone) return "UTC";
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone;
  } catch {
    return "UTC";
  }
}

/** The local calendar date (yyyy-mm-dd) and hour of an instant in a zone. */
export function localDateHour(instant: Date, zone: string): { date: string; year: number; month: number; day: number; hour: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", hourCycle: "h23" })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  const year = Number(parts.year);
  const month = Number(parts.month);
  const day = Number(parts.day);
  return { date: `${parts.year}-${parts.month}-${parts.day}`, year, month, day, hour: Number(parts.hour) };
}

/**
 * Queues the daily digests that are due: once per local day per person (User.timeZone, else UTC),
 * from the digest hour on, one EmailOutbox row "digest:<userId>:<yyyy-mm-dd>" with every
 * notification waiting for the digest from before that day's digest hour, clearing their
 * digestPending in the same transaction. What arrives later waits for the next day's digest; the
 * unique key makes a second server's (or a second round's) attempt a no-op. Returns rows queued.
 */
export async function gatherDigests(db: Db, now: Date = new Date(), digestHour = 7): Promise<number> {
  const waiting = await db.notification.groupBy({ by: ["userId"], where: { digestPending: true }, _min: { createdAt: true } });
  if (waiting.length === 0) return 0;
  const zones = new Map(
    (await db.user.findMany({ where: { id: { in: waiting.map((w) => w.userId) } }, select: { id: true, timeZone: true } })).map((u) => [u.id, usableZone(u.timeZone)]),
  );
  const due: { userId: string; key: string; cutoff: Date }[] = [];
  for (const w of waiting) {
    const zone = zones.get(w.userId);
    if (!zone || !w._min.createdAt) continue;
    const local = localDateHour(now, zone);
    if (local.hour < digestHour) continue;
    const cutoff = new Date(new TZDate(local.year, local.month - 1, local.day, digestHour, 0, 0, 0, zone).getTime());
    if (w._min.createdAt >= cutoff) continue;
    due.push({ userId: w.userId, key: `digest:${w.userId}:${local.date}`, cutoff });
  }
  if (due.length === 0) return 0;
  const done = new Set(
    (await db.emailOutbox.findMany({ where: { idempotencyKey: { in: due.map((d) => d.key) } }, select: { idempotencyKey: true } })).map((r) => r.idempotencyKey),
  );
  let queued = 0;
  for (const d of due) {
    if (done.has(d.key)) continue;
    const created = await db.$transaction(async (tx) => {
      const ids = (await tx.notification.findMany({ where: { userId: d.userId, digestPending: true, createdAt: { lt: d.cutoff } }, orderBy: { createdAt: "asc" }, select: { id: true } })).map((n) => n.id);
      if (ids.length === 0) return false;
      const inserted = await tx.emailOutbox.createMany({ data: [{ idempotencyKey: d.key, userId: d.userId, notificationIds: ids, nextAttemptAt: now }], skipDuplicates: true });
      if (inserted.count === 0) return false;
      await tx.notification.updateMany({ where: { id: { in: ids } }, data: { digestPending: false } });
      return true;
    });
    if (created) queued++;
  }
  return queued;
}
