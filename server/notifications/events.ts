import type { Prisma } from "@/prisma/generated/client";
import type { AuditScope } from "@/server/access/audit";
import { NOTIFYING_ACTIONS, type NotifiedObjectType } from "@/server/notifications/kinds";

/** A new comment's reply target and mentions (ids of people checked to read the thread). */
export type CommentNotice = { parentAuthorId: string | null; mentionIds: string[] };

type EventInput = {
  auditEventId: bigint;
  actorId: string | null;
  seriesId: string | null;
  action: string;
  scope: AuditScope;
  summary?: unknown;
  notify?: CommentNotice;
};

/** The object an audit scope names, as notifications name it. */
function objectOf(type: NotifiedObjectType, scope: AuditScope): string | null {
  switch (type) {
    case "session":
      return scope.sessionId ?? null;
    case "agendaItem":
      return scope.agendaItemId ?? null;
    case "paper":
      return scope.paperId ?? null;
    case "stance":
      return scope.stanceId ?? null;
    case "minutes":
      return scope.minutesId ?? null;
    case "jointText":
      return scope.jointTextId ?? null;
    case "comment":
      return scope.commentId ?? null;
    case "invitation":
      return scope.objectType === "Invitation" ? scope.objectId : null;
  }
}

/**
 * The notification events an audited change causes (pure): written by recordAudit in the change's
 * transaction. Who is told is decided later, by the fan-out, from who may read the object then.
 */
export function notificationEvents(input: EventInput): Prisma.NotificationEventCreateManyInput[] {
  if (!input.seriesId) return [];
  const base = {
    auditEventId: input.auditEventId,
    action: input.action,
    seriesId: input.seriesId,
    sessionId: input.scope.sessionId ?? null,
    actorId: input.actorId,
  };
  if (input.action === "comment.created" && input.notify && input.scope.commentId) {
    const out: Prisma.NotificationEventCreateManyInput[] = [];
    const { parentAuthorId, mentionIds } = input.notify;
    const mentioned = [...new Set(mentionIds)].filter((id) => id !== input.actorId);
    if (parentAuthorId && parentAuthorId !== input.actorId) {
      out.push({ ...base, kind: "REPLY", dedupeKey: `a:${input.auditEventId}:REPLY`, objectType: "comment", objectId: input.scope.commentId, data: { recipients: [parentAuthorId] } });
    }
    // Someone both replied to and mentioned is told once, of the reply.
    const onlyMentioned = mentioned.filter((id) => id !== parentAuthorId);
    if (onlyMentioned.length > 0) {
      out.push({ ...base, kind: "MENTION", dedupeKey: `a:${input.auditEventId}:MENTION`, objectType: "comment", objectId: input.scope.commentId, data: { recipients: onlyMentioned } });
    }
    return out;
  }
  // The last party's submission opens a sealed release as surely as the convenor's opening does.
  if (input.action === "stance.submitted" && input.scope.sessionId && (input.summary as { revealed?: unknown } | undefined)?.revealed === true) {
    return [{ ...base, kind: "SEAL_OPENED", dedupeKey: `a:${input.auditEventId}:SEAL_OPENED`, objectType: "session", objectId: input.scope.sessionId }];
  }
  const rule = NOTIFYING_ACTIONS[input.action as keyof typeof NOTIFYING_ACTIONS];
  if (!rule) return [];
  if (rule.afterPublication && input.scope.audience === "CONVENORS") return [];
  const objectId = objectOf(rule.object, input.scope);
  if (!objectId) return [];
  return [{ ...base, kind: rule.kind, dedupeKey: `a:${input.auditEventId}:${rule.kind}`, objectType: rule.object, objectId }];
}
