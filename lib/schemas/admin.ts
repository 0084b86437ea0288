import { z } from "zod";
import { ATTRIBUTION_RULES, TRACKS, email, id, newPassword, personName, positiveInt, idList } from "@/lib/schemas/common";

export const createUserSchema = z.object({
  email,
  name: personName,
  password: newPassword,
  affiliation: z.string().trim().max(160, "Keep the affiliation under 160 characters").optional().default(""),
  isAdmin: z.boolean().default(false),
});
export type CreateUserInput = z.input<typeof createUserSchema>;

export const adminUserSchema = z.object({ userId: id });
export const setUserActiveSchema = z.object({ userId: id, active: z.boolean() });

export const partyCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2,4}$/, "Use 2 to 4 letters, e.g. US, JP, KR");

export const createPartySchema = z.object({
  code: partyCode,
  name: z.string().trim().min(2, "Enter the party's name").max(120),
});
export type CreatePartyInput = z.input<typeof createPartySchema>;

export const updatePartySchema = createPartySchema.extend({ partyId: id, version: positiveInt });

export const shortName = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9-]{1,15}$/, "Use 2 to 16 letters, digits or dashes, e.g. EDD or TRI-15");

export const createSeriesSchema = z.object({
  name: z.string().trim().min(3, "Enter the series' name").max(160),
  shortName,
  description: z.string().trim().max(4000).default(""),
  track: z.enum(TRACKS, { message: "Choose a track" }),
  attribution: z.enum(ATTRIBUTION_RULES, { message: "Choose an attribution rule" }),
  partyIds: z
    .array(id)
    .min(2, "A series has two or three parties")
    .max(3, "A series has two or three parties")
    .refine((ids) => new Set(ids).size === ids.length, "Each party once"),
  convenorIds: idList.default([]),
});
export type CreateSeriesInput = z.input<typeof createSeriesSchema>;

export const appointConvenorSchema = z.object({ seriesId: id, userId: id });

export const updateSeriesSchema = createSeriesSchema.omit({ convenorIds: true }).extend({ seriesId: id, version: positiveInt });
export type UpdateSeriesInput = z.input<typeof updateSeriesSchema>;

/** The admin Security page's lists (server/services/admin/security.ts). */
export const SECURITY_LISTS = ["sign_ins", "sessions", "admin"] as const;
export const securityListSchema = z.object({
  list: z.enum(SECURITY_LISTS).default("sign_ins"),
  /** sign_ins: succeeded or failed only; sessions: live or ended only. */
  outcome: z.enum(["all", "succeeded", "failed", "live", "ended"]).default("all"),
  /** Part of an email address or a name. */
  q: z.string().trim().max(254, "Keep the search under 254 characters").default(""),
  page: positiveInt.default(1),
});
export type SecurityListInput = z.input<typeof securityListSchema>;
