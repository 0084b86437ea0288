import pino, { type DestinationStream, type Logger } from "pino";

// Security events as structured JSON lines on stdout (pino), for a SIEM, beside their rows in the
// database (audit trail, sign-in attempts): sign-ins, permission and account changes, exports.
// A line carries only the fields below — ids, an address, an outcome — never a secret, a token, a
// title or a document's text: there is no free-text field to put one in.

export type SecurityEvent =
  | "sign_in.succeeded"
  | "sign_in.failed"
  | "sign_in.throttled"
  | "permission.changed"
  | "account.changed"
  | "session.ended"
  | "export.downloaded"
  | "export.refused"
  | "sign_in.second_factor_required"
  | "second_factor.succeeded"
  | "second_factor.failed"
  | "factor.added"
  | "factor.confirmed"
  | "factor.removed"
  | "recovery_codes.generated"
  | "recovery_code.used";

export type SecurityFields = {
  /** Who did it (a user id), when known. */
  actorId?: string | null;
  /** The account concerned (sign-ins: the one signed in to; unknown emails are not logged). */
  userId?: string | null;
  /** The client address (server/client-address.ts). */
  address?: string | null;
  seriesId?: string | null;
  /** The audit action or the download ("briefing.pdf", "joint-text.docx", …). */
  action?: string | null;
  objectType?: string | null;
  objectId?: string | null;
  /** Why a sign-in failed or a download was refused: a fixed word, never a message. */
  reason?: "wrong_credentials" | "deactivated" | "throttled" | "rate_limited" | "signed_out" | "revoked" | "revoked_others" | "wrong_code" | "challenge_expired" | null;
};

const FIELDS = ["actorId", "userId", "address", "seriesId", "action", "objectType", "objectId", "reason"] as const;

const state = globalThis as unknown as { trilogueSecurityLog?: Logger };

function logger(): Logger {
  // Quiet under the test runner unless a test captures it (securityLogTo).
  state.trilogueSecurityLog ??= pino({ level: process.env.VITEST ? "silent" : "info", base: { log: "security" }, timestamp: pino.stdTimeFunctions.isoTime, formatters: { level: (label) => ({ level: label }) } });
  return state.trilogueSecurityLog;
}

/** Sends security events to `destination` instead of stdout (tests). */
export function securityLogTo(destination: DestinationStream): void {
  state.trilogueSecurityLog = pino({ base: { log: "security" }, timestamp: pino.stdTimeFunctions.isoTime, formatters: { level: (label) => ({ level: label }) } }, destination);
}

/** One security event; fields other than the known ids are dropped. */
export function securityEvent(event: SecurityEvent, fields: SecurityFields = {}): void {
  const line: Record<string, unknown> = { event };
  for (const key of FIELDS) {
    const value = fields[key];
    if (typeof value === "string" && value !== "") line[key] = value.slice(0, 200);
  }
  const level = event === "sign_in.failed" || event === "sign_in.throttled" || event === "export.refused" || event === "second_factor.failed" || event === "recovery_code.used" ? "warn" : "info";
  logger()[level](line);
}
