import type { JWT } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { PEER_HEADER } from "@/server/client-address";
import { authOptions } from "@/server/auth/options";
import { hashPassword } from "@/server/auth/password";
import { totpCodeAt } from "@/server/auth/factors/totp";
import { MAX_FAILURES_PER_ACCOUNT } from "@/server/auth/throttle";
import { createUser } from "@/prisma/seed/factories";
import { SIGN_IN_EXPIRED, WRONG_CODE, signInProblem } from "@/lib/sign-in-errors";
import { callerFor, outcomeOf } from "@/tests/integration/helpers/callers";
import { testDb } from "@/tests/integration/helpers/db";

const db = testDb();
const PASSWORD = "correct-horse-battery";
const ADDRESS = "198.51.100.40";
let passwordHash: string;

beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});

type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<{ id: string; sessionId?: string }>;

function authorize(credentials: Record<string, string>, address = ADDRESS) {
  const provider = authOptions().providers[0] as unknown as { options: { authorize: Authorize } };
  return provider.options.authorize(credentials, { headers: { "user-agent": "test", "x-forwarded-for": address, [PEER_HEADER]: address } });
}

/** What authorize threw (the message NextAuth hands the form). */
async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected a refusal");
}

/** Step one: the right password of an account with a factor answers a challenge, not a session. */
async function passwordStep(email: string, address = ADDRESS) {
  const message = await refusal(authorize({ email, password: PASSWORD }, address));
  const problem = signInProblem(message);
  if (problem?.kind !== "second-factor") throw new Error(`expected a second step, got ${message}`);
  return problem;
}

/** An account with a confirmed authenticator app, enrolled through the account page's procedures. */
async function enrolled(email: string) {
  const user = await createUser(db, { email, name: "Two Step", passwordHash });
  const caller = await callerFor(db, user.id);
  const start = await caller.me.factors.startTotp({ label: "Phone" });
  const secret = new URL(start.uri).searchParams.get("secret")!;
  expect(start.secret.replace(/ /g, "")).toBe(secret);
  // A code from the previous step confirms, so the sign-in below can use the current one.
  const { recoveryCodes } = await caller.me.factors.confirmTotp({ factorId: start.factorId, code: totpCodeAt(secret, Date.now() - 30_000) });
  return { user, caller, secret, factorId: start.factorId, recoveryCodes: recoveryCodes! };
}

