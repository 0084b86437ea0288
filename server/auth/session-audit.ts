import { recordAudit } from "@/server/audit";

/**
 * Session endings in the audit trail, as "sign_in_session.ended" events about the account (audience
 * ADMINS: the admin Security page): who ended what and why. The summary holds the reason, the
 * session's id and how many sessions ended — never a token, a cookie or a password. The
 * securityEvent() log lines stay where they are (server/security-log.ts).
 */
export type SessionEndReason =
  /** The person signed out. */
  | "signed_out"
  /** One session ended from the account page. */
  | "revoked"
  /** "Sign out everywhere else". */
  | "revoked_others"
  /** Found idle past the timeout, or past its 12-hour lifetime, at a request. */
  | "idle"
  | "expired"
  /** Every session, because the password changed or the account was deactivated. */
  | "password_changed"
  | "deactivated"
  /** An administrator's "sign out everywhere" on the account's page. */
  | "admin_signed_out";

type Writer = Parameters<typeof recordAudit>[0];

export async function auditSessionsEnded(
  db: Writer,
  input: { actorId: string | null; userId: string; reason: SessionEndReason; sessionId?: string | null; ended?: number },
): Promise<void> {
  await recordAudit(db, {
    actorId: input.actorId,
    action: "sign_in_session.ended",
    subject: { kind: "user", id: input.userId },
    summary: { reason: input.reason, ...(input.sessionId ? { sessionId: input.sessionId } : {}), ended: input.ended ?? 1 },
  });
}
