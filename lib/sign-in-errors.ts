/**
 * What the sign-in form may show. NextAuth carries the reason in `error` (in the URL on a
 * redirect), so the form shows only our own plain words, never text from the address bar.
 */

export const SIGN_IN_UNAVAILABLE = "unavailable";
export const SIGN_IN_FAILED = "failed";
export const WRONG_CREDENTIALS = "Wrong email or password.";
export const WRONG_CODE = "That code is not right. Check it and try again.";
export const NO_PASSKEY = "This account has no passkey or security key. Use a code instead.";
export const SIGN_IN_EXPIRED = "This sign-in has expired. Enter your email and password again.";
/** The password was right and the account has a second factor: "second-factor:<challenge>:<methods>". */
export const SECOND_FACTOR_PREFIX = "second-factor";
/** Ways the second step can be answered; a passkey joins as "passkey". */
export type SecondFactorMethod = "totp" | "recovery" | "passkey";
const THROTTLED = /^Too many failed attempts\. Try again in \d+ minutes?\.$/;

export type SignInProblem =
  | { kind: "unavailable"; errorId: string }
  | { kind: "failed"; errorId: string }
  | { kind: "message"; text: string }
  | { kind: "second-factor"; challengeId: string; methods: SecondFactorMethod[] }
  | { kind: "expired"; text: string }
  | { kind: "generic" };

export function signInProblem(raw: string | undefined | null): SignInProblem | null {
  if (!raw || raw === "undefined") return null;
  const coded = /^(unavailable|failed):([0-9a-f]{6,16})$/.exec(raw);
  if (coded) return { kind: coded[1] as "unavailable" | "failed", errorId: coded[2]! };
  const second = /^second-factor:([A-Za-z0-9_-]{16,100}):([a-z,]+)$/.exec(raw);
  if (second) {
    const methods = second[2]!.split(",").filter((m): m is SecondFactorMethod => m === "totp" || m === "recovery" || m === "passkey");
    return { kind: "second-factor", challengeId: second[1]!, methods };
  }
  if (raw === SIGN_IN_EXPIRED) return { kind: "expired", text: raw };
  if (raw === WRONG_CREDENTIALS || raw === WRONG_CODE || raw === NO_PASSKEY || THROTTLED.test(raw)) return { kind: "message", text: raw };
  return { kind: "generic" };
}

export function secondFactorNeeded(challengeId: string, methods: SecondFactorMethod[]): string {
  return `${SECOND_FACTOR_PREFIX}:${challengeId}:${methods.join(",")}`;
}
