import { z } from "zod";
import { SESSION_STATUSES, id, positiveInt } from "@/lib/schemas/common";
import { LOCAL_DATE_TIME, isTimeZone, zonedLocalToInstant } from "@/lib/zoned-time";

// The zone helpers live in lib/zoned-time.ts (no zod there, for the client's session form).
export { instantToZonedLocal, isTimeZone, timeZoneOptions, zonedLocalToInstant } from "@/lib/zoned-time";

const localDateTime = z.string().trim().regex(LOCAL_DATE_TIME, "Enter a date and time");

/** The fields of the session form; start and end are wall-clock times in `timeZone`. */
export const sessionFieldsSchema = z
  .object({
    title: z.string().trim().min(3, "Enter a title of at least 3 characters").max(200, "Keep the title under 200 characters"),
    startsAt: localDateTime,
    endsAt: localDateTime,
    timeZone: z.string().trim().max(64, "Choose a time zone from the list").refine(isTimeZone, "Choose a time zone from the list"),
    place: z.string().trim().max(200, "Keep the place under 200 characters").default(""),
    isVirtual: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    if (!v.isVirtual && !v.place) ctx.addIssue({ code: "custom", path: ["place"], message: "Enter a place, or mark the session as virtual" });
    if (!isTimeZone(v.timeZone)) return;
    const start = zonedLocalToInstant(v.startsAt, v.timeZone);
    const end = zonedLocalToInstant(v.endsAt, v.timeZone);
    if (!start) ctx.addIssue({ code: "custom", path: ["startsAt"], message: "Enter a valid date and time" });
    if (!end) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "Enter a valid date and time" });
    if (start && end && end.getTime() < start.getTime()) {
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: "The end cannot be before the start" });
    }
  });
export type SessionFieldsInput = z.input<typeof sessionFieldsSchema>;

export const createSessionSchema = z.intersection(z.object({ seriesId: id }), sessionFieldsSchema);
export type CreateSessionInput = z.input<typeof createSessionSchema>;

export const updateSessionSchema = z.intersection(
  z.object({ sessionId: id, version: positiveInt }),
  sessionFieldsSchema,
);
export type UpdateSessionInput = z.input<typeof updateSessionSchema>;

export const advanceSessionStatusSchema = z.object({
  sessionId: id,
  to: z.enum(SESSION_STATUSES, { message: "Choose a status" }),
  version: positiveInt,
});
export type AdvanceSessionStatusInput = z.input<typeof advanceSessionStatusSchema>;

/** Back one step: the server knows which from the current status; the version guards against a stale page. */
export const stepBackSessionStatusSchema = z.object({ sessionId: id, version: positiveInt });

/** "Now under discussion": an item of the session, or null to clear the mark. */
export const setCurrentItemSchema = z.object({ sessionId: id, itemId: id.nullable() });

/** The status a session may step back to (never to DRAFT: a published agenda stays published), or null. */
export function previousSessionStatus(status: (typeof SESSION_STATUSES)[number]): "AGENDA_PUBLISHED" | "IN_SESSION" | null {
  if (status === "IN_SESSION") return "AGENDA_PUBLISHED";
  if (status === "CONCLUDED") return "IN_SESSION";
  return null;
}

export { nextSessionStatus } from "@/lib/vocabulary";

/** The kinds of object the audit trail can be filtered by (AuditEvent.objectType). */
export const AUDIT_OBJECT_TYPES = ["Session", "AgendaItem", "PositionPaper", "Stance", "Comment", "Minutes", "Issue", "Series", "Membership", "Invitation", "Assessment", "JointText"] as const;
const auditDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date as YYYY-MM-DD");

export const auditListSchema = z.object({
  seriesId: id,
  // At most 18 digits: every such number fits in PostgreSQL's bigint.
  cursor: z.string().regex(/^\d{1,18}$/, "Invalid cursor").optional(),
  /** Only events by this person. */
  actorId: id.optional(),
  /** Only events about this kind of object. */
  objectType: z.enum(AUDIT_OBJECT_TYPES).optional(),
  /** Only events on or after this day, and on or before that one (UTC days, as the trail shows them). */
  from: auditDay.optional(),
  to: auditDay.optional(),
});

/** A series' sessions, newest first, a page at a time: a 200-session series never ships whole. */
export const SERIES_SESSIONS_PAGE_SIZE = 50;
export const seriesSessionsSchema = z.object({ seriesId: id, page: positiveInt.default(1) });
