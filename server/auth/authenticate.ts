import { z } from "zod";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { randomBytes } from "node:crypto";
import { NO_PASSKEY, SIGN_IN_EXPIRED, WRONG_CODE, WRONG_CREDENTIALS, secondFactorNeeded, type SecondFactorMethod } from "@/lib/sign-in-errors";
import { redeemRecoveryCode, verifyTotpCode } from "@/server/auth/factors";
import { passkeyRequestOptions, verifyPasskeyAssertion, type RelyingParty } from "@/server/auth/factors/passkeys";
import { authenticationResponse } from "@/lib/schemas/passkeys";
import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
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

/** Sign-in's second step: a challenge made after the right password, answered with a code. */
export const SIGN_IN_CHALLENGE_PURPOSE = "sign-in";
export const SIGN_IN_CHALLENGE_MS = 5 * 60_000;
/** Wrong codes a challenge survives; the account's throttle (5 failures) counts them too. */
export const MAX_CHALLENGE_FAILURES = 5;

export const secondFactorInput = z.discriminatedUnion("method", [
  z.object({ challengeId: z.string().min(1).max(100), method: z.enum(["totp", "recovery"]), code: z.string().trim().min(1).max(64) }),
  // The browser's WebAuthn answer as JSON (lib/schemas/passkeys.ts authenticationResponse).
  z.object({ challengeId: z.string().min(1).max(100), method: z.literal("passkey"), assertion: z.string().min(2).max(16_000) }),
]);

/** The sign-in challenge behind a second step, if it may still be answered from this address. */
async function liveSignInChallenge(db: Db, challengeId: string, address: string, now: Date) {
  const challenge = await db.signInChallenge.findUnique({
    where: { id: challengeId },
    select: { id: true, purpose: true, address: true, expiresAt: true, usedAt: true, failures: true, challenge: true, user: { select: { id: true, email: true, name: true, deactivatedAt: true } } },
  });
  const live =
    challenge &&
    challenge.purpose === SIGN_IN_CHALLENGE_PURPOSE &&
    !challenge.usedAt &&
    challenge.expiresAt > now &&
    challenge.address === address.slice(0, 100) &&
    challenge.failures < MAX_CHALLENGE_FAILURES &&
    !challenge.user.deactivatedAt;
  return { challenge, live: Boolean(live) };
}

/**
 * The second step with a passkey, first half: WebAuthn options for the account behind a live sign-in
 * challenge, their random challenge kept on that row so the answer is checked against it (a newer
 * request replaces it). Refused like an expired sign-in when the challenge cannot be answered.
 */
export async function secondFactorPasskeyOptions(db: Db, challengeId: string, address: string, rp: RelyingParty, now = new Date()) {
  const { challenge, live } = await liveSignInChallenge(db, challengeId, address, now);
  if (!challenge || !live) throw new AppError("UNAUTHORIZED", SIGN_IN_EXPIRED);
  const options = await passkeyRequestOptions(db, challenge.user.id, rp);
  if (!options) throw new AppError("BAD_REQUEST", NO_PASSKEY);
  const { count } = await db.signInChallenge.updateMany({ where: { id: challenge.id, usedAt: null }, data: { challenge: options.challenge } });
  if (count !== 1) throw new AppError("UNAUTHORIZED", SIGN_IN_EXPIRED);
  return options;
}

function parsedAssertion(json: string): AuthenticationResponseJSON | null {
  try {
    const parsed = authenticationResponse.safeParse(JSON.parse(json));
    return parsed.success ? (parsed.data as AuthenticationResponseJSON) : null;
  } catch {
    return null;
  }
}

function throttled(retryAfterMinutes: number): AppError {
  const n = retryAfterMinutes;
  return new AppError("TOO_MANY_REQUESTS", `Too many failed attempts. Try again in ${n} minute${n === 1 ? "" : "s"}.`);
}

/** The ways the account can answer the second step (a passkey joins when it has one). */
async function secondFactorMethods(db: Db, userId: string): Promise<SecondFactorMethod[]> {
  const [factors, recovery] = await Promise.all([
    db.authFactor.findMany({ where: { userId, confirmedAt: { not: null } }, select: { kind: true }, distinct: ["kind"] }),
    db.recoveryCode.count({ where: { userId, usedAt: null } }),
  ]);
  const methods: SecondFactorMethod[] = [];
  if (factors.some((f) => f.kind === "TOTP")) methods.push("totp");
  if (factors.some((f) => f.kind === "PASSKEY")) methods.push("passkey");
  if (recovery > 0) methods.push("recovery");
  return methods;
}

