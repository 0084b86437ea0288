import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { securityEvent } from "@/server/security-log";

// Rate limits on the expensive and sensitive routes, counted in PostgreSQL (RateLimitWindow) so that
// every app server counts the same: per fixed window, per bucket and key — a person (`user:<id>`)
// and, where it matters, an address (`addr:<ip>`). A refusal is TOO_MANY_REQUESTS in plain words.

export const RATE_LIMITS = {
  /** PDF, Word and Markdown exports: each PDF is a Chromium render. */
  export: { limit: 20, windowMs: 60_000, message: "Too many downloads in a minute. Wait a moment and try again." },
  /** Comment posting. */
  comment: { limit: 30, windowMs: 60_000, message: "Too many comments in a minute. Wait a moment and try again." },
  /** Failed invitation acceptances, per address (signed out) and per link. */
  invitation: { limit: 10, windowMs: 10 * 60_000, message: "Too many failed attempts to accept an invitation. Wait ten minutes and try again." },
} as const;
export type RateBucket = keyof typeof RATE_LIMITS;

/** Counts one request against every key; TOO_MANY_REQUESTS when any is over its bucket's limit. */
export async function takeRate(db: Db, bucket: RateBucket, keys: string[], now: Date = new Date()): Promise<void> {
  const spec = RATE_LIMITS[bucket];
  const windowStart = new Date(Math.floor(now.getTime() / spec.windowMs) * spec.windowMs);
  for (const key of keys) {
    const [row] = await db.$queryRaw<{ count: number }[]>`
      INSERT INTO "RateLimitWindow" ("bucket", "key", "windowStart", "count") VALUES (${bucket}, ${key}, ${windowStart}, 1)
      ON CONFLICT ("bucket", "key", "windowStart") DO UPDATE SET "count" = "RateLimitWindow"."count" + 1
      RETURNING "count"`;
    if ((row?.count ?? 0) > spec.limit) throw new AppError("TOO_MANY_REQUESTS", spec.message);
  }
}

/** Seconds until a bucket's current window ends (Retry-After). */
export function retryAfterSeconds(bucket: RateBucket, now: Date = new Date()): number {
  const { windowMs } = RATE_LIMITS[bucket];
  return Math.max(1, Math.ceil((windowMs - (now.getTime() % windowMs)) / 1000));
}

/** Forgets windows older than a day (the worker calls it). */
export async function sweepRateWindows(db: Db, now: Date = new Date()): Promise<number> {
  const { count } = await db.rateLimitWindow.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - 24 * 60 * 60_000) } } });
  return count;
}

/**
 * For download routes: null when the person may go on (the download is logged as a security
 * event), else the plain 429 answer to send.
 */
export async function limitDownload(db: Db, userId: string, what: { action: string; objectType: string; objectId: string }): Promise<Response | null> {
  try {
    await takeRate(db, "export", [`user:${userId}`]);
    securityEvent("export.downloaded", { actorId: userId, ...what });
    return null;
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "TOO_MANY_REQUESTS") throw error;
    securityEvent("export.refused", { actorId: userId, ...what, reason: "rate_limited" });
    return new Response(`${error.message}\n`, {
      status: 429,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "Retry-After": String(retryAfterSeconds("export")) },
    });
  }
}

/**
 * Runs `attempt` unless a key is already at its bucket's limit, and counts it against every key only
 * if it fails — for guessable secrets (invitation links), where honest use should never run out.
 */
export async function limitFailures<T>(db: Db, bucket: RateBucket, keys: string[], attempt: () => Promise<T>, now: Date = new Date()): Promise<T> {
  const spec = RATE_LIMITS[bucket];
  const windowStart = new Date(Math.floor(now.getTime() / spec.windowMs) * spec.windowMs);
  const over = await db.rateLimitWindow.count({ where: { bucket, key: { in: keys }, windowStart, count: { gte: spec.limit } } });
  if (over > 0) throw new AppError("TOO_MANY_REQUESTS", spec.message);
  try {
    return await attempt();
  } catch (error) {
    if (error instanceof AppError) await takeRate(db, bucket, keys, now).catch(() => undefined);
    throw error;
  }
}
