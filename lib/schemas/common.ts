import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 12;

/** PostgreSQL's integer range: every version, number and position we store fits in it. */
export const INT32_MAX = 2_147_483_647;

/** A record id (cuid): short, printable; anything else is no id we issued. */
export const id = z.string().trim().min(1, "Required").max(64, "Not a valid id");

/** A version, revision number or page: a whole number from 1 to PostgreSQL's integer maximum. */
export const positiveInt = z.number().int().min(1, "Must be at least 1").max(INT32_MAX, "That number is out of range");

/** Lists of ids a form sends: never more than any session or series holds. */
export const idList = z.array(id).max(200, "Too many entries");

/** RFC 5321 caps an address at 254 characters. */
export const email = z.string().trim().toLowerCase().max(254, "Keep the email address under 254 characters").pipe(z.email("Enter a valid email address"));

/** A password being checked (not chosen): as long as any password we accept. */
export const givenPassword = z.string().max(200, "Use at most 200 characters");

export const newPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(200, "Use at most 200 characters");

export const personName = z.string().trim().min(2, "Enter a name of at least 2 characters").max(120, "Keep names under 120 characters");

export { ATTRIBUTION_RULES, MEMBER_ROLES, RELEASE_LEVELS, SESSION_STATUSES, TRACKS } from "@/lib/vocabulary";
export type { MemberRoleName, Track } from "@/lib/vocabulary";
