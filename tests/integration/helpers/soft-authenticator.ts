import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import { isoBase64URL, isoCBOR } from "@simplewebauthn/server/helpers";

/**
 * A software WebAuthn authenticator for tests without a browser: an ES256 key pair, "none"
 * attestation, and a signature counter. It signs what a real authenticator signs (authenticator
 * data || SHA-256(clientDataJSON)), for the origin and relying party it is told — so a test can
 * also play a look-alike site and see the server refuse it.
 */
export class SoftAuthenticator {
  readonly credentialId = randomBytes(16);
  private readonly privateKey: KeyObject;
  private readonly x: Buffer;
  private readonly y: Buffer;
  counter = 0;

  constructor() {
    const pair = generateKeyPairSync("ec", { namedCurve: "P-256" });
    this.privateKey = pair.privateKey;
    const jwk = pair.publicKey.export({ format: "jwk" });
    this.x = Buffer.from(jwk.x!, "base64url");
    this.y = Buffer.from(jwk.y!, "base64url");
  }

  get id(): string {
    return isoBase64URL.fromBuffer(new Uint8Array(this.credentialId));
  }

  private authData(rpId: string, withCredential: boolean): Buffer {
    const rpIdHash = createHash("sha256").update(rpId).digest();
    // UP (user present) | UV (user verified) | AT (attested credential data follows)
    const flags = Buffer.from([0x01 | 0x04 | (withCredential ? 0x40 : 0)]);
    const count = Buffer.alloc(4);
    count.writeUInt32BE(this.counter);
    if (!withCredential) return Buffer.concat([rpIdHash, flags, count]);
    const key = new Map<number, unknown>([
      [1, 2], // kty: EC2
      [3, -7], // alg: ES256
      [-1, 1], // crv: P-256
      [-2, new Uint8Array(this.x)],
      [-3, new Uint8Array(this.y)],
    ]);
    const cose = Buffer.from(isoCBOR.encode(key as Parameters<typeof isoCBOR.encode>[0]));
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(this.credentialId.length);
    return Buffer.concat([rpIdHash, flags, count, Buffer.alloc(16), idLength, this.credentialId, cose]);
  }

  private clientData(type: string, challenge: string, origin: string): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  }

  /** The browser's answer to navigator.credentials.create() with these options. */
  register(options: { challenge: string; rp: { id?: string } }, origin: string) {
    const rpId = options.rp.id ?? new URL(origin).hostname;
    const attestation = new Map<string, unknown>([
      ["fmt", "none"],
      ["attStmt", new Map()],
      ["authData", new Uint8Array(this.authData(rpId, true))],
    ]);
    const attestationObject = isoCBOR.encode(attestation as Parameters<typeof isoCBOR.encode>[0]);
    return {
      id: this.id,
      rawId: this.id,
      type: "public-key" as const,
      response: {
        clientDataJSON: isoBase64URL.fromBuffer(new Uint8Array(this.clientData("webauthn.create", options.challenge, origin))),
        attestationObject: isoBase64URL.fromBuffer(attestationObject),
        transports: ["internal" as const],
      },
      clientExtensionResults: {},
    };
  }

  /** The browser's answer to navigator.credentials.get(); the counter goes up by one. */
  assert(options: { challenge: string; rpId?: string }, origin: string) {
    this.counter += 1;
    const rpId = options.rpId ?? new URL(origin).hostname;
    const authenticatorData = this.authData(rpId, false);
    const clientDataJSON = this.clientData("webauthn.get", options.challenge, origin);
    const signed = Buffer.concat([authenticatorData, createHash("sha256").update(clientDataJSON).digest()]);
    const signature = sign("sha256", signed, this.privateKey);
    return {
      id: this.id,
      rawId: this.id,
      type: "public-key" as const,
      response: {
        clientDataJSON: isoBase64URL.fromBuffer(new Uint8Array(clientDataJSON)),
        authenticatorData: isoBase64URL.fromBuffer(new Uint8Array(authenticatorData)),
        signature: isoBase64URL.fromBuffer(new Uint8Array(signature)),
      },
      clientExtensionResults: {},
    };
  }
}
