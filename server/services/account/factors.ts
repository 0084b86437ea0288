import type { Viewer } from "@/server/access";
import type { Db } from "@/server/db";
import { AppError, notFound } from "@/server/errors";
import { verifyPassword } from "@/server/auth/password";
import { replaceRecoveryCodes, unusedRecoveryCodeCount, redeemRecoveryCode, verifyTotpCode } from "@/server/auth/factors";
import { decryptFactorSecret, encryptFactorSecret } from "@/server/auth/factors/secret-box";
import { groupedSecret, matchTotpStep, newTotpSecret, totpUri } from "@/server/auth/factors/totp";
import { normaliseRecoveryCode } from "@/server/auth/factors/recovery-codes";
import { runningChangeFeed } from "@/server/changes/feed";
import { securityEvent } from "@/server/security-log";

// The account page's "Second factor" card (OWASP ASVS 4.0 V2.7, V2.8): enrol an authenticator app
// (confirmed with a code before it counts), recovery codes shown once, remove a factor. Every write
// announces the account through the change feed (AuthFactor's trigger), so the held Viewer refreshes.

export type FactorSummary = {
  id: string;
  kind: "TOTP" | "PASSKEY";
  label: string;
  addedAt: Date;
  lastUsedAt: Date | null;
};

export type FactorOverview = { factors: FactorSummary[]; recoveryCodesLeft: number };

/** This server forgets the held account now, not when the feed echoes the write. */
function announce(): void {
  runningChangeFeed()?.localWrite();
}

/** The viewer's confirmed factors, oldest first, and how many recovery codes are left. */
export async function listFactors(db: Db, viewer: Viewer): Promise<FactorOverview> {
  const [rows, recoveryCodesLeft] = await Promise.all([
    db.authFactor.findMany({
      where: { userId: viewer.userId, confirmedAt: { not: null } },
      select: { id: true, kind: true, label: true, confirmedAt: true, lastUsedAt: true },
      orderBy: { confirmedAt: "asc" },
    }),
    unusedRecoveryCodeCount(db, viewer.userId),
  ]);
  return {
    factors: rows.map((r) => ({ id: r.id, kind: r.kind, label: r.label, addedAt: r.confirmedAt!, lastUsedAt: r.lastUsedAt })),
    recoveryCodesLeft,
  };
}

export type TotpEnrolment = { factorId: string; uri: string; secret: string };

/**
 * Starts setting up an authenticator app: a new unconfirmed TOTP factor with a fresh secret
 * (encrypted at rest). Answers the otpauth URI for the QR code and the secret for typing by hand;
 * an earlier unfinished set-up of the viewer's is dropped.
 */
export async function startTotpEnrolment(db: Db, viewer: Viewer, label: string): Promise<TotpEnrolment> {
  const user = await db.user.findUniqueOrThrow({ where: { id: viewer.userId }, select: { email: true } });
  const secret = newTotpSecret();
  const factor = await db.$transaction(async (tx) => {
    await tx.authFactor.deleteMany({ where: { userId: viewer.userId, kind: "TOTP", confirmedAt: null } });
    return tx.authFactor.create({
      data: { userId: viewer.userId, kind: "TOTP", label, secret: encryptFactorSecret(secret, viewer.userId) },
      select: { id: true },
    });
  });
  securityEvent("factor.added", { actorId: viewer.userId, userId: viewer.userId, objectType: "auth_factor", objectId: factor.id, action: "totp" });
  return { factorId: factor.id, uri: totpUri(secret, user.email), secret: groupedSecret(secret) };
}

/**
 * Confirms a set-up with a code from the app. The code's time step is recorded as used. When this is
 * the account's first factor, ten recovery codes are made and answered — the only time they are shown.
 */
