import { beforeAll, describe, expect, it } from "vitest";
import { PEER_HEADER } from "@/server/client-address";
import { authOptions } from "@/server/auth/options";
import { hashPassword } from "@/server/auth/password";
import { relyingParty } from "@/server/auth/factors/passkeys";
import { createUser } from "@/prisma/seed/factories";
import { SIGN_IN_EXPIRED, WRONG_CODE, signInProblem } from "@/lib/sign-in-errors";
import { callerFor, outcomeOf } from "@/tests/integration/helpers/callers";
import { testDb } from "@/tests/integration/helpers/db";
import { SoftAuthenticator } from "@/tests/integration/helpers/soft-authenticator";
import { createCaller } from "@/server/trpc/root";

// Passkeys end to end through the server: added on the account page's procedures (step-up), then
// sign-in's second step answered by the key — through NextAuth's own authorize, as the form does.

const db = testDb();
const PASSWORD = "correct-horse-battery";
const ADDRESS = "198.51.100.60";
const HEADERS = { "user-agent": "test", "x-forwarded-for": ADDRESS, [PEER_HEADER]: ADDRESS };
// What both the account page's calls and authorize see here: the same site.
const RP = relyingParty(new Headers());
let passwordHash: string;

beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});

type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<{ id: string; sessionId?: string }>;

function authorize(credentials: Record<string, string>, headers: Record<string, string> = HEADERS) {
  const provider = authOptions().providers[0] as unknown as { options: { authorize: Authorize } };
  return provider.options.authorize(credentials, { headers });
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected a refusal");
}

/** The public options call as the sign-in page makes it (no one signed in). */
function publicCaller(address = ADDRESS) {
  return createCaller({ db, viewer: null, headers: new Headers({ "x-forwarded-for": address, [PEER_HEADER]: address }) });
}

async function withPasskey(email: string) {
  const user = await createUser(db, { email, name: "Key Holder", passwordHash });
  const caller = await callerFor(db, user.id);
  const key = new SoftAuthenticator();
  const { challengeId, options } = await caller.me.passkeys.start();
  const added = await caller.me.passkeys.finish({ challengeId, label: "YubiKey", response: key.register(options, RP.origin) });
  return { user, caller, key, added };
}

async function passwordStep(email: string) {
  const problem = signInProblem(await refusal(authorize({ email, password: PASSWORD })));
  if (problem?.kind !== "second-factor") throw new Error("expected a second step");
  return problem;
}

