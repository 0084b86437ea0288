import type { Db } from "@/server/db";
import { deliverDue, gatherDigests, type DeliveryReport } from "@/server/mail/outbox";
import { mailSettings, type MailSettings } from "@/server/mail/settings";
import { createMailTransport, type MailTransport } from "@/server/mail/transport";

// Email (README "Email"): the notification worker (server/notifications/worker.ts) calls mailRound
// every few seconds in every app server.

export { deliverDue, gatherDigests, composeEmail, messageIdFor, MAX_ATTEMPTS, RETRY_BACKOFF_MS, CLAIM_MS } from "@/server/mail/outbox";
export { renderEmail } from "@/server/mail/render";
export { mailSettings } from "@/server/mail/settings";
export { createMailTransport } from "@/server/mail/transport";

const state = globalThis as unknown as { trilogueMail?: { url: string; transport: MailTransport }; trilogueMailOffLogged?: boolean; trilogueDigestsAt?: number };

/** Digests are due by the hour: looking once a minute is enough (delivery looks every round). */
const GATHER_EVERY_MS = 60_000;

function transportFor(settings: MailSettings): MailTransport {
  if (state.trilogueMail?.url !== settings.smtpUrl) {
    state.trilogueMail?.transport.close();
    state.trilogueMail = { url: settings.smtpUrl, transport: createMailTransport(settings.smtpUrl) };
  }
  return state.trilogueMail.transport;
}

/**
 * One round of email: queue the digests that are due, then send what is due. With no SMTP_URL it
 * does nothing (said once in the log): the outbox keeps its rows until email is configured.
 */
export async function mailRound(db: Db, now: Date = new Date(), settings: MailSettings | null = mailSettings()): Promise<DeliveryReport | null> {
  if (!settings) {
    if (!state.trilogueMailOffLogged) {
      state.trilogueMailOffLogged = true;
      console.info("Email is off: SMTP_URL is not set. Notifications stay in the in-app inbox; queued emails wait in the outbox (README \"Email\").");
    }
    return null;
  }
  if (Math.abs(now.getTime() - (state.trilogueDigestsAt ?? -Infinity)) >= GATHER_EVERY_MS) {
    state.trilogueDigestsAt = now.getTime();
    await gatherDigests(db, now, settings.digestHour);
  }
  return deliverDue(db, transportFor(settings), now, { settings });
}