describe("two-step sign-in", () => {
  it("enrol → confirm → sign-in asks for the code, opens no session until it comes, then opens one signed in with TOTP", async () => {
    const { user, secret, recoveryCodes } = await enrolled("enrol@twostep.test");
    expect(recoveryCodes).toHaveLength(10);
    const before = await db.signInSession.count({ where: { userId: user.id } });

    const step = await passwordStep("enrol@twostep.test");
    expect(step.methods).toEqual(["totp", "recovery"]);
    expect(await db.signInSession.count({ where: { userId: user.id } })).toBe(before);
    const challenge = await db.signInChallenge.findUniqueOrThrow({ where: { id: step.challengeId } });
    expect(challenge).toMatchObject({ userId: user.id, purpose: "sign-in", address: ADDRESS, usedAt: null });
    expect(challenge.expiresAt.getTime() - challenge.createdAt.getTime()).toBe(5 * 60_000);

    const signedIn = await authorize({ challengeId: step.challengeId, code: totpCodeAt(secret, Date.now()), method: "totp" });
    expect(signedIn.id).toBe(user.id);
    const session = await db.signInSession.findUniqueOrThrow({ where: { id: signedIn.sessionId! } });
    expect(session.signedInWith).toBe("TOTP");
    expect(Date.now() - session.authenticatedAt.getTime()).toBeLessThan(60_000);
    const jwt = authOptions().callbacks!.jwt! as unknown as (p: { token: JWT; user: unknown }) => JWT;
    expect(jwt({ token: {}, user: signedIn }).sid).toBe(signedIn.sessionId);
  });

  it("a password-only account signs in in one step, signed in with PASSWORD", async () => {
    const user = await createUser(db, { email: "plain@twostep.test", name: "Plain", passwordHash });
    const signedIn = await authorize({ email: "plain@twostep.test", password: PASSWORD });
    expect(signedIn.id).toBe(user.id);
    expect((await db.signInSession.findUniqueOrThrow({ where: { id: signedIn.sessionId! } })).signedInWith).toBe("PASSWORD");
  });

  it("a wrong code is refused in plain words; a used code is refused again (replay)", async () => {
    const { secret } = await enrolled("replay@twostep.test");
    const step = await passwordStep("replay@twostep.test");
    const code = totpCodeAt(secret, Date.now());
    const wrong = code === "000000" ? "111111" : "000000";
    expect(await refusal(authorize({ challengeId: step.challengeId, code: wrong, method: "totp" }))).toBe(WRONG_CODE);
    expect(signInProblem(WRONG_CODE)).toEqual({ kind: "message", text: WRONG_CODE });
    await authorize({ challengeId: step.challengeId, code, method: "totp" });

    const again = await passwordStep("replay@twostep.test");
    expect(await refusal(authorize({ challengeId: again.challengeId, code, method: "totp" }))).toBe(WRONG_CODE);
  });

  it("a recovery code signs in once, signed in with RECOVERY; the same code again is refused", async () => {
    const { recoveryCodes } = await enrolled("recovery@twostep.test");
    const step = await passwordStep("recovery@twostep.test");
    const signedIn = await authorize({ challengeId: step.challengeId, code: recoveryCodes[0]!.toUpperCase(), method: "recovery" });
    expect((await db.signInSession.findUniqueOrThrow({ where: { id: signedIn.sessionId! } })).signedInWith).toBe("RECOVERY");
    const again = await passwordStep("recovery@twostep.test");
    expect(await refusal(authorize({ challengeId: again.challengeId, code: recoveryCodes[0]!, method: "recovery" }))).toBe(WRONG_CODE);
  });

  it("a challenge is single use, dies after five minutes, and answers only at the address it was made for", async () => {
    const { secret } = await enrolled("expiry@twostep.test");
    const used = await passwordStep("expiry@twostep.test");
    await authorize({ challengeId: used.challengeId, code: totpCodeAt(secret, Date.now()), method: "totp" });
    expect(await refusal(authorize({ challengeId: used.challengeId, code: totpCodeAt(secret, Date.now() + 30_000), method: "totp" }))).toBe(SIGN_IN_EXPIRED);
    expect(signInProblem(SIGN_IN_EXPIRED)?.kind).toBe("expired");

    const stale = await passwordStep("expiry@twostep.test");
    await db.signInChallenge.update({ where: { id: stale.challengeId }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect(await refusal(authorize({ challengeId: stale.challengeId, code: totpCodeAt(secret, Date.now() + 30_000), method: "totp" }))).toBe(SIGN_IN_EXPIRED);

    const elsewhere = await passwordStep("expiry@twostep.test");
    expect(await refusal(authorize({ challengeId: elsewhere.challengeId, code: totpCodeAt(secret, Date.now() + 30_000), method: "totp" }, "203.0.113.9"))).toBe(SIGN_IN_EXPIRED);
    expect(await refusal(authorize({ challengeId: "made-up-challenge-id-0123456789", code: "123456", method: "totp" }))).toBe(SIGN_IN_EXPIRED);
  });

  it("wrong codes count in the throttle like wrong passwords: five lock the account, and the challenge dies", async () => {
    const { user, secret } = await enrolled("throttle@twostep.test");
    const step = await passwordStep("throttle@twostep.test", "198.51.100.41");
    const code = totpCodeAt(secret, Date.now());
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      expect(await refusal(authorize({ challengeId: step.challengeId, code: wrong, method: "totp" }, "198.51.100.41"))).toBe(WRONG_CODE);
    }
    expect(await db.signInAttempt.count({ where: { email: user.email, succeeded: false } })).toBe(MAX_FAILURES_PER_ACCOUNT);
    // The challenge is dead even for the right code.
    expect(await refusal(authorize({ challengeId: step.challengeId, code, method: "totp" }, "198.51.100.41"))).toBe(SIGN_IN_EXPIRED);
    // And the account is locked for the password too, from any address.
    expect(await refusal(authorize({ email: "throttle@twostep.test", password: PASSWORD }, "198.51.100.42"))).toMatch(/^Too many failed attempts/);
  });

  it("a second step on a fresh challenge is throttled once the account has five failures", async () => {
    const { secret } = await enrolled("locked@twostep.test");
    const step = await passwordStep("locked@twostep.test");
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      await db.signInAttempt.create({ data: { email: "locked@twostep.test", address: `10.9.0.${i}`, succeeded: false } });
    }
    expect(await refusal(authorize({ challengeId: step.challengeId, code: totpCodeAt(secret, Date.now()), method: "totp" }))).toMatch(/^Too many failed attempts/);
  });
});

