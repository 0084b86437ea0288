import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { authenticate, WRONG_CREDENTIALS } from "@/server/auth/authenticate";
import { hashPassword } from "@/server/auth/password";
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS } from "@/server/auth/throttle";
import { loadViewer } from "@/server/access";
import { markPeerHeaderSet, parseTrustedProxies, PEER_HEADER, requestClientAddress } from "@/server/client-address";
import { createUser } from "@/prisma/seed/factories";
import { callerFor, outcomeOf } from "@/tests/integration/helpers/callers";
import { testDb } from "@/tests/integration/helpers/db";

const db = testDb();
const PASSWORD = "correct-horse-battery";
let passwordHash: string;

beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e as { code: string; message: string },
  );
  expect(error).not.toBeNull();
  return error!;
}

describe("sign-in", () => {
  it("accepts the right password, case-insensitively on the email, and records the attempt", async () => {
    const user = await createUser(db, { email: "ok@auth.test", name: "Ok", passwordHash });
    const result = await authenticate(db, { email: "  OK@Auth.test ", password: PASSWORD }, "10.0.0.1");
    expect(result.id).toBe(user.id);
    expect(await db.signInAttempt.count({ where: { email: "ok@auth.test", succeeded: true } })).toBe(1);
  });

  it("says the same thing for a wrong password and an unknown account", async () => {
    await createUser(db, { email: "wrong@auth.test", name: "Wrong", passwordHash });
    const wrong = await failure(authenticate(db, { email: "wrong@auth.test", password: "nope-nope-nope" }, "10.0.0.2"));
    const unknown = await failure(authenticate(db, { email: "nobody@auth.test", password: "nope-nope-nope" }, "10.0.0.2"));
    expect(wrong.message).toBe(WRONG_CREDENTIALS);
    expect(unknown.message).toBe(WRONG_CREDENTIALS);
  });

  it("refuses a deactivated account even with the right password", async () => {
    await createUser(db, { email: "gone@auth.test", name: "Gone", passwordHash, deactivatedAt: new Date() });
    const error = await failure(authenticate(db, { email: "gone@auth.test", password: PASSWORD }, "10.0.0.3"));
    expect(error.message).toBe(WRONG_CREDENTIALS);
  });

  it(`locks an account after ${MAX_FAILURES_PER_ACCOUNT} failures in 15 minutes, even for the right password`, async () => {
    await createUser(db, { email: "locked@auth.test", name: "Locked", passwordHash });
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      await failure(authenticate(db, { email: "locked@auth.test", password: `guess-${i}-xxxxxx` }, `10.1.0.${i}`));
    }
    const error = await failure(authenticate(db, { email: "locked@auth.test", password: PASSWORD }, "10.1.1.1"));
    expect(error.code).toBe("TOO_MANY_REQUESTS");
    expect(error.message).toMatch(/^Too many failed attempts\. Try again in 15 minutes\.$/);
  });

  it("frees the account once the failures are older than the window", async () => {
    await createUser(db, { email: "later@auth.test", name: "Later", passwordHash });
    const old = new Date(Date.now() - 16 * 60_000);
    await db.signInAttempt.createMany({
      data: Array.from({ length: MAX_FAILURES_PER_ACCOUNT }, () => ({ email: "later@auth.test", address: "10.2.0.1", succeeded: false, createdAt: old })),
    });
    await expect(authenticate(db, { email: "later@auth.test", password: PASSWORD }, "10.2.0.1")).resolves.toMatchObject({ email: "later@auth.test" });
  });

  it(`locks an address after ${MAX_FAILURES_PER_ADDRESS} failures across accounts`, async () => {
    await createUser(db, { email: "victim@auth.test", name: "Victim", passwordHash });
    await db.signInAttempt.createMany({
      data: Array.from({ length: MAX_FAILURES_PER_ADDRESS }, (_, i) => ({ email: `spray${i}@auth.test`, address: "10.9.9.9", succeeded: false })),
    });
    const error = await failure(authenticate(db, { email: "victim@auth.test", password: PASSWORD }, "10.9.9.9"));
    expect(error.code).toBe("TOO_MANY_REQUESTS");
    await expect(authenticate(db, { email: "victim@auth.test", password: PASSWORD }, "10.9.9.10")).resolves.toBeTruthy();
  });
});

