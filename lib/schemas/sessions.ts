import { TZDate } from "@date-fns/tz";
import { z } from "zod";
import { SESSION_STATUSES, id, positiveInt } from "@/lib/schemas/common";

/** "2026-03-12T09:00": what a datetime-local input gives, read as a wall-clock time in the session's zone. */
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** True for an IANA zone name this runtime knows (and "UTC"). */
export function isTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The zones offered in the session form: UTC first, then every IANA zone the runtime knows. */
export function timeZoneOptions(): string[] {
  const all = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return ["UTC", ...all.filter((z) => z !== "UTC")];
}

/** The UTC instant of a wall-clock time in a zone ("2026-03-12T09:00" in Asia/Tokyo → 00:00Z). */
export function zonedLocalToInstant(local: string, timeZone: string): Date | null {
  const m = LOCAL_DATE_TIME.exec(local);
  if (!m || !isTimeZone(timeZone)) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const date = new TZDate(year, month - 1, day, hour, minute, timeZone);
  // 31 February and the like roll over: refuse them rather than guess.
  if (date.getDate() !== day || date.getMonth() !== month - 1) return null;
  return new Date(date.getTime());
}

/** The wall-clock time of an instant in a zone, in datetime-local form ("2026-03-12T09:00"). */
export function instantToZonedLocal(instant: Date, timeZone: string): string {
  const d = new TZDate(instant.getTime(), timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const localDateTime = z.string().trim().regex(LOCAL_DATE_TIME, "Enter a date and time");

/** The fields of the session form; start and end are wall-clock times in `timeZone`. */
export const sessionFieldsSchema = z
  .object({
    title: z.string().trim().min(3, "Enter a title of at least 3 characters").max(200, "Keep the title under 200 characters"),
    startsAt: localDateTime,
    endsAt: localDateTime,
    timeZone: z.string().trim().refine(isTimeZone, "Choose a time zone from the list"),
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

/** The status a session may step back to (never to DRAFT: a published agenda stays published), or null. */
export function previousSessionStatus(status: (typeof SESSION_STATUSES)[number]): "AGENDA_PUBLISHED" | "IN_SESSION" | null {
  if (status === "IN_SESSION") return "AGENDA_PUBLISHED";
  if (status === "CONCLUDED") return "IN_SESSION";
  return null;
}

/** The status a session moves to next, or null when it is concluded. */
export function nextSessionStatus(status: (typeof SESSION_STATUSES)[number]): (typeof SESSION_STATUSES)[number] | null {
  const i = SESSION_STATUSES.indexOf(status);
  return SESSION_STATUSES[i + 1] ?? null;
}

export const auditListSchema = z.object({
  seriesId: id,
  // At most 18 digits: every such number fits in PostgreSQL's bigint.
  cursor: z.string().regex(/^\d{1,18}$/, "Invalid cursor").optional(),
});

/** A series' sessions, newest first, a page at a time: a 200-session series never ships whole. */
export const SERIES_SESSIONS_PAGE_SIZE = 50;
export const seriesSessionsSchema = z.object({ seriesId: id, page: positiveInt.default(1) });
