import { Prisma } from "@/prisma/generated/client";
import { AppError } from "@/server/errors";
import { STALE_ASSESSMENT } from "@/server/services/assessments/assessments";
import { STALE_JOINT_TEXT } from "@/server/services/joint-texts/shared";
import { STALE_MINUTES } from "@/server/services/minutes/minutes";
import { STALE_PAPER } from "@/server/services/papers/papers";
import { DUPLICATE_STANCE, STALE_STANCE } from "@/server/services/stances/shared";

type Answer = { message: string; field?: string };

/**
 * What each unique constraint means to the person who ran into it, by its name in PostgreSQL.
 * The constraint is the rule; this table is the one place its violation becomes words. A
 * constraint missing here still answers CONFLICT, with the generic message.
 */
export const UNIQUE_VIOLATIONS = {
  Party_code_key: { message: "A party with this code already exists.", field: "code" },
  User_email_key: { message: "An account with this email already exists", field: "email" },
  User_calendarToken_key: { message: "That calendar link clashed with another. Try again." },
  AuthFactor_credentialId_key: { message: "That passkey or security key is already registered." },
  Series_shortName_key: { message: "This short name is taken.", field: "shortName" },
  SeriesParty_pkey: { message: "That party already takes part in this series.", field: "partyIds" },
  Membership_seriesId_userId_key: { message: "This person is already a member of the series." },
  Invitation_tokenHash_key: { message: "That invitation link clashed with another. Try again." },
  InvitationAgendaItem_pkey: { message: "That item is already part of this invitation." },
  AgendaItemScholar_pkey: { message: "That scholar is already invited to this item.", field: "userId" },
  PaperAgendaItem_pkey: { message: "The paper is already linked to that item." },
  PaperRevision_paperId_number_key: { message: STALE_PAPER },
  PaperDraft_pkey: { message: STALE_PAPER },
  Stance_issueId_sessionId_partyId_key: { message: DUPLICATE_STANCE },
  StanceRevision_stanceId_number_key: { message: STALE_STANCE },
  SealSubmission_pkey: { message: "Your party has already submitted its stances" },
  Assessment_issueId_sessionId_scholarId_key: { message: STALE_ASSESSMENT },
  Minutes_sessionId_key: { message: STALE_MINUTES },
  MinutesRevision_minutesId_number_key: { message: STALE_MINUTES },
  JointTextRevision_textId_number_key: { message: STALE_JOINT_TEXT },
  CommentThreadVisit_pkey: { message: "This thread was just marked as seen. Reload to continue." },
  // Written by the notification worker only (skipDuplicates), or by one person's own setting.
  NotificationEvent_dedupeKey_key: { message: "That notification was already recorded." },
  Notification_eventId_userId_key: { message: "That notification was already recorded." },
  NotificationPreference_pkey: { message: "Your email setting was just changed elsewhere. Reload to continue." },
  EmailOutbox_idempotencyKey_key: { message: "That email was already queued." },
  // Counted with an upsert (server/rate-limit.ts): never raised, named for completeness.
  RateLimitWindow_pkey: { message: "Too many requests at once. Wait a moment and try again." },
} satisfies Record<string, Answer>;

const BY_NAME: Record<string, Answer | undefined> = UNIQUE_VIOLATIONS;

export const GENERIC_UNIQUE_VIOLATION = "That already exists.";

/** The name of the unique index a P2002 ran into, as the PostgreSQL driver adapter reports it. */
export function violatedConstraint(error: Prisma.PrismaClientKnownRequestError): string | null {
  const meta = error.meta as
    | { target?: unknown; driverAdapterError?: { cause?: { constraint?: { index?: unknown } } } }
    | undefined;
  const index = meta?.driverAdapterError?.cause?.constraint?.index;
  if (typeof index === "string") return index;
  return typeof meta?.target === "string" ? meta.target : null;
}

/** A unique violation as the CONFLICT its constraint stands for; null for any other error. */
export function uniqueViolation(error: unknown): AppError | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return null;
  const name = violatedConstraint(error);
  const answer = (name ? BY_NAME[name] : undefined) || { message: GENERIC_UNIQUE_VIOLATION };
  return new AppError("CONFLICT", answer.message, answer.field ? { [answer.field]: [answer.message] } : undefined);
}