describe("client address for the throttle", () => {
  // markPeerHeaderSet() is process-wide, and files share one process: later files expect `next dev` addressing.
  afterEach(() => {
    (globalThis as { trilogueServesPeer?: boolean }).trilogueServesPeer = undefined;
  });

  it("a spoofed X-Forwarded-For does not dodge the address throttle: it counts the socket's peer", async () => {
    markPeerHeaderSet();
    await createUser(db, { email: "spoof-victim@auth.test", name: "Spoof Victim", passwordHash });
    const untrusted = parseTrustedProxies("");
    const requestFrom = (i: number) =>
      new Headers({ [PEER_HEADER]: "::ffff:198.51.100.66", "x-forwarded-for": `203.0.113.${i}, 10.0.0.${i}` });
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      const address = requestClientAddress(requestFrom(i), untrusted);
      await failure(authenticate(db, { email: `spoof${i}@auth.test`, password: "guess-guess-guess" }, address));
    }
    expect(await db.signInAttempt.count({ where: { address: "198.51.100.66" } })).toBe(MAX_FAILURES_PER_ADDRESS);
    const error = await failure(
      authenticate(db, { email: "spoof-victim@auth.test", password: PASSWORD }, requestClientAddress(requestFrom(99), untrusted)),
    );
    expect(error.code).toBe("TOO_MANY_REQUESTS");
  });

  it("behind a trusted proxy, the right-most untrusted X-Forwarded-For entry is throttled, not a forged left one", async () => {
    markPeerHeaderSet();
    const proxies = parseTrustedProxies("10.0.0.0/8");
    await createUser(db, { email: "behind-lb@auth.test", name: "Behind", passwordHash });
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      const headers = new Headers({ [PEER_HEADER]: "10.0.0.2", "x-forwarded-for": `203.0.113.${i}, 198.51.100.77` });
      await failure(authenticate(db, { email: `lb${i}@auth.test`, password: "guess-guess-guess" }, requestClientAddress(headers, proxies)));
    }
    const headers = new Headers({ [PEER_HEADER]: "10.0.0.3", "x-forwarded-for": "1.1.1.1, 198.51.100.77" });
    expect((await failure(authenticate(db, { email: "behind-lb@auth.test", password: PASSWORD }, requestClientAddress(headers, proxies)))).code).toBe(
      "TOO_MANY_REQUESTS",
    );
  });
});

describe("sessions", () => {
  it("a deactivated user's existing session stops at its next request", async () => {
    const admin = await createUser(db, { email: "admin@auth.test", name: "Admin", passwordHash, isAdmin: true });
    const user = await createUser(db, { email: "soon-gone@auth.test", name: "Soon Gone", passwordHash });
    const signedInAt = Date.now() + 1;
    expect(await loadViewer(db, user.id, signedInAt)).not.toBeNull();
    const asAdmin = await callerFor(db, admin.id);
    await new Promise((r) => setTimeout(r, 5));
    await asAdmin.admin.users.setActive({ userId: user.id, active: false });
    expect(await loadViewer(db, user.id, signedInAt)).toBeNull();
    // Reactivation does not revive sessions issued before the deactivation.
    await asAdmin.admin.users.setActive({ userId: user.id, active: true });
    expect(await loadViewer(db, user.id, signedInAt)).toBeNull();
    expect(await loadViewer(db, user.id, Date.now() + 1000)).not.toBeNull();
  });

  it("changing the password needs the current one, at least 12 characters, and ends older sessions", async () => {
    const user = await createUser(db, { email: "pw@auth.test", name: "Pw", passwordHash });
    const me = await callerFor(db, user.id);
    expect(
      await outcomeOf(() => me.me.changePassword({ currentPassword: PASSWORD, newPassword: "short", confirmPassword: "short" })),
    ).toBe("BAD_REQUEST");
    expect(
      await outcomeOf(() =>
        me.me.changePassword({ currentPassword: "wrong-password!!", newPassword: "a-brand-new-password", confirmPassword: "a-brand-new-password" }),
      ),
    ).toBe("BAD_REQUEST");
    // Nothing changed by the refused attempts.
    await expect(authenticate(db, { email: "pw@auth.test", password: PASSWORD }, "10.3.0.1")).resolves.toBeTruthy();

    const before = Date.now() - 5_000;
    await me.me.changePassword({ currentPassword: PASSWORD, newPassword: "a-brand-new-password", confirmPassword: "a-brand-new-password" });
    expect(await loadViewer(db, user.id, before)).toBeNull();
    await expect(authenticate(db, { email: "pw@auth.test", password: "a-brand-new-password" }, "10.3.0.1")).resolves.toBeTruthy();
    const audit = await db.auditEvent.findMany({ where: { objectId: user.id, action: "user.password_changed" } });
    expect(audit).toHaveLength(1);
  });
});
