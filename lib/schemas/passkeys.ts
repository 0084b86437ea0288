import { z } from "zod";
import { id } from "@/lib/schemas/common";

const b64url = (max: number) => z.string().max(max, "That answer is too long").regex(/^[A-Za-z0-9_-]*$/, "Not a WebAuthn answer");

/** The browser's answer to navigator.credentials.create(), as @simplewebauthn/browser sends it. */
export const registrationResponse = z.object({
  id: b64url(1400),
  rawId: b64url(1400),
  type: z.literal("public-key"),
  response: z.object({
    clientDataJSON: b64url(4000),
    attestationObject: b64url(16_000),
    authenticatorData: b64url(8000).optional(),
    transports: z.array(z.string().max(20)).max(10).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: b64url(4000).optional(),
  }),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
  clientExtensionResults: z.record(z.string().max(64), z.unknown()).default({}),
});

/** The browser's answer to navigator.credentials.get(). */
export const authenticationResponse = z.object({
  id: b64url(1400),
  rawId: b64url(1400),
  type: z.literal("public-key"),
  response: z.object({
    clientDataJSON: b64url(4000),
    authenticatorData: b64url(8000),
    signature: b64url(2000),
    userHandle: b64url(200).optional(),
  }),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
  clientExtensionResults: z.record(z.string().max(64), z.unknown()).default({}),
});

export const passkeyLabel = z.string().trim().min(1, "Name the key, e.g. \"Laptop\" or \"YubiKey\"").max(60, "Keep the name under 60 characters");

export const registerPasskeySchema = z.object({ challengeId: id, label: passkeyLabel, response: registrationResponse });
export const passkeyFormSchema = z.object({ label: passkeyLabel });
