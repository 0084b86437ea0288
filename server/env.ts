import { z } from "zod";
import { parseTrustedProxies } from "@/server/client-address";

const postgresUrl = (name: string) =>
  z
    .url({ message: `${name} must be a postgresql:// URL, e.g. postgresql://user@127.0.0.1:5432/trilogue` })
    .refine((u) => /^postgres(ql)?:\/\//.test(u), `${name} must start with postgresql://`);

// An empty variable (`DATABASE_POOL_SIZE=` in a compose file or .env) means "not set".
const unsetIfEmpty = (value: unknown) => (value === "" ? undefined : value);

/** A duration in milliseconds between `min` and `max`, named in every message. */
function millis(name: string, min: number, max: number, fallback: number) {
  const range = `${name} must be a whole number of milliseconds between ${min} and ${max}`;
  return z.preprocess(unsetIfEmpty, z.coerce.number({ message: range }).int(range).min(min, range).max(max, range).default(fallback));
}

// Validated once, at first use; a missing or malformed variable is named with how to set it.
const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: postgresUrl("DATABASE_URL"),
  /**
   * The connections each app server's query pool may open. The database must allow every server's
   * pool plus one session-mode connection each for the change feed (README "Deploying / Scale-out").
   */
  DATABASE_POOL_SIZE: z.preprocess(
    unsetIfEmpty,
    z.coerce
      .number({ message: "DATABASE_POOL_SIZE must be a number of connections, e.g. 10" })
      .int("DATABASE_POOL_SIZE must be a whole number of connections")
      .min(1, "DATABASE_POOL_SIZE must be between 1 and 200")
      .max(200, "DATABASE_POOL_SIZE must be between 1 and 200")
      .default(10),
  ),
  /**
   * A session-mode connection for what a transaction-pooling PgBouncer cannot carry: the change
   * feed's LISTEN (server/changes/feed.ts) and the migrations' advisory lock. Defaults to DATABASE_URL.
   */
  DATABASE_LISTEN_URL: z.preprocess(unsetIfEmpty, postgresUrl("DATABASE_LISTEN_URL").optional()),
  NEXTAUTH_SECRET: z
    .string({ message: "NEXTAUTH_SECRET is required: set it to a random string of 32+ characters (openssl rand -base64 32)" })
    .min(32, "NEXTAUTH_SECRET must be at least 32 characters (openssl rand -base64 32)"),
  NEXTAUTH_URL: z.url({ message: "NEXTAUTH_URL must be the public URL of the app, e.g. https://trilogue.example.org" }).optional(),
  /** How long a stopping server keeps answering what it accepted (SIGTERM), in seconds. */
  TRILOGUE_DRAIN_SECONDS: z.coerce
    .number({ message: "TRILOGUE_DRAIN_SECONDS must be a number of seconds, e.g. 15" })
    .int("TRILOGUE_DRAIN_SECONDS must be a whole number of seconds")
    .min(1, "TRILOGUE_DRAIN_SECONDS must be between 1 and 300")
    .max(300, "TRILOGUE_DRAIN_SECONDS must be between 1 and 300")
    .default(15),
  /** Longest a single SQL statement may run before PostgreSQL cancels it (statement_timeout), ms. */
  DATABASE_STATEMENT_TIMEOUT_MS: millis("DATABASE_STATEMENT_TIMEOUT_MS", 100, 600_000, 15_000),
  /** Longest a statement waits for a lock before giving up (lock_timeout), ms. */
  DATABASE_LOCK_TIMEOUT_MS: millis("DATABASE_LOCK_TIMEOUT_MS", 100, 600_000, 5_000),
  /** Longest a request waits for a free pooled connection or a new one, ms. */
  DATABASE_CONNECT_TIMEOUT_MS: millis("DATABASE_CONNECT_TIMEOUT_MS", 100, 600_000, 5_000),
  /**
   * The reverse proxies (load balancers) in front of the app servers, as CIDR ranges or addresses
   * separated by commas: only then is X-Forwarded-For read, right-most untrusted entry first
   * (server/client-address.ts). Unset: the socket's peer is the client.
   */
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .superRefine((value, ctx) => {
      try {
        parseTrustedProxies(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: `TRUSTED_PROXIES: ${(error as Error).message}; give CIDR ranges separated by commas, e.g. 10.0.0.0/8,fd00::/8` });
      }
    }),
  /**
   * Minutes a signed-in browser may stay without a request before its session ends (idle timeout;
   * the absolute lifetime is 12 hours whatever this says).
   */
  SESSION_IDLE_MINUTES: z.preprocess(
    unsetIfEmpty,
    z.coerce
      .number({ message: "SESSION_IDLE_MINUTES must be a number of minutes, e.g. 120" })
      .int("SESSION_IDLE_MINUTES must be a whole number of minutes")
      .min(5, "SESSION_IDLE_MINUTES must be between 5 and 720 (the 12-hour lifetime)")
      .max(720, "SESSION_IDLE_MINUTES must be between 5 and 720 (the 12-hour lifetime)")
      .default(120),
  ),
  /** Marks a deployment as the embedded demo: README lists its demo accounts. */
  TRILOGUE_DEMO: z.enum(["0", "1"]).default("0"),
  /**
   * The SMTP relay email leaves through (README "Email"), e.g. smtps://user:pass@smtp.example.org:465.
   * Unset: no email is sent and the outbox waits (the in-app inbox works all the same).
   */
  SMTP_URL: z.preprocess(
    unsetIfEmpty,
    z
      .url({ message: "SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtps://user:password@smtp.example.org:465" })
      .refine((u) => /^smtps?:\/\/[^/]/i.test(u), "SMTP_URL must start with smtp:// or smtps:// and name a host, e.g. smtp://127.0.0.1:1025")
      .optional(),
  ),
  /** The sender of every email, e.g. "Trilogue <trilogue@example.org>"; required with SMTP_URL. */
  MAIL_FROM: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .regex(/^(?:[^<>]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/, 'MAIL_FROM must be an address, e.g. "Trilogue <trilogue@example.org>" or trilogue@example.org')
      .optional(),
  ),
  /** The local hour (in each person's own time zone) the daily digest email goes out. */
  MAIL_DIGEST_HOUR: z.preprocess(
    unsetIfEmpty,
    z.coerce
      .number({ message: "MAIL_DIGEST_HOUR must be an hour between 0 and 23, e.g. 7" })
      .int("MAIL_DIGEST_HOUR must be a whole hour between 0 and 23")
      .min(0, "MAIL_DIGEST_HOUR must be between 0 and 23")
      .max(23, "MAIL_DIGEST_HOUR must be between 0 and 23")
      .default(7),
  ),
}).superRefine((value, ctx) => {
  // Email needs a sender, and absolute links (NEXTAUTH_URL) to point back into the app.
  if (!value.SMTP_URL) return;
  if (!value.MAIL_FROM) {
    ctx.addIssue({ code: "custom", path: ["MAIL_FROM"], message: 'MAIL_FROM is required when SMTP_URL is set, e.g. "Trilogue <trilogue@example.org>"' });
  }
  if (!value.NEXTAUTH_URL) {
    ctx.addIssue({ code: "custom", path: ["NEXTAUTH_URL"], message: "NEXTAUTH_URL is required when SMTP_URL is set: emails link to it, e.g. https://trilogue.example.org" });
  }
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function formatEnvError(error: z.ZodError): string {
  const lines = error.issues.map((i) => `  - ${i.path.join(".") || "(env)"}: ${i.message}`);
  return `Trilogue cannot start: invalid environment variables\n${lines.join("\n")}`;
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Production serves sign-in cookies Secure (server/auth/cookies.ts) only under an https public URL;
 * a plain-http one on a real host would send session tokens in clear, so it is refused. Loopback
 * (a production build tried locally, the e2e servers) stays allowed.
 */
function insecurePublicUrl(parsed: Pick<Env, "NODE_ENV" | "NEXTAUTH_URL">): string | null {
  if (parsed.NODE_ENV !== "production" || !parsed.NEXTAUTH_URL) return null;
  const url = new URL(parsed.NEXTAUTH_URL);
  if (url.protocol === "https:" || LOOPBACK_HOSTS.has(url.hostname)) return null;
  return `must be https:// in production (it was ${url.origin}): session cookies are Secure, so serve Trilogue over TLS, e.g. behind the compose file's Caddy`;
}

/** Validates an environment (process.env by default); throws an Error naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) throw new Error(formatEnvError(parsed.error));
  const insecure = insecurePublicUrl(parsed.data);
  if (insecure) throw new Error(`Trilogue cannot start: invalid environment variables\n  - NEXTAUTH_URL: ${insecure}`);
  return parsed.data;
}

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Where the change feed LISTENs (and migrations lock): DATABASE_LISTEN_URL, else DATABASE_URL. */
export function sessionModeUrl(source: Pick<Env, "DATABASE_URL" | "DATABASE_LISTEN_URL">): string {
  return source.DATABASE_LISTEN_URL ?? source.DATABASE_URL;
}

let trusted: { text: string; ranges: ReturnType<typeof parseTrustedProxies> } | undefined;

/** TRUSTED_PROXIES parsed once (validated with the rest of the environment). */
export function trustedProxies(): ReturnType<typeof parseTrustedProxies> {
  const text = env().TRUSTED_PROXIES;
  if (trusted?.text !== text) trusted = { text, ranges: parseTrustedProxies(text) };
  return trusted.ranges;
}

export const envSchema = schema;