describe("passkey sign-in", () => {
  it("adding the first passkey gives recovery codes; sign-in then asks for the key and opens a PASSKEY session", async () => {
    const { user, key, added } = await withPasskey("first@passkey.test");
    expect(added.recoveryCodes).toHaveLength(10);
    expect(await db.recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(10);

    const step = await passwordStep("first@passkey.test");
    expect(step.methods).toEqual(["passkey", "recovery"]);
    const options = await publicCaller().signIn.passkeyOptions({ challengeId: step.challengeId });
    expect(options.allowCredentials?.map((c) => c.id)).toEqual([key.id]);

    const signedIn = await authorize({ challengeId: step.challengeId, method: "passkey", assertion: JSON.stringify(key.assert(options, RP.origin)) });
    expect(signedIn.id).toBe(user.id);
    const session = await db.signInSession.findUniqueOrThrow({ where: { id: signedIn.sessionId! } });
    expect(session.signedInWith).toBe("PASSKEY");
    // The challenge is spent: the same answer cannot open a second session.
    expect(await refusal(authorize({ challengeId: step.challengeId, method: "passkey", assertion: JSON.stringify(key.assert(options, RP.origin)) }))).toBe(SIGN_IN_EXPIRED);
  });

  it("refuses another key, counts it as a failed attempt, and still takes the right one", async () => {
    const { user, key } = await withPasskey("wrong@passkey.test");
    const stranger = new SoftAuthenticator();
    const step = await passwordStep("wrong@passkey.test");
    const options = await publicCaller().signIn.passkeyOptions({ challengeId: step.challengeId });
    const failuresBefore = await db.signInAttempt.count({ where: { email: "wrong@passkey.test", succeeded: false } });
    expect(await refusal(authorize({ challengeId: step.challengeId, method: "passkey", assertion: JSON.stringify(stranger.assert(options, RP.origin)) }))).toBe(WRONG_CODE);
    expect(await db.signInAttempt.count({ where: { email: "wrong@passkey.test", succeeded: false } })).toBe(failuresBefore + 1);
    expect((await db.signInChallenge.findUniqueOrThrow({ where: { id: step.challengeId } })).failures).toBe(1);

    const signedIn = await authorize({ challengeId: step.challengeId, method: "passkey", assertion: JSON.stringify(key.assert(options, RP.origin)) });
    expect(signedIn.id).toBe(user.id);
  });

  it("refuses an answer signed for a look-alike site, and one to a challenge never asked for", async () => {
    const { key } = await withPasskey("phish@passkey.test");
    const step = await passwordStep("phish@passkey.test");
    // No options call yet: there is no WebAuthn challenge on the row to answer.
    const unasked = key.assert({ challenge: "bm90LWFza2Vk" }, RP.origin);
    expect(await refusal(authorize({ challengeId: step.challengeId, method: "passkey", assertion: JSON.stringify(unasked) }))).toBe(WRONG_CODE);

    const options = await publicCaller().signIn.passkeyOptions({ challengeId: step.challengeId });
    const phished = key.assert({ ...options, rpId: "trilogue.example.net" }, "https://trilogue.example.net");
    expect(await refusal(authorize({ challengeId: step.challengeId, method: "passkey", assertion: JSON.stringify(phished) }))).toBe(WRONG_CODE);
    // Garbage instead of an answer is a wrong answer too, not an error.
    expect(await refusal(authorize({ challengeId: step.challengeId, method: "passkey", assertion: "{\"id\":1}" }))).toBe(WRONG_CODE);
  });

  it("answers no options for an unknown challenge, one from another address, or one already used", async () => {
    await withPasskey("options@passkey.test");
    expect(await outcomeOf(() => publicCaller().signIn.passkeyOptions({ challengeId: "x".repeat(32) }))).toBe("UNAUTHORIZED");
    const step = await passwordStep("options@passkey.test");
    expect(await outcomeOf(() => publicCaller("203.0.113.9").signIn.passkeyOptions({ challengeId: step.challengeId }))).toBe("UNAUTHORIZED");
    await db.signInChallenge.update({ where: { id: step.challengeId }, data: { usedAt: new Date() } });
    expect(await outcomeOf(() => publicCaller().signIn.passkeyOptions({ challengeId: step.challengeId }))).toBe("UNAUTHORIZED");
  });

  it("adding a passkey is a step-up action, and a failed answer stores nothing", async () => {
    const user = await createUser(db, { email: "stale@passkey.test", name: "Stale", passwordHash });
    const stale = await callerFor(db, user.id, { authenticatedAt: Date.now() - 60 * 60_000 });
    expect(await outcomeOf(() => stale.me.passkeys.start())).toBe("FORBIDDEN");

    const fresh = await callerFor(db, user.id);
    const { challengeId, options } = await fresh.me.passkeys.start();
    const key = new SoftAuthenticator();
    const wrongSite = key.register({ ...options, rp: { id: "evil.example" } }, "https://evil.example");
    expect(await outcomeOf(() => fresh.me.passkeys.finish({ challengeId, label: "Key", response: wrongSite }))).toBe("BAD_REQUEST");
    expect(await db.authFactor.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
  });

  it("a second key adds no new recovery codes; both keys are listed as factors", async () => {
    const { caller } = await withPasskey("two@passkey.test");
    const second = new SoftAuthenticator();
    const { challengeId, options } = await caller.me.passkeys.start();
    expect(options.excludeCredentials).toHaveLength(1);
    const added = await caller.me.passkeys.finish({ challengeId, label: "Laptop", response: second.register(options, RP.origin) });
    expect(added.recoveryCodes).toBeNull();
    const { factors } = await caller.me.factors.list();
    expect(factors.map((f) => [f.kind, f.label])).toEqual([["PASSKEY", "YubiKey"], ["PASSKEY", "Laptop"]]);
  });
});
