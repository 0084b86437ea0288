import type { Db } from "@/server/db";
import type { Viewer } from "@/server/access";
import { AppError } from "@/server/errors";
import { passkeyRegistrationOptions, registerPasskey, relyingParty } from "@/server/auth/factors/passkeys";
import { securityEvent } from "@/server/security-log";
import type { RegistrationResponseJSON } from "@simplewebauthn/server";

/** Starts adding a passkey: the options the browser's navigator.credentials.create() needs. */
export async function startPasskeyRegistration(db: Db, viewer: Viewer, headers: Headers | undefined) {
  return passkeyRegistrationOptions(db, { userId: viewer.userId, email: viewer.email, name: viewer.name }, relyingParty(headers));
}

/** Finishes adding a passkey; a refused answer changes nothing and says so plainly. */
export async function finishPasskeyRegistration(
  db: Db,
  viewer: Viewer,
  input: { challengeId: string; label: string; response: unknown },
  headers: Headers | undefined,
): Promise<{ id: string }> {
  const stored = await registerPasskey(
    db,
    viewer.userId,
    { challengeId: input.challengeId, label: input.label, response: input.response as RegistrationResponseJSON },
    relyingParty(headers),
  );
  if (!stored) {
    securityEvent("account.changed", { actorId: viewer.userId, userId: viewer.userId, action: "passkey.refused", objectType: "auth_factor" });
    throw new AppError("BAD_REQUEST", "That passkey could not be added: the browser's answer did not check out, or took longer than five minutes. Try again.");
  }
  securityEvent("account.changed", { actorId: viewer.userId, userId: viewer.userId, action: "passkey.added", objectType: "auth_factor", objectId: stored.id });
  return stored;
}
