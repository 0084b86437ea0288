import nodemailer from "nodemailer";

// The SMTP side (README "Email"): nodemailer over SMTP_URL. Every wait is bounded, so a relay that
// hangs costs one attempt (retried with backoff), never a stuck worker.

export type OutgoingEmail = {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Without angle brackets; the same for every attempt of one outbox row. */
  messageId: string;
  headers: Record<string, string>;
};

export interface MailTransport {
  send(message: OutgoingEmail): Promise<void>;
  close(): void;
}

/** Bounds on one SMTP conversation, ms: connecting, the server's greeting, any silence after. */
export const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 } as const;

export function createMailTransport(smtpUrl: string): MailTransport {
  const transporter = nodemailer.createTransport({ url: smtpUrl, ...SMTP_TIMEOUTS } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    async send(message) {
      await transporter.sendMail({
        from: message.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: `<${message.messageId}>`,
        headers: message.headers,
      });
    },
    close() {
      transporter.close();
    },
  };
}

type SmtpError = { code?: unknown; responseCode?: unknown; command?: unknown; message?: unknown };

/** An SMTP answer that will not change on retry: the relay refused this message or recipient for good (5xx). */
export function isPermanentSmtpError(error: unknown): boolean {
  const e = (error ?? {}) as SmtpError;
  return typeof e.responseCode === "number" && e.responseCode >= 500 && (e.code === "EENVELOPE" || e.code === "EMESSAGE");
}

/**
 * What is kept of a failure in EmailOutbox.lastError: nodemailer's code, the SMTP reply code and
 * message, with anything from SMTP_URL's credentials blanked out, bounded in length.
 */
export function describeSmtpError(error: unknown, smtpUrl: string): string {
  const e = (error ?? {}) as SmtpError;
  let text = [typeof e.code === "string" ? e.code : null, typeof e.responseCode === "number" ? String(e.responseCode) : null, typeof e.message === "string" ? e.message : String(error)]
    .filter(Boolean)
    .join(" ");
  try {
    const url = new URL(smtpUrl);
    for (const secret of [url.password, decodeURIComponent(url.password), url.username, decodeURIComponent(url.username)]) {
      if (secret.length >= 3) text = text.split(secret).join("***");
    }
  } catch {
    // Not a URL: nothing of it to blank out.
  }
  return text.slice(0, 500);
}