export async function confirmTotpEnrolment(db: Db, viewer: Viewer, factorId: string, code: string, label?: string, now = new Date()): Promise<{ recoveryCodes: string[] | null }> {
  const factor = await db.authFactor.findFirst({
    where: { id: factorId, userId: viewer.userId, kind: "TOTP", confirmedAt: null },
    select: { id: true, secret: true },
  });
  if (!factor?.secret) throw notFound("That set-up has ended. Start again.");
  const secret = decryptFactorSecret(factor.secret, viewer.userId);
  const step = secret ? matchTotpStep(secret, code, now.getTime()) : null;
  if (step === null) {
    securityEvent("second_factor.failed", { actorId: viewer.userId, userId: viewer.userId, objectType: "auth_factor", objectId: factor.id, action: "totp_confirm", reason: "wrong_code" });
    throw new AppError("BAD_REQUEST", "That code is not right. Check the app and try again.", { code: ["That code is not right. Check the app and try again."] });
  }
  const first = (await db.authFactor.count({ where: { userId: viewer.userId, confirmedAt: { not: null } } })) === 0;
  const confirmed = await db.authFactor.updateMany({
    where: { id: factor.id, confirmedAt: null },
    data: { confirmedAt: now, lastUsedStep: BigInt(step), ...(label ? { label } : {}) },
  });
  if (confirmed.count !== 1) throw notFound("That set-up has ended. Start again.");
  securityEvent("factor.confirmed", { actorId: viewer.userId, userId: viewer.userId, objectType: "auth_factor", objectId: factor.id, action: "totp" });
  let recoveryCodes: string[] | null = null;
  if (first || (await unusedRecoveryCodeCount(db, viewer.userId)) === 0) {
    recoveryCodes = await replaceRecoveryCodes(db, viewer.userId);
    securityEvent("recovery_codes.generated", { actorId: viewer.userId, userId: viewer.userId });
  }
  announce();
  return { recoveryCodes };
}

/** "Regenerate recovery codes": ten new ones replace all earlier ones; only with a factor. */
export async function regenerateRecoveryCodes(db: Db, viewer: Viewer): Promise<{ recoveryCodes: string[] }> {
  const factors = await db.authFactor.count({ where: { userId: viewer.userId, confirmedAt: { not: null } } });
  if (factors === 0) throw new AppError("BAD_REQUEST", "Set up a second factor first: recovery codes stand in for it.");
  const recoveryCodes = await replaceRecoveryCodes(db, viewer.userId);
  securityEvent("recovery_codes.generated", { actorId: viewer.userId, userId: viewer.userId });
  return { recoveryCodes };
}

/**
 * Removes one of the viewer's factors. Removing the last confirmed one turns the second factor off,
 * so it needs the password and a current factor (a code from the app or a recovery code); its
 * recovery codes go with it.
 */
export async function removeFactor(db: Db, viewer: Viewer, input: { factorId: string; password?: string; code?: string }, now = new Date()): Promise<{ ok: true; last: boolean }> {
  const factor = await db.authFactor.findFirst({ where: { id: input.factorId, userId: viewer.userId }, select: { id: true, confirmedAt: true } });
  if (!factor) throw notFound("That factor no longer exists");
  const confirmedCount = await db.authFactor.count({ where: { userId: viewer.userId, confirmedAt: { not: null } } });
  const last = factor.confirmedAt !== null && confirmedCount === 1;
  if (last) {
    const errors: Record<string, string[]> = {};
    const user = await db.user.findUniqueOrThrow({ where: { id: viewer.userId }, select: { passwordHash: true } });
    if (!input.password || !(await verifyPassword(user.passwordHash, input.password))) errors.password = ["The password is wrong"];
    const code = input.code?.trim() ?? "";
    if (!errors.password) {
      const ok = code !== "" && (normaliseRecoveryCode(code) ? await redeemRecoveryCode(db, viewer.userId, code, now) : await verifyTotpCode(db, viewer.userId, code, now));
      if (!ok) errors.code = ["Enter a current code from the app, or an unused recovery code"];
      else if (normaliseRecoveryCode(code)) securityEvent("recovery_code.used", { actorId: viewer.userId, userId: viewer.userId });
    }
    if (Object.keys(errors).length > 0) {
      securityEvent("second_factor.failed", { actorId: viewer.userId, userId: viewer.userId, objectType: "auth_factor", objectId: factor.id, action: "remove_last", reason: "wrong_code" });
      throw new AppError("BAD_REQUEST", errors.password ? "The password is wrong" : "That code is not right", errors);
    }
  }
  await db.$transaction(async (tx) => {
    await tx.authFactor.delete({ where: { id: factor.id } });
    if (last) await tx.recoveryCode.deleteMany({ where: { userId: viewer.userId } });
  });
  securityEvent("factor.removed", { actorId: viewer.userId, userId: viewer.userId, objectType: "auth_factor", objectId: factor.id });
  announce();
  return { ok: true, last };
}
