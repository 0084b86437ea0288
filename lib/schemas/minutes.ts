import { z } from "zod";
import { id, positiveInt } from "@/lib/schemas/common";

export const MINUTES_MAX_LENGTH = 100_000;

/** The text of the minutes: Markdown, not blank, at most 100,000 characters. */
export const minutesBody = z
  .string({ message: "Enter the minutes" })
  .max(MINUTES_MAX_LENGTH, "Keep the minutes under 100,000 characters")
  .refine((s) => s.trim() !== "", "Enter the minutes before saving");

/** The version the editor started from: 0 before the first save. */
const version = z.number().int("Reload the minutes and try again").min(0, "Reload the minutes and try again");

export const minutesSessionSchema = z.object({ sessionId: id });

export const saveMinutesSchema = z.object({ sessionId: id, body: minutesBody, version });
export type SaveMinutesInput = z.output<typeof saveMinutesSchema>;

export const releaseMinutesSchema = z.object({ sessionId: id, version: version.min(1, "Save the minutes before releasing them") });
export type ReleaseMinutesInput = z.output<typeof releaseMinutesSchema>;

export const minutesRevisionSchema = z.object({ sessionId: id, number: positiveInt });
