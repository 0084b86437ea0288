import type { Db } from "@/server/db";
import type { Viewer } from "@/server/access";
import { AppError } from "@/server/errors";
import { replaceRecoveryCodes, unusedRecoveryCodeCount } from "@/server/auth/factors";
import { passkeyRegistrationOptions, registerPasskey, relyingParty } from "@/server/auth/factors/passkeys";
import { runningChangeFeed } from "@/server/changes/feed";
import { securityEvent } from "@/server/security-log";
import type { RegistrationResponseJSON } from "@simplewebauthn/server";

/** Starts adding a passkey: the options the browser's navigator.credentials.create() needs. */
export async function startPasskeyRegistration(db: Db, viewer: Viewer, headers: Headers | undefined) {
  return passkeyRegistrationOptions(db, { userId: viewer.userId, email: viewer.email, name: viewer.name }, relyingParty(headers));
}

/**
 * Finishes adding a passkey; a refused answer changes nothing and says so plainly. As with an
 * authenticator app, the account's first factor comes with ten recovery codes, shown this once.
 */
export async function finishPasskeyRegistration(
  db: Db,
  viewer: Viewer,
  input: { challengeId: string; label: string; response: unknown },
  headers: Headers | undefined,
): Promise<{ id: string; recoveryCodes: string[] | null }> {
  const before = await db.authFactor.count({ where: { userId: viewer.userId, confirmedAt: { not: null } } });
  const stored = await registerPasskey(
    db,
    viewer.userId,
    { challengeId: input.challengeId, label: input.label, response: input.response as RegistrationResponseJSON },
    relyingParty(headers),
  );
  if (!stored) {
    securityEvent("second_factor.failed", { actorId: viewer.userId, userId: viewer.userId, objectType: "auth_factor", action: "passkey_register", reason: "wrong_code" });
    throw new AppError("BAD_REQUEST", "That passkey could not be added: the browser's answer did not check out, or took longer than five minutes. Try again.");
  }
  securityEvent("factor.added", { actorId: viewer.userId, userId: viewer.userId, objectType: "auth_factor", objectId: stored.id, action: "passkey" });
  securityEvent("factor.confirmed", { actorId: viewer.userId, userId: viewer.userId, objectType: "auth_factor", objectId: stored.id, action: "passkey" });
  let recoveryCodes: string[] | null = null;
  if (before === 0 || (await unusedRecoveryCodeCount(db, viewer.userId)) === 0) {
    recoveryCodes = await replaceRecoveryCodes(db, viewer.userId);
    securityEvent("recovery_codes.generated", { actorId: viewer.userId, userId: viewer.userId });
  }
  // This server forgets the held account now (AuthFactor's trigger tells the others).
  runningChangeFeed()?.localWrite();
  return { id: stored.id, recoveryCodes };
}
