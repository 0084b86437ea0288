import { env, type Env } from "@/server/env";

// Email's settings, read from the validated environment (server/env.ts checks them at start-up).

export type MailSettings = {
  smtpUrl: string;
  /** The From of every email. */
  from: string;
  /** The app's public origin, for absolute links (NEXTAUTH_URL without a trailing slash). */
  baseUrl: string;
  /** Local hour of the daily digest. */
  digestHour: number;
  /** Signs unsubscribe tokens (NEXTAUTH_SECRET; a key is derived from it, never used as is). */
  secret: string;
};

/** Email's settings, or null when email is off (no SMTP_URL). */
export function mailSettings(source: Env = env()): MailSettings | null {
  if (!source.SMTP_URL || !source.MAIL_FROM || !source.NEXTAUTH_URL) return null;
  return {
    smtpUrl: source.SMTP_URL,
    from: source.MAIL_FROM,
    baseUrl: source.NEXTAUTH_URL.replace(/\/+$/, ""),
    digestHour: source.MAIL_DIGEST_HOUR,
    secret: source.NEXTAUTH_SECRET,
  };
}

/** The domain of an address ("Trilogue <t@example.org>" → "example.org"), for Message-IDs. */
export function addressDomain(address: string): string {
  const match = /@([^\s<>@]+)>?\s*$/.exec(address);
  return (match?.[1] ?? "trilogue.invalid").toLowerCase();
}
