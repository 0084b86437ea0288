import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import type { Db } from "@/server/db";
import { env } from "@/server/env";

/**
 * Passkeys and security keys (WebAuthn), the phishing-resistant second factor (ASVS 4.0 V2.8.x /
 * NIST AAL3-capable). A browser signs a server challenge with a key bound to this site's name (the
 * relying party id), so a look-alike site cannot replay what it captures. Challenges are
 * SignInChallenge rows: single use, five minutes, bound to the account.
 */

export const PASSKEY_CHALLENGE_MS = 5 * 60_000;
export const PASSKEY_LABEL_MAX = 60;

export type RelyingParty = { id: string; origin: string; name: string };

/**
 * The site passkeys are bound to: the host the browser is on (the request's Host, or the proxy's
 * X-Forwarded-Host), else NEXTAUTH_URL's. Trusting the request here gives nothing away: the browser
 * itself binds a credential to the site it was made on and signs that site's name, so a key made for
 * Trilogue's host never signs for another, whatever a request claims. (An IP address cannot be a
 * relying party: passkeys need a host name, e.g. localhost in development.)
 */
export function relyingParty(headers: Headers | undefined): RelyingParty {
  const host = headers?.get("x-forwarded-host") ?? headers?.get("host");
  if (host) {
    const name = host.split(",")[0]!.trim();
    const local = /^(localhost|127\.0\.0\.1|\[::1\])(:|$)/.test(name);
    const proto = headers?.get("x-forwarded-proto")?.split(",")[0]!.trim() ?? (local ? "http" : "https");
    const url = new URL(`${proto}://${name}`);
    return { id: url.hostname, origin: url.origin, name: "Trilogue" };
  }
  const configured = env().NEXTAUTH_URL;
  const url = new URL(configured ?? "http://localhost");
  return { id: url.hostname, origin: url.origin, name: "Trilogue" };
}

type ChallengeDb = Pick<Db, "signInChallenge">;

async function storeChallenge(db: ChallengeDb, userId: string, purpose: string, challenge: string, now: Date): Promise<string> {
  const row = await db.signInChallenge.create({
    data: { userId, purpose, challenge, expiresAt: new Date(now.getTime() + PASSKEY_CHALLENGE_MS), createdAt: now },
    select: { id: true },
  });
  return row.id;
}

/**
 * Takes a challenge for good: true once, for the account and purpose it was made for, within its
 * five minutes. Two racing uses cannot both win (the update is conditional).
 */
async function consumeChallenge(db: ChallengeDb, id: string, userId: string, purpose: string, now: Date): Promise<string | null> {
  const row = await db.signInChallenge.findFirst({ where: { id, userId, purpose, usedAt: null, expiresAt: { gt: now } }, select: { challenge: true } });
  if (!row?.challenge) return null;
  const { count } = await db.signInChallenge.updateMany({ where: { id, usedAt: null }, data: { usedAt: now } });
  return count === 1 ? row.challenge : null;
}

const transportsOf = (values: string[]) => values as AuthenticatorTransportFuture[];

type PasskeyDb = Pick<Db, "signInChallenge" | "authFactor" | "user">;

/** Options for navigator.credentials.create(): the account's existing keys are excluded. */
export async function passkeyRegistrationOptions(
  db: PasskeyDb,
  user: { userId: string; email: string; name: string },
  rp: RelyingParty,
  now = new Date(),
): Promise<{ challengeId: string; options: PublicKeyCredentialCreationOptionsJSON }> {
  const existing = await db.authFactor.findMany({
    where: { userId: user.userId, kind: "PASSKEY", credentialId: { not: null } },
    select: { credentialId: true, transports: true },
  });
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: user.email,
    userDisplayName: user.name,
    userID: new TextEncoder().encode(user.userId),
    attestationType: "none",
    excludeCredentials: existing.map((f) => ({ id: f.credentialId!, transports: transportsOf(f.transports) })),
    authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
    timeout: PASSKEY_CHALLENGE_MS,
  });
  const challengeId = await storeChallenge(db, user.userId, "passkey-register", options.challenge, now);
  return { challengeId, options };
}

/**
 * Verifies the browser's answer to a registration challenge and stores the key as a confirmed
 * PASSKEY factor. Null when the challenge is spent, expired, someone else's, or the answer does not
 * verify (wrong site, wrong challenge, malformed).
 */
