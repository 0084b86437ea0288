import { z } from "zod";
import { id } from "@/lib/schemas/common";

export const NOTIFICATION_KIND_NAMES = ["AGENDA", "RELEASE", "REPLY", "MENTION", "INVITATION_ACCEPTED", "SEAL_OPENED", "SESSION_SOON"] as const;
export type NotificationKindName = (typeof NOTIFICATION_KIND_NAMES)[number];
export const EMAIL_MODES = ["IMMEDIATE", "DIGEST", "OFF"] as const;

const kind = z.enum(NOTIFICATION_KIND_NAMES, { message: "Choose a kind of notification" });

/** How many notifications the inbox shows per page. */
export const INBOX_PAGE = 30;

export const inboxListSchema = z.object({
  unreadOnly: z.boolean().optional(),
  kind: kind.optional(),
  /** The last notification id of the previous page. */
  cursor: id.optional(),
});

export const markReadSchema = z.object({
  ids: z.array(id).min(1, "Name the notifications to mark read").max(100, "Mark at most 100 notifications at once"),
});

export const setEmailPreferenceSchema = z.object({
  kind,
  email: z.enum(EMAIL_MODES, { message: "Choose immediately, daily digest or off" }),
});
