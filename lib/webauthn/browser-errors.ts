/**
 * What a WebAuthn ceremony's failure in the browser means to the person: the browser could not do it
 * at all ("unsupported"), or it did not complete (cancelled, timed out, an excluded key): "cancelled".
 * Anything else (the server refused) is the server's own message.
 */
export function webAuthnFailure(error: unknown): "unsupported" | "cancelled" | null {
  const name = error instanceof Error ? error.name : "";
  if (name === "NotSupportedError" || (error instanceof Error && /does not support WebAuthn/i.test(error.message))) return "unsupported";
  if (name === "NotAllowedError" || name === "AbortError" || name === "InvalidStateError" || name === "TimeoutError") return "cancelled";
  return null;
}