export async function registerPasskey(
  db: PasskeyDb,
  userId: string,
  input: { challengeId: string; label: string; response: RegistrationResponseJSON },
  rp: RelyingParty,
  now = new Date(),
): Promise<{ id: string } | null> {
  const challenge = await consumeChallenge(db, input.challengeId, userId, "passkey-register", now);
  if (!challenge) return null;
  let verified;
  try {
    verified = await verifyRegistrationResponse({
      response: input.response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: false,
    });
  } catch {
    return null;
  }
  if (!verified.verified) return null;
  const { credential } = verified.registrationInfo;
  const row = await db.authFactor.create({
    data: {
      userId,
      kind: "PASSKEY",
      label: input.label.trim().slice(0, PASSKEY_LABEL_MAX) || "Passkey",
      credentialId: credential.id,
      publicKey: Buffer.from(credential.publicKey),
      counter: BigInt(credential.counter),
      transports: credential.transports ?? [],
      confirmedAt: now,
      createdAt: now,
    },
    select: { id: true },
  });
  return row;
}

/** Options for navigator.credentials.get() with a stored single-use challenge; null without any key. */
export async function passkeyAuthenticationOptions(
  db: PasskeyDb,
  userId: string,
  purpose: "sign-in-passkey" | "step-up-passkey",
  rp: RelyingParty,
  now = new Date(),
): Promise<{ challengeId: string; options: PublicKeyCredentialRequestOptionsJSON } | null> {
  const options = await passkeyRequestOptions(db, userId, rp);
  if (!options) return null;
  const challengeId = await storeChallenge(db, userId, purpose, options.challenge, now);
  return { challengeId, options };
}

/**
 * Verifies a signed challenge with one of the account's keys: the key must be the account's and the
 * signature good for this site and this challenge. A signature counter that goes backwards (a cloned
 * key) is refused. Updates the counter and last use; true when it verified. The caller has already
 * taken the challenge for good (single use).
 */
export async function verifyPasskeyAssertion(
  db: Pick<Db, "authFactor">,
  userId: string,
  expectedChallenge: string,
  response: AuthenticationResponseJSON,
  rp: RelyingParty,
  now = new Date(),
): Promise<boolean> {
  const key = await db.authFactor.findFirst({
    where: { userId, kind: "PASSKEY", confirmedAt: { not: null }, credentialId: response.id },
    select: { id: true, credentialId: true, publicKey: true, counter: true, transports: true },
  });
  if (!key?.publicKey || !key.credentialId) return false;
  let verified;
  try {
    verified = await verifyAuthenticationResponse({
      response,
      expectedChallenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      credential: { id: key.credentialId, publicKey: new Uint8Array(key.publicKey), counter: Number(key.counter ?? 0n), transports: transportsOf(key.transports) },
      requireUserVerification: false,
    });
  } catch {
    return false;
  }
  if (!verified.verified) return false;
  // Conditional on the counter read above: of two racing uses of one signature, one wins.
  const { count } = await db.authFactor.updateMany({
    where: { id: key.id, counter: key.counter },
    data: { counter: BigInt(verified.authenticationInfo.newCounter), lastUsedAt: now },
  });
  return count === 1;
}

/** verifyPasskeyAssertion for a challenge made by passkeyAuthenticationOptions, taken once. */
export async function verifyPasskey(
  db: PasskeyDb,
  userId: string,
  input: { challengeId: string; response: AuthenticationResponseJSON },
  purpose: "sign-in-passkey" | "step-up-passkey",
  rp: RelyingParty,
  now = new Date(),
): Promise<boolean> {
  const challenge = await consumeChallenge(db, input.challengeId, userId, purpose, now);
  if (!challenge) return false;
  return verifyPasskeyAssertion(db, userId, challenge, input.response, rp, now);
}

/**
 * Options for navigator.credentials.get() with a fresh random challenge, limited to the account's
 * own keys; null without any. The caller stores options.challenge where the answer will be checked.
 */
export async function passkeyRequestOptions(
  db: Pick<Db, "authFactor">,
  userId: string,
  rp: RelyingParty,
): Promise<PublicKeyCredentialRequestOptionsJSON | null> {
  const keys = await db.authFactor.findMany({
    where: { userId, kind: "PASSKEY", confirmedAt: { not: null }, credentialId: { not: null } },
    select: { credentialId: true, transports: true },
  });
  if (keys.length === 0) return null;
  return generateAuthenticationOptions({
    rpID: rp.id,
    allowCredentials: keys.map((k) => ({ id: k.credentialId!, transports: transportsOf(k.transports) })),
    userVerification: "preferred",
    timeout: PASSKEY_CHALLENGE_MS,
  });
}
