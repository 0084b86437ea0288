import { z } from "zod";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { WRONG_CREDENTIALS } from "@/lib/sign-in-errors";
import { checkSignInThrottle, recordSignInAttempt } from "@/server/auth/throttle";
import { verifyPassword } from "@/server/auth/password";
import { securityEvent } from "@/server/security-log";

export const signInInput = z.object({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email("Enter a valid email address")),
  password: z.string().min(1, "Enter your password").max(200),
});

// Verifying against a fixed hash when the account is unknown keeps the response time the same,
// so timing does not reveal which emails have accounts.
const UNKNOWN_ACCOUNT_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$McLRQY491GrhkVfqZMTo1w$09HMfPpVA4KH+6IpIhZAb1A1RKIahX0Ju6Ry6jv+e9E";

export { WRONG_CREDENTIALS } from "@/lib/sign-in-errors";

export type AuthenticatedUser = { id: string; email: string; name: string };

/** Checks a sign-in attempt against the throttle and the stored argon2id hash, and records it. */
export async function authenticate(
  db: Db,
  raw: { email?: unknown; password?: unknown },
  address: string,
): Promise<AuthenticatedUser> {
  const parsed = signInInput.safeParse(raw);
  if (!parsed.success) throw new AppError("BAD_REQUEST", WRONG_CREDENTIALS);
  const { email, password } = parsed.data;

  const verdict = await checkSignInThrottle(db, email, address);
  if (!verdict.allowed) {
    securityEvent("sign_in.throttled", { address, reason: "throttled" });
    const n = verdict.retryAfterMinutes;
    throw new AppError(
      "TOO_MANY_REQUESTS",
      `Too many failed attempts. Try again in ${n} minute${n === 1 ? "" : "s"}.`,
    );
  }

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, deactivatedAt: true },
  });
  const ok = await verifyPassword(user?.passwordHash ?? UNKNOWN_ACCOUNT_HASH, password);
  if (!user || !ok || user.deactivatedAt) {
    await recordSignInAttempt(db, email, address, false);
    // The account only when it exists: a mistyped email is nobody's.
    securityEvent("sign_in.failed", { userId: user?.id, address, reason: user?.deactivatedAt && ok ? "deactivated" : "wrong_credentials" });
    throw new AppError("UNAUTHORIZED", WRONG_CREDENTIALS);
  }
  await recordSignInAttempt(db, email, address, true);
  securityEvent("sign_in.succeeded", { userId: user.id, address });
  return { id: user.id, email: user.email, name: user.name };
}