/**
 * Checks a sign-in attempt against the throttle and the stored argon2id hash, and records it.
 * When the account has a confirmed second factor no session may open yet: a single-use challenge
 * (five minutes, bound to the client address) is made and the error names it, so the form asks
 * for the code (secondFactorNeeded in lib/sign-in-errors.ts); authenticateSecondFactor finishes.
 */
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
    throw throttled(verdict.retryAfterMinutes);
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
  const methods = await secondFactorMethods(db, user.id);
  if (methods.includes("totp") || methods.includes("passkey")) {
    // A random id (192 bits): the challenge stands for the right password, so it must not be guessable.
    const challengeId = randomBytes(24).toString("base64url");
    const now = new Date();
    await db.signInChallenge.create({
      data: { id: challengeId, userId: user.id, purpose: SIGN_IN_CHALLENGE_PURPOSE, address: address.slice(0, 100), createdAt: now, expiresAt: new Date(now.getTime() + SIGN_IN_CHALLENGE_MS) },
    });
    securityEvent("sign_in.second_factor_required", { userId: user.id, address, objectType: "sign_in_challenge", objectId: challengeId });
    throw new AppError("UNAUTHORIZED", secondFactorNeeded(challengeId, methods));
  }
  await recordSignInAttempt(db, email, address, true);
  securityEvent("sign_in.succeeded", { userId: user.id, address });
  return { id: user.id, email: user.email, name: user.name };
}

export type SecondFactorResult = AuthenticatedUser & { method: "TOTP" | "RECOVERY" | "PASSKEY" };

/**
 * Sign-in's second step: the challenge the password step made (unused, unexpired, same client
 * address, fewer than five wrong codes) answered with a TOTP code or a recovery code. Wrong codes
 * count against the account and the address in the sign-in throttle like wrong passwords.
 */
export async function authenticateSecondFactor(
  db: Db,
  raw: { challengeId?: unknown; code?: unknown; method?: unknown; assertion?: unknown },
  address: string,
  now = new Date(),
  rp?: RelyingParty,
): Promise<SecondFactorResult> {
  const parsed = secondFactorInput.safeParse(raw);
  if (!parsed.success) throw new AppError("BAD_REQUEST", WRONG_CODE);
  const input = parsed.data;
  const { challengeId, method } = input;

  const { challenge, live } = await liveSignInChallenge(db, challengeId, address, now);
  if (!challenge || !live) {
    securityEvent("second_factor.failed", { userId: challenge?.user.id, address, objectType: "sign_in_challenge", objectId: challenge?.id, reason: "challenge_expired" });
    throw new AppError("UNAUTHORIZED", SIGN_IN_EXPIRED);
  }
  const user = challenge.user;

  const verdict = await checkSignInThrottle(db, user.email, address, now);
  if (!verdict.allowed) {
    securityEvent("sign_in.throttled", { userId: user.id, address, reason: "throttled" });
    throw throttled(verdict.retryAfterMinutes);
  }

  let ok: boolean;
  if (input.method === "passkey") {
    const assertion = parsedAssertion(input.assertion);
    // The options call put the WebAuthn challenge on the row; without it there is nothing to answer.
    ok = Boolean(assertion && challenge.challenge && rp) && (await verifyPasskeyAssertion(db, user.id, challenge.challenge!, assertion!, rp!, now));
  } else {
    ok = input.method === "totp" ? await verifyTotpCode(db, user.id, input.code, now) : await redeemRecoveryCode(db, user.id, input.code, now);
  }
  if (!ok) {
    await recordSignInAttempt(db, user.email, address, false);
    await db.signInChallenge.update({ where: { id: challenge.id }, data: { failures: { increment: 1 } } });
    securityEvent("second_factor.failed", { userId: user.id, address, action: method, objectType: "sign_in_challenge", objectId: challenge.id, reason: "wrong_code" });
    throw new AppError("UNAUTHORIZED", WRONG_CODE);
  }
  if (method === "recovery") securityEvent("recovery_code.used", { actorId: user.id, userId: user.id, address });

  // Single use: of two racing answers to one challenge only one opens a session.
  const claimed = await db.signInChallenge.updateMany({ where: { id: challenge.id, usedAt: null }, data: { usedAt: now } });
  if (claimed.count !== 1) throw new AppError("UNAUTHORIZED", SIGN_IN_EXPIRED);

  await recordSignInAttempt(db, user.email, address, true);
  securityEvent("second_factor.succeeded", { userId: user.id, address, action: method });
  securityEvent("sign_in.succeeded", { userId: user.id, address, action: method });
  return { id: user.id, email: user.email, name: user.name, method: method === "totp" ? "TOTP" : method === "passkey" ? "PASSKEY" : "RECOVERY" };
}
