import { describe, expect, it } from "vitest";
import { decryptFactorSecret, encryptFactorSecret, factorSecretKey } from "@/server/auth/factors/secret-box";
import { groupedSecret, matchTotpStep, newTotpSecret, normaliseTotpCode, totpCodeAt, totpStep, totpUri } from "@/server/auth/factors/totp";
import { newRecoveryCode, newRecoveryCodes, normaliseRecoveryCode } from "@/server/auth/factors/recovery-codes";

// RFC 6238 appendix B's SHA-1 secret ("12345678901234567890"), base32.
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
const KEY = factorSecretKey("unit-tests-only-secret-0123456789abcdefghij");

describe("TOTP", () => {
  it("computes RFC 6238's test vectors (6 digits of the SHA-1 column)", () => {
    expect(totpCodeAt(RFC_SECRET, 59_000)).toBe("287082");
    expect(totpCodeAt(RFC_SECRET, 1111111109_000)).toBe("081804");
    expect(totpCodeAt(RFC_SECRET, 2000000000_000)).toBe("279037");
  });

  it("accepts the code of the current step and one step either side, and answers which step", () => {
    const now = 1_800_000_015_000;
    const step = totpStep(now);
    expect(matchTotpStep(RFC_SECRET, totpCodeAt(RFC_SECRET, now), now)).toBe(step);
    expect(matchTotpStep(RFC_SECRET, totpCodeAt(RFC_SECRET, now - 30_000), now)).toBe(step - 1);
    expect(matchTotpStep(RFC_SECRET, totpCodeAt(RFC_SECRET, now + 30_000), now)).toBe(step + 1);
    expect(matchTotpStep(RFC_SECRET, totpCodeAt(RFC_SECRET, now - 60_000), now)).toBeNull();
    expect(matchTotpStep(RFC_SECRET, totpCodeAt(RFC_SECRET, now + 60_000), now)).toBeNull();
  });

  it("takes a code typed with spaces or a dash, and nothing that is not six digits", () => {
    const now = 1_800_000_015_000;
    const code = totpCodeAt(RFC_SECRET, now);
    expect(matchTotpStep(RFC_SECRET, `${code.slice(0, 3)} ${code.slice(3)}`, now)).toBe(totpStep(now));
    expect(matchTotpStep(RFC_SECRET, `${code.slice(0, 3)}-${code.slice(3)}`, now)).toBe(totpStep(now));
    expect(normaliseTotpCode(" 123 456 ")).toBe("123456");
    expect(normaliseTotpCode("12345")).toBeNull();
    expect(normaliseTotpCode("1234567")).toBeNull();
    expect(normaliseTotpCode("12345a")).toBeNull();
    expect(matchTotpStep(RFC_SECRET, "", now)).toBeNull();
  });

  it("makes 160-bit base32 secrets and an otpauth URI apps read", () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
    const uri = new URL(totpUri(secret, "jp.delegate@demo.trilogue.test"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(uri.searchParams.get("secret")).toBe(secret);
    expect(uri.searchParams.get("issuer")).toBe("Trilogue");
    expect(uri.searchParams.get("digits")).toBe("6");
    expect(uri.searchParams.get("period")).toBe("30");
    expect(decodeURIComponent(uri.pathname)).toContain("jp.delegate@demo.trilogue.test");
    expect(groupedSecret("ABCDEFGHIJKL")).toBe("ABCD EFGH IJKL");
  });
});

describe("factor secrets at rest", () => {
  it("round-trips, differs every time, and shows nothing of the secret", () => {
    const a = encryptFactorSecret(RFC_SECRET, "user-1", KEY);
    const b = encryptFactorSecret(RFC_SECRET, "user-1", KEY);
    expect(a).not.toBe(b);
    expect(a).not.toContain(RFC_SECRET);
    expect(a.startsWith("v1.")).toBe(true);
    expect(decryptFactorSecret(a, "user-1", KEY)).toBe(RFC_SECRET);
  });

  it("refuses another user's row, another key, and a tampered value", () => {
    const stored = encryptFactorSecret(RFC_SECRET, "user-1", KEY);
    expect(decryptFactorSecret(stored, "user-2", KEY)).toBeNull();
    expect(decryptFactorSecret(stored, "user-1", factorSecretKey("another-secret-0123456789abcdefghijklmn"))).toBeNull();
    const parts = stored.split(".");
    const body = Buffer.from(parts[3]!, "base64url");
    body[0] = body[0]! ^ 1;
    expect(decryptFactorSecret([parts[0], parts[1], parts[2], body.toString("base64url")].join("."), "user-1", KEY)).toBeNull();
    expect(decryptFactorSecret(RFC_SECRET, "user-1", KEY)).toBeNull();
    expect(decryptFactorSecret("v2.a.b.c", "user-1", KEY)).toBeNull();
  });
});

describe("recovery codes", () => {
  it("are ten, distinct, shaped abcde-fghij without look-alike characters", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}$/);
  });

  it("normalise what a person types: case, spaces and dashes", () => {
    const code = newRecoveryCode();
    const plain = code.replace("-", "");
    expect(normaliseRecoveryCode(code)).toBe(plain);
    expect(normaliseRecoveryCode(code.toUpperCase())).toBe(plain);
    expect(normaliseRecoveryCode(` ${plain.slice(0, 3)} ${plain.slice(3, 7)}-${plain.slice(7)} `)).toBe(plain);
    expect(normaliseRecoveryCode("abcde-fghi")).toBeNull();
    expect(normaliseRecoveryCode("abcde-fghi0")).toBeNull();
    expect(normaliseRecoveryCode("")).toBeNull();
  });
});

describe("the sign-in form's second-step code", () => {
  it("reads the challenge and methods from the error, and nothing that is not ours", async () => {
    const { secondFactorNeeded, signInProblem, SIGN_IN_EXPIRED, WRONG_CODE } = await import("@/lib/sign-in-errors");
    const id = "Abc_def-0123456789xyzABCDEF0123456789abcd";
    expect(signInProblem(secondFactorNeeded(id, ["totp", "recovery"]))).toEqual({ kind: "second-factor", challengeId: id, methods: ["totp", "recovery"] });
    expect(signInProblem(`second-factor:${id}:passkey,evil`)).toEqual({ kind: "second-factor", challengeId: id, methods: ["passkey"] });
    expect(signInProblem("second-factor:short:totp")).toEqual({ kind: "generic" });
    expect(signInProblem(`second-factor:${id}<script>:totp`)).toEqual({ kind: "generic" });
    expect(signInProblem(WRONG_CODE)).toEqual({ kind: "message", text: WRONG_CODE });
    expect(signInProblem(SIGN_IN_EXPIRED)).toEqual({ kind: "expired", text: SIGN_IN_EXPIRED });
  });
});
