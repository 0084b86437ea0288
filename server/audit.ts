import type { Prisma } from "@/prisma/generated/client";
import { auditScope, type AuditSubject } from "@/server/access/audit";
import { notificationEvents, type CommentNotice } from "@/server/notifications/events";
import { securityEvent, type SecurityEvent } from "@/server/security-log";

/** Every action the audit trail records: `<object>.<what happened>`, past tense. */
export const AUDIT_ACTIONS = [
  "agenda.carried_over",
  "agenda.item_created",
  "agenda.item_deleted",
  "agenda.item_updated",
  "agenda.published",
  "agenda.reannounced",
  "agenda.reordered",
  "agenda.scholar_invited",
  "agenda.scholar_uninvited",
  "assessment.created",
  "assessment.updated",
  "calendar.token_issued",
  "calendar.token_reset",
  "comment.created",
  "comment.edited",
  "comment.reopened",
  "comment.resolved",
  "comment.withdrawn",
  "invitation.accepted",
  "invitation.created",
  "invitation.revoked",
  "issue.archived",
  "issue.created",
  "issue.unarchived",
  "issue.updated",
  "membership.convenor_appointed",
  "membership.removed",
  "membership.role_changed",
  "joint_text.carried_over",
  "joint_text.created",
  "joint_text.edited",
  "joint_text.hold_lifted",
  "joint_text.hold_placed",
  "joint_text.option_accepted",
  "joint_text.proposal_drafted",
  "joint_text.proposal_tabled",
  "joint_text.proposal_withdrawn",
  "joint_text.released",
  "joint_text.tabled",
  "minutes.released",
  "minutes.saved",
  "paper.created",
  "paper.released",
  "paper.saved",
  "paper.withdrawn",
  "party.created",
  "party.updated",
  "series.created",
  "series.updated",
  "session.created",
  "session.current_item_set",
  "session.status_changed",
  "session.updated",
  /** A sign-in session (or all of an account's) ended: server/auth/session-audit.ts. */
  "sign_in_session.ended",
  "stance.created",
  "stance.released",
  "stance.saved",
  "stance.seal_opened",
  "stance.sealed",
  "stance.submitted",
  "user.admin_bootstrapped",
  "user.created",
  "user.deactivated",
  "user.password_changed",
  "user.reactivated",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * Audited changes that are also security events (server/security-log.ts). Logged as the change is
 * recorded, inside its transaction: the database row is the record, the log line the SIEM's feed.
 */
const SECURITY_ACTIONS: Partial<Record<AuditAction, SecurityEvent>> = {
  "membership.convenor_appointed": "permission.changed",
  "membership.removed": "permission.changed",
  "membership.role_changed": "permission.changed",
  "invitation.created": "permission.changed",
  "invitation.revoked": "permission.changed",
  "invitation.accepted": "permission.changed",
  "user.admin_bootstrapped": "permission.changed",
  "user.created": "account.changed",
  "user.deactivated": "account.changed",
  "user.reactivated": "account.changed",
  "user.password_changed": "account.changed",
  "calendar.token_reset": "account.changed",
};

type AuditWriter = {
  auditEvent: { create: (args: { data: Prisma.AuditEventUncheckedCreateInput; select: { id: true } }) => Promise<{ id: bigint }> };
  notificationEvent: { createMany: (args: { data: Prisma.NotificationEventCreateManyInput[] }) => Promise<unknown> };
};

export type AuditInput = {
  actorId: string | null;
  seriesId?: string | null;
  action: AuditAction;
  /** The object, with what decides who could read it at this moment (server/access/audit.ts). */
  subject: AuditSubject;
  /** A short before/after summary; never secrets. Read only by those who may read the object at this level. */
  summary?: Prisma.InputJsonValue;
  /** A new comment's reply target and mentions, for the notifications it causes (server/notifications/events.ts). */
  notify?: CommentNotice;
};

/**
 * Appends an audit event, and the notification events it causes (the notifications' transactional
 * outbox); call it inside the same transaction as the change it records, so that a change, its
 * audit event and its notifications commit or vanish together.
 */
export async function recordAudit(db: AuditWriter, input: AuditInput): Promise<void> {
  const scope = auditScope(input.subject);
  const event = await db.auditEvent.create({
    data: {
      actorId: input.actorId,
      seriesId: input.seriesId ?? null,
      action: input.action,
      summary: input.summary,
      ...scope,
    },
    select: { id: true },
  });
  const security = SECURITY_ACTIONS[input.action];
  if (security) securityEvent(security, { actorId: input.actorId, seriesId: input.seriesId, action: input.action, objectType: scope.objectType, objectId: scope.objectId });
  const notices = notificationEvents({ auditEventId: event.id, actorId: input.actorId, seriesId: input.seriesId ?? null, action: input.action, scope, summary: input.summary, notify: input.notify });
  if (notices.length > 0) await db.notificationEvent.createMany({ data: notices });
}
