import { beforeAll, describe, expect, it } from "vitest";
import { hasSecondFactor, replaceRecoveryCodes, unusedRecoveryCodeCount, useRecoveryCode, verifyTotpCode } from "@/server/auth/factors";
import { encryptFactorSecret } from "@/server/auth/factors/secret-box";
import { newTotpSecret, totpCodeAt, totpStep } from "@/server/auth/factors/totp";
import { hashPassword } from "@/server/auth/password";
import { createUser } from "@/prisma/seed/factories";
import { testDb } from "@/tests/integration/helpers/db";

const db = testDb();
let passwordHash: string;

beforeAll(async () => {
  passwordHash = await hashPassword("correct-horse-battery");
});

async function userWithTotp(confirmed = true) {
  const user = await createUser(db, { passwordHash });
  const secret = newTotpSecret();
  const factor = await db.authFactor.create({
    data: { userId: user.id, kind: "TOTP", label: "Phone", secret: encryptFactorSecret(secret, user.id), confirmedAt: confirmed ? new Date() : null },
  });
  return { user, secret, factor };
}

describe("second factor verification", () => {
  it("hasSecondFactor: only a confirmed factor counts", async () => {
    const none = await createUser(db, { passwordHash });
    expect(await hasSecondFactor(db, none.id)).toBe(false);
    const pending = await userWithTotp(false);
    expect(await hasSecondFactor(db, pending.user.id)).toBe(false);
    const done = await userWithTotp(true);
    expect(await hasSecondFactor(db, done.user.id)).toBe(true);
  });

  it("accepts the current code once; the same step again (replay) and older steps are refused", async () => {
    const { user, secret, factor } = await userWithTotp();
    const now = new Date(1_800_000_015_000);
    const code = totpCodeAt(secret, now.getTime());
    expect(await verifyTotpCode(db, user.id, code === "000000" ? "111111" : "000000", now)).toBe(false);
    expect(await verifyTotpCode(db, user.id, code, now)).toBe(true);
    const row = await db.authFactor.findUniqueOrThrow({ where: { id: factor.id } });
    expect(row.lastUsedStep).toBe(BigInt(totpStep(now.getTime())));
    expect(row.lastUsedAt).toEqual(now);
    // Replay, also a few seconds later within the window.
    expect(await verifyTotpCode(db, user.id, code, now)).toBe(false);
    expect(await verifyTotpCode(db, user.id, code, new Date(now.getTime() + 20_000))).toBe(false);
    // The previous step's code is inside the window but older than the used step.
    expect(await verifyTotpCode(db, user.id, totpCodeAt(secret, now.getTime() - 30_000), now)).toBe(false);
    // The next step's code is new.
    expect(await verifyTotpCode(db, user.id, totpCodeAt(secret, now.getTime() + 30_000), new Date(now.getTime() + 30_000))).toBe(true);
  });

  it("accepts ±1 step of drift, not two; an unconfirmed factor and another user's factor accept nothing", async () => {
    const { user, secret } = await userWithTotp();
    const now = Date.now();
    expect(await verifyTotpCode(db, user.id, totpCodeAt(secret, now - 60_000), new Date(now))).toBe(false);
    expect(await verifyTotpCode(db, user.id, totpCodeAt(secret, now + 60_000), new Date(now))).toBe(false);
    expect(await verifyTotpCode(db, user.id, totpCodeAt(secret, now - 30_000), new Date(now))).toBe(true);

    const pending = await userWithTotp(false);
    expect(await verifyTotpCode(db, pending.user.id, totpCodeAt(pending.secret, now), new Date(now))).toBe(false);
    const other = await userWithTotp();
    expect(await verifyTotpCode(db, user.id, totpCodeAt(other.secret, now), new Date(now))).toBe(false);
  });

  it("two racing uses of one code: exactly one wins", async () => {
    const { user, secret } = await userWithTotp();
    const now = new Date();
    const code = totpCodeAt(secret, now.getTime());
    const results = await Promise.all([verifyTotpCode(db, user.id, code, now), verifyTotpCode(db, user.id, code, now), verifyTotpCode(db, user.id, code, now)]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("stores only the encrypted secret", async () => {
    const { factor, secret } = await userWithTotp();
    const row = await db.authFactor.findUniqueOrThrow({ where: { id: factor.id } });
    expect(row.secret).not.toContain(secret);
  });
});

describe("recovery codes", () => {
  it("are stored as argon2id hashes, each works once, typed with any case, spaces or dashes", async () => {
    const user = await createUser(db, { passwordHash });
    const codes = await replaceRecoveryCodes(db, user.id);
    expect(codes).toHaveLength(10);
    const rows = await db.recoveryCode.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(10);
    for (const row of rows) {
      expect(row.codeHash.startsWith("$argon2id$")).toBe(true);
      for (const code of codes) expect(row.codeHash).not.toContain(code.replace("-", ""));
    }
    const typed = ` ${codes[3]!.toUpperCase().replace("-", " - ")} `;
    expect(await useRecoveryCode(db, user.id, typed)).toBe(true);
    expect(await useRecoveryCode(db, user.id, codes[3]!)).toBe(false);
    expect(await unusedRecoveryCodeCount(db, user.id)).toBe(9);
    expect(await useRecoveryCode(db, user.id, "aaaaa-aaaaa")).toBe(false);
    expect(await useRecoveryCode(db, user.id, "not a code")).toBe(false);
  });

  it("two racing uses of one code: exactly one wins", async () => {
    const user = await createUser(db, { passwordHash });
    const codes = await replaceRecoveryCodes(db, user.id);
    const results = await Promise.all([useRecoveryCode(db, user.id, codes[0]!), useRecoveryCode(db, user.id, codes[0]!), useRecoveryCode(db, user.id, codes[0]!)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await unusedRecoveryCodeCount(db, user.id)).toBe(9);
  });

  it("regenerating replaces every earlier code; another user's code is not this user's", async () => {
    const user = await createUser(db, { passwordHash });
    const first = await replaceRecoveryCodes(db, user.id);
    const second = await replaceRecoveryCodes(db, user.id);
    expect(await useRecoveryCode(db, user.id, first[0]!)).toBe(false);
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(10);
    const other = await createUser(db, { passwordHash });
    expect(await useRecoveryCode(db, other.id, second[0]!)).toBe(false);
    expect(await useRecoveryCode(db, user.id, second[0]!)).toBe(true);
  });
});
