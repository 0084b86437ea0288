import { beforeEach, describe, expect, it } from "vitest";
import { createUser } from "@/prisma/seed/factories";
import {
  passkeyAuthenticationOptions,
  passkeyRegistrationOptions,
  registerPasskey,
  verifyPasskey,
  type RelyingParty,
} from "@/server/auth/factors/passkeys";
import { SoftAuthenticator } from "@/tests/integration/helpers/soft-authenticator";
import { testDb } from "@/tests/integration/helpers/db";

const db = testDb();
const RP: RelyingParty = { id: "trilogue.test", origin: "https://trilogue.test", name: "Trilogue" };

type Person = { userId: string; email: string; name: string };
let person: Person;

beforeEach(async () => {
  const user = await createUser(db);
  person = { userId: user.id, email: user.email, name: user.name };
});

async function enrol(key = new SoftAuthenticator(), who = person) {
  const { challengeId, options } = await passkeyRegistrationOptions(db, who, RP);
  const stored = await registerPasskey(db, who.userId, { challengeId, label: "Security key", response: key.register(options, RP.origin) }, RP);
  return { key, stored };
}

async function signWith(key: SoftAuthenticator, origin = RP.origin, who = person) {
  const started = await passkeyAuthenticationOptions(db, who.userId, "sign-in-passkey", RP);
  expect(started).not.toBeNull();
  const response = key.assert(started!.options, origin);
  return { started: started!, response, ok: await verifyPasskey(db, who.userId, { challengeId: started!.challengeId, response }, "sign-in-passkey", RP) };
}

describe("passkeys", () => {
  it("registers a key as a confirmed factor and signs in with it, counting signatures", async () => {
    const { key, stored } = await enrol();
    expect(stored).not.toBeNull();
    const factor = await db.authFactor.findUniqueOrThrow({ where: { id: stored!.id } });
    expect(factor).toMatchObject({ kind: "PASSKEY", label: "Security key", credentialId: key.id, userId: person.userId });
    expect(factor.confirmedAt).not.toBeNull();

    expect((await signWith(key)).ok).toBe(true);
    expect((await signWith(key)).ok).toBe(true);
    const after = await db.authFactor.findUniqueOrThrow({ where: { id: stored!.id } });
    expect(after.counter).toBe(2n);
    expect(after.lastUsedAt).not.toBeNull();
  });

  it("excludes the account's own keys when registering another", async () => {
    const { key } = await enrol();
    const { options } = await passkeyRegistrationOptions(db, person, RP);
    expect(options.excludeCredentials?.map((c) => c.id)).toEqual([key.id]);
    expect(options.rp.id).toBe("trilogue.test");
  });

  it("refuses a signature made for a look-alike site", async () => {
    const { key } = await enrol();
    const started = await passkeyAuthenticationOptions(db, person.userId, "sign-in-passkey", RP);
    const phished = key.assert({ ...started!.options, rpId: "trilogue-test.example" }, "https://trilogue-test.example");
    expect(await verifyPasskey(db, person.userId, { challengeId: started!.challengeId, response: phished }, "sign-in-passkey", RP)).toBe(false);
    // The right site's origin with the wrong relying party is refused as well.
    const started2 = await passkeyAuthenticationOptions(db, person.userId, "sign-in-passkey", RP);
    const wrongOrigin = key.assert(started2!.options, "https://evil.example");
    expect(await verifyPasskey(db, person.userId, { challengeId: started2!.challengeId, response: wrongOrigin }, "sign-in-passkey", RP)).toBe(false);
  });

  it("uses a challenge once: a replayed answer is refused", async () => {
    const { key } = await enrol();
    const { started, response, ok } = await signWith(key);
    expect(ok).toBe(true);
    expect(await verifyPasskey(db, person.userId, { challengeId: started.challengeId, response }, "sign-in-passkey", RP)).toBe(false);
  });

  it("refuses a key that is not the account's, and a challenge made for someone else", async () => {
    await enrol();
    const other = await createUser(db);
    const otherPerson = { userId: other.id, email: other.email, name: other.name };
    const { key: othersKey } = await enrol(new SoftAuthenticator(), otherPerson);

    const started = await passkeyAuthenticationOptions(db, person.userId, "sign-in-passkey", RP);
    const foreign = othersKey.assert(started!.options, RP.origin);
    expect(await verifyPasskey(db, person.userId, { challengeId: started!.challengeId, response: foreign }, "sign-in-passkey", RP)).toBe(false);

    // A challenge issued to the other account does not serve this one, even with the right key.
    const theirs = await passkeyAuthenticationOptions(db, other.id, "sign-in-passkey", RP);
    const answer = othersKey.assert(theirs!.options, RP.origin);
    expect(await verifyPasskey(db, person.userId, { challengeId: theirs!.challengeId, response: answer }, "sign-in-passkey", RP)).toBe(false);
  });

  it("refuses a cloned key whose counter went backwards", async () => {
    const { key } = await enrol();
    expect((await signWith(key)).ok).toBe(true);
    expect((await signWith(key)).ok).toBe(true);
    key.counter = 0; // the clone signs with counter 1 again
    expect((await signWith(key)).ok).toBe(false);
  });

  it("refuses an expired challenge and a challenge of another purpose", async () => {
    const { key } = await enrol();
    const past = new Date(Date.now() - 10 * 60_000);
    const old = await passkeyAuthenticationOptions(db, person.userId, "sign-in-passkey", RP, past);
    expect(await verifyPasskey(db, person.userId, { challengeId: old!.challengeId, response: key.assert(old!.options, RP.origin) }, "sign-in-passkey", RP)).toBe(false);

    const stepUp = await passkeyAuthenticationOptions(db, person.userId, "step-up-passkey", RP);
    expect(await verifyPasskey(db, person.userId, { challengeId: stepUp!.challengeId, response: key.assert(stepUp!.options, RP.origin) }, "sign-in-passkey", RP)).toBe(false);
  });

  it("refuses a registration answered for another site, or with a spent challenge", async () => {
    const key = new SoftAuthenticator();
    const { challengeId, options } = await passkeyRegistrationOptions(db, person, RP);
    const wrong = key.register({ ...options, rp: { id: "evil.example" } }, "https://evil.example");
    expect(await registerPasskey(db, person.userId, { challengeId, label: "k", response: wrong }, RP)).toBeNull();
    // The challenge is spent even by a failed answer.
    expect(await registerPasskey(db, person.userId, { challengeId, label: "k", response: key.register(options, RP.origin) }, RP)).toBeNull();
    expect(await db.authFactor.count({ where: { userId: person.userId } })).toBe(0);
  });

  it("offers no sign-in challenge to an account without a passkey", async () => {
    expect(await passkeyAuthenticationOptions(db, person.userId, "sign-in-passkey", RP)).toBeNull();
  });
});