describe("managing factors", () => {
  it("confirming needs a right code; the first factor answers ten recovery codes, a second one none", async () => {
    const { caller, secret } = await enrolled("manage@twostep.test");
    const second = await caller.me.factors.startTotp({ label: "Tablet" });
    expect(await outcomeOf(() => caller.me.factors.confirmTotp({ factorId: second.factorId, code: totpCodeAt(secret, Date.now()) === "000000" ? "111111" : "000000" }))).toBe("BAD_REQUEST");
    const secondSecret = new URL(second.uri).searchParams.get("secret")!;
    const { recoveryCodes } = await caller.me.factors.confirmTotp({ factorId: second.factorId, code: totpCodeAt(secondSecret, Date.now()) });
    expect(recoveryCodes).toBeNull();
    const { factors, recoveryCodesLeft } = await caller.me.factors.list();
    expect(factors.map((f) => f.label)).toEqual(["Phone", "Tablet"]);
    expect(recoveryCodesLeft).toBe(10);
    // The secret is stored encrypted only.
    const row = await db.authFactor.findUniqueOrThrow({ where: { id: second.factorId } });
    expect(row.secret).not.toContain(secondSecret);
  });

  it("an unconfirmed set-up does not ask for a second step at sign-in", async () => {
    const user = await createUser(db, { email: "pending@twostep.test", name: "Pending", passwordHash });
    const caller = await callerFor(db, user.id);
    await caller.me.factors.startTotp({ label: "Phone" });
    expect((await authorize({ email: "pending@twostep.test", password: PASSWORD })).id).toBe(user.id);
  });

  it("removing the last factor needs the password AND a current factor; removing one of two does not", async () => {
    const { user, caller, secret, factorId, recoveryCodes } = await enrolled("remove@twostep.test");
    const second = await caller.me.factors.startTotp({ label: "Tablet" });
    const secondSecret = new URL(second.uri).searchParams.get("secret")!;
    await caller.me.factors.confirmTotp({ factorId: second.factorId, code: totpCodeAt(secondSecret, Date.now()) });
    expect(await caller.me.factors.remove({ factorId: second.factorId })).toEqual({ ok: true, last: false });

    expect(await outcomeOf(() => caller.me.factors.remove({ factorId }))).toBe("BAD_REQUEST");
    expect(await outcomeOf(() => caller.me.factors.remove({ factorId, password: PASSWORD }))).toBe("BAD_REQUEST");
    expect(await outcomeOf(() => caller.me.factors.remove({ factorId, password: "not-the-password", code: totpCodeAt(secret, Date.now()) }))).toBe("BAD_REQUEST");
    expect(await outcomeOf(() => caller.me.factors.remove({ factorId, password: PASSWORD, code: "000000" === totpCodeAt(secret, Date.now()) ? "111111" : "000000" }))).toBe("BAD_REQUEST");
    expect(await db.authFactor.count({ where: { userId: user.id } })).toBe(1);

    expect(await caller.me.factors.remove({ factorId, password: PASSWORD, code: recoveryCodes[1]! })).toEqual({ ok: true, last: true });
    expect(await db.authFactor.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    // Back to one step.
    expect((await authorize({ email: "remove@twostep.test", password: PASSWORD })).id).toBe(user.id);
  });

  it("another account's factor looks missing", async () => {
    const { factorId } = await enrolled("owner@twostep.test");
    const other = await createUser(db, { email: "other@twostep.test", name: "Other", passwordHash });
    const caller = await callerFor(db, other.id);
    expect(await outcomeOf(() => caller.me.factors.remove({ factorId, password: PASSWORD, code: "123456" }))).toBe("NOT_FOUND");
    expect(await outcomeOf(() => caller.me.factors.confirmTotp({ factorId, code: "123456" }))).toBe("NOT_FOUND");
  });

  it("regenerating recovery codes replaces all of them", async () => {
    const { caller, recoveryCodes } = await enrolled("regen@twostep.test");
    const { recoveryCodes: fresh } = await caller.me.factors.regenerateRecoveryCodes();
    expect(fresh).toHaveLength(10);
    const step = await passwordStep("regen@twostep.test");
    expect(await refusal(authorize({ challengeId: step.challengeId, code: recoveryCodes[0]!, method: "recovery" }))).toBe(WRONG_CODE);
    const again = await passwordStep("regen@twostep.test");
    await expect(authorize({ challengeId: again.challengeId, code: fresh[0]!, method: "recovery" })).resolves.toMatchObject({ id: expect.any(String) });
  });

  it("every AuthFactor write is announced to the held viewers (trigger on 'trilogue_viewer')", async () => {
    const triggers = await db.$queryRaw<{ tgname: string }[]>`SELECT tgname FROM pg_trigger WHERE tgrelid = '"AuthFactor"'::regclass AND NOT tgisinternal ORDER BY tgname`;
    expect(triggers.map((t) => t.tgname)).toEqual(["AuthFactor_notify_viewer", "AuthFactor_notify_viewer_truncate"]);
  });
});

describe("changing factors is a step-up action", () => {
  it("a session that proved itself more than 15 minutes ago is asked to confirm; listing is not", async () => {
    const user = await createUser(db, { email: "stale@twostep.test", name: "Stale", passwordHash });
    const stale = await callerFor(db, user.id, { authenticatedAt: Date.now() - 16 * 60_000 });
    expect(await outcomeOf(() => stale.me.factors.startTotp({ label: "Phone" }))).toBe("FORBIDDEN");
    expect(await outcomeOf(() => stale.me.factors.regenerateRecoveryCodes())).toBe("FORBIDDEN");
    expect(await outcomeOf(() => stale.me.factors.remove({ factorId: "no-such-factor" }))).toBe("FORBIDDEN");
    expect(await outcomeOf(() => stale.me.factors.confirmTotp({ factorId: "no-such-factor", code: "123456" }))).toBe("FORBIDDEN");
    expect(await outcomeOf(() => stale.me.factors.list())).toBe("OK");
    expect(await db.authFactor.count({ where: { userId: user.id } })).toBe(0);
  });
});
