import type { EmailMode, NotificationKind } from "@/prisma/generated/client";
import type { AuditAction } from "@/server/audit";

// What Trilogue tells people of (README "Notifications"). Pure: no database.

export const NOTIFICATION_KINDS = ["AGENDA", "RELEASE", "REPLY", "MENTION", "INVITATION_ACCEPTED", "SEAL_OPENED", "SESSION_SOON"] as const satisfies readonly NotificationKind[];

/** How each kind is named on the account page and the inbox filter. */
export const KIND_LABELS: Record<NotificationKind, string> = {
  AGENDA: "Agenda published or changed",
  RELEASE: "Papers, stances, minutes and joint texts released to you",
  REPLY: "Replies to your comments",
  MENTION: "Mentions of you",
  INVITATION_ACCEPTED: "Invitations accepted (convenors)",
  SEAL_OPENED: "Sealed releases opened",
  SESSION_SOON: "Sessions starting within 24 hours",
};

/** Email, until the person chooses: what concerns them personally at once, the rest in a daily digest. */
export const DEFAULT_EMAIL: Record<NotificationKind, EmailMode> = {
  AGENDA: "DIGEST",
  RELEASE: "DIGEST",
  REPLY: "IMMEDIATE",
  MENTION: "IMMEDIATE",
  INVITATION_ACCEPTED: "IMMEDIATE",
  SEAL_OPENED: "IMMEDIATE",
  SESSION_SOON: "IMMEDIATE",
};

/** The object a notification points at; its readability decides who is told (server/notifications/objects.ts). */
export type NotifiedObjectType = "session" | "agendaItem" | "paper" | "stance" | "minutes" | "jointText" | "comment" | "invitation";

/**
 * Which audited changes notify, of what kind and about which object. `afterPublication`: only when
 * the audit event's audience shows a published agenda (a draft agenda's edits concern the convenors
 * alone). Replies and mentions come from comment.created (server/notifications/events.ts).
 */
export const NOTIFYING_ACTIONS: Partial<Record<AuditAction, { kind: NotificationKind; object: NotifiedObjectType; afterPublication?: boolean }>> = {
  "agenda.published": { kind: "AGENDA", object: "session" },
  "agenda.item_created": { kind: "AGENDA", object: "agendaItem", afterPublication: true },
  "agenda.item_updated": { kind: "AGENDA", object: "agendaItem", afterPublication: true },
  // Items are not deleted once the agenda is published (they are deferred: an update); moved, they are.
  "agenda.reordered": { kind: "AGENDA", object: "session", afterPublication: true },
  "paper.released": { kind: "RELEASE", object: "paper" },
  "stance.released": { kind: "RELEASE", object: "stance" },
  "minutes.released": { kind: "RELEASE", object: "minutes" },
  "joint_text.released": { kind: "RELEASE", object: "jointText" },
  "joint_text.tabled": { kind: "RELEASE", object: "jointText" },
  "invitation.accepted": { kind: "INVITATION_ACCEPTED", object: "invitation" },
  "stance.seal_opened": { kind: "SEAL_OPENED", object: "session" },
};
