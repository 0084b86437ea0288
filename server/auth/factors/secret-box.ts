import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/server/env";

// TOTP secrets are encrypted at rest (OWASP ASVS 4.0 V2.9.2, V6.2): AES-256-GCM under a key derived
// from NEXTAUTH_SECRET with HKDF-SHA256, so a copy of the database alone does not yield the secrets.
// The owning user's id is the additional authenticated data: a secret moved to another row fails.
// Stored as "v1.<iv>.<tag>.<ciphertext>" (base64url); the version names the key derivation.

const VERSION = "v1";
const INFO = "trilogue/auth-factor-secret/v1";
const SALT = "trilogue-auth-factors";

const keys = new Map<string, Buffer>();

/** The 32-byte key for `masterSecret` (NEXTAUTH_SECRET unless given). */
export function factorSecretKey(masterSecret: string = env().NEXTAUTH_SECRET): Buffer {
  let key = keys.get(masterSecret);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", masterSecret, SALT, INFO, 32));
    keys.set(masterSecret, key);
  }
  return key;
}

export function encryptFactorSecret(plain: string, userId: string, key: Buffer = factorSecretKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(userId, "utf8"));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv.toString("base64url"), tag.toString("base64url"), body.toString("base64url")].join(".");
}

/** The plain secret, or null when the stored value was not made by this key for this user. */
export function decryptFactorSecret(stored: string, userId: string, key: Buffer = factorSecretKey()): string | null {
  const parts = stored.split(".");
  if (parts.length !== 4 || parts[0] !== VERSION) return null;
  try {
    const [, iv, tag, body] = parts as [string, string, string, string];
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(userId, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
