import type { Db } from "@/server/db";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { decryptFactorSecret } from "@/server/auth/factors/secret-box";
import { matchTotpStep, normaliseTotpCode } from "@/server/auth/factors/totp";
import { newRecoveryCodes, normaliseRecoveryCode } from "@/server/auth/factors/recovery-codes";

// The second factors' verification (OWASP ASVS 4.0 V2.7, V2.8, V2.5): pure checks against the
// database, no session, no log, no throttle — the callers (sign-in's second step, step-up, factor
// removal) decide what a failure costs.

/** True when the account has a confirmed second factor (TOTP or passkey). */
export async function hasSecondFactor(db: Db, userId: string): Promise<boolean> {
  const count = await db.authFactor.count({ where: { userId, confirmedAt: { not: null } } });
  return count > 0;
}

/**
 * True when `code` is the current 6-digit code (±1 step) of one of the user's confirmed TOTP factors
 * and that time step was not used before with that factor; the step is then marked used, atomically,
 * so the same code (or an older one) never passes twice, even in two racing requests.
 */
export async function verifyTotpCode(db: Db, userId: string, code: string, now: Date = new Date()): Promise<boolean> {
  return (await verifyTotpFactor(db, userId, code, now)) !== null;
}

/** verifyTotpCode, answering which factor accepted the code (or null). */
export async function verifyTotpFactor(db: Db, userId: string, code: string, now: Date = new Date()): Promise<string | null> {
  if (!normaliseTotpCode(code)) return null;
  const factors = await db.authFactor.findMany({
    where: { userId, kind: "TOTP", confirmedAt: { not: null }, secret: { not: null } },
    select: { id: true, secret: true },
    orderBy: { createdAt: "asc" },
  });
  for (const factor of factors) {
    const secret = decryptFactorSecret(factor.secret!, userId);
    if (!secret) continue;
    const step = matchTotpStep(secret, code, now.getTime());
    if (step === null) continue;
    const claimed = await db.authFactor.updateMany({
      where: { id: factor.id, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: BigInt(step) } }] },
      data: { lastUsedStep: BigInt(step), lastUsedAt: now },
    });
    if (claimed.count === 1) return factor.id;
  }
  return null;
}

/**
 * True when `code` is one of the user's unused recovery codes; it is then used up. Marking it used
 * is conditional on it still being unused, so of two racing uses of one code only one wins.
 */
export async function useRecoveryCode(db: Db, userId: string, code: string, now: Date = new Date()): Promise<boolean> {
  const normalised = normaliseRecoveryCode(code);
  if (!normalised) return false;
  const unused = await db.recoveryCode.findMany({ where: { userId, usedAt: null }, select: { id: true, codeHash: true } });
  for (const row of unused) {
    if (!(await verifyPassword(row.codeHash, normalised))) continue;
    const claimed = await db.recoveryCode.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
    return claimed.count === 1;
  }
  return false;
}

/** useRecoveryCode under a name React's hook lint rule does not mistake for a hook. */
export const redeemRecoveryCode = useRecoveryCode;

/** How many of the user's recovery codes are still unused. */
export function unusedRecoveryCodeCount(db: Db, userId: string): Promise<number> {
  return db.recoveryCode.count({ where: { userId, usedAt: null } });
}

/**
 * Replaces all of the user's recovery codes with ten new ones and answers them in plain text —
 * the only time they exist outside the person's hands; stored as argon2id hashes.
 */
export async function replaceRecoveryCodes(db: Db, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  const hashes = await Promise.all(codes.map((code) => hashPassword(normaliseRecoveryCode(code)!)));
  await db.$transaction([
    db.recoveryCode.deleteMany({ where: { userId } }),
    db.recoveryCode.createMany({ data: hashes.map((codeHash) => ({ userId, codeHash })) }),
  ]);
  return codes;
}

export { encryptFactorSecret, decryptFactorSecret } from "@/server/auth/factors/secret-box";
export { newTotpSecret, totpUri, groupedSecret, normaliseTotpCode, totpCodeAt, TOTP_PERIOD_SECONDS } from "@/server/auth/factors/totp";
export { newRecoveryCodes, normaliseRecoveryCode, RECOVERY_CODE_COUNT } from "@/server/auth/factors/recovery-codes";
