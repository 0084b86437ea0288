/**
 * What the sign-in form may show. NextAuth carries the reason in `error` (in the URL on a
 * redirect), so the form shows only our own plain words, never text from the address bar.
 */

export const SIGN_IN_UNAVAILABLE = "unavailable";
export const SIGN_IN_FAILED = "failed";
export const WRONG_CREDENTIALS = "Wrong email or password.";
const THROTTLED = /^Too many failed attempts\. Try again in \d+ minutes?\.$/;

export type SignInProblem =
  | { kind: "unavailable"; errorId: string }
  | { kind: "failed"; errorId: string }
  | { kind: "message"; text: string }
  | { kind: "generic" };

export function signInProblem(raw: string | undefined | null): SignInProblem | null {
  if (!raw || raw === "undefined") return null;
  const coded = /^(unavailable|failed):([0-9a-f]{6,16})$/.exec(raw);
  if (coded) return { kind: coded[1] as "unavailable" | "failed", errorId: coded[2]! };
  if (raw === WRONG_CREDENTIALS || THROTTLED.test(raw)) return { kind: "message", text: raw };
  return { kind: "generic" };
}
