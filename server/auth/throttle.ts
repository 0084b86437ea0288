import type { Db } from "@/server/db";

// Failed sign-ins are counted in PostgreSQL so the limit holds across app instances.
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
// An address is shared by everyone behind one NAT or proxy, so it gets more room.
export const MAX_FAILURES_PER_ADDRESS = 20;

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterMinutes: number };

/** Minutes until the oldest failure inside the window leaves it, rounded up, at least 1. */
export function minutesUntilFree(failureTimes: Date[], limit: number, now: Date): number {
  const sorted = [...failureTimes].sort((a, b) => b.getTime() - a.getTime());
  const blocking = sorted[limit - 1];
  if (!blocking) return 0;
  const freeAt = blocking.getTime() + THROTTLE_WINDOW_MS;
  return Math.max(1, Math.ceil((freeAt - now.getTime()) / 60000));
}

export async function checkSignInThrottle(db: Db, email: string, address: string, now = new Date()): Promise<ThrottleVerdict> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const [byAccount, byAddress] = await Promise.all([
    db.signInAttempt.findMany({
      where: { email, succeeded: false, createdAt: { gt: since } },
      select: { createdAt: true },
      orderBy: { createdAt: "desc" },
      take: MAX_FAILURES_PER_ACCOUNT,
    }),
    db.signInAttempt.findMany({
      where: { address, succeeded: false, createdAt: { gt: since } },
      select: { createdAt: true },
      orderBy: { createdAt: "desc" },
      take: MAX_FAILURES_PER_ADDRESS,
    }),
  ]);
  const waits = [
    byAccount.length >= MAX_FAILURES_PER_ACCOUNT ? minutesUntilFree(byAccount.map((a) => a.createdAt), MAX_FAILURES_PER_ACCOUNT, now) : 0,
    byAddress.length >= MAX_FAILURES_PER_ADDRESS ? minutesUntilFree(byAddress.map((a) => a.createdAt), MAX_FAILURES_PER_ADDRESS, now) : 0,
  ];
  const wait = Math.max(...waits);
  return wait > 0 ? { allowed: false, retryAfterMinutes: wait } : { allowed: true };
}

export async function recordSignInAttempt(db: Db, email: string, address: string, succeeded: boolean): Promise<void> {
  await db.signInAttempt.create({ data: { email, address, succeeded } });
}
