import { z } from "zod";
import { email, givenPassword, id, newPassword, personName, positiveInt, idList } from "@/lib/schemas/common";

import { ASSIGNABLE_ROLES, INVITABLE_ROLES } from "@/lib/vocabulary";

export { ASSIGNABLE_ROLES, INVITABLE_ROLES };

const affiliation = z.string().trim().max(160, "Keep the affiliation under 160 characters");

export const createInvitationSchema = z
  .object({
    seriesId: id,
    email,
    role: z.enum(INVITABLE_ROLES, { message: "Choose a role" }),
    partyId: z.string().trim().max(64, "Not a valid id").optional().default(""),
    affiliation: affiliation.optional().default(""),
    expiresInDays: z.coerce
      .number({ message: "Enter a number of days" })
      .int("Use whole days")
      .min(1, "Between 1 and 30 days")
      .max(30, "Between 1 and 30 days")
      .default(7),
    agendaItemIds: idList.default([]),
  })
  .superRefine((v, ctx) => {
    if (v.role === "DELEGATE" && !v.partyId) ctx.addIssue({ code: "custom", path: ["partyId"], message: "Choose the party the delegate speaks for" });
    if (v.role === "SCHOLAR" && v.affiliation.length < 2) ctx.addIssue({ code: "custom", path: ["affiliation"], message: "Enter the scholar's affiliation" });
    if (v.role !== "SCHOLAR" && v.agendaItemIds.length > 0)
      ctx.addIssue({ code: "custom", path: ["agendaItemIds"], message: "Only scholars are invited to agenda items" });
  });
export type CreateInvitationInput = z.input<typeof createInvitationSchema>;

export const invitationIdSchema = z.object({ invitationId: id });
export const seriesIdSchema = z.object({ seriesId: id });
export const tokenSchema = z.object({ token: z.string().trim().min(1, "Required").max(200) });

/** The new-account form on the invitation page. */
export const acceptFormSchema = z
  .object({ name: personName, password: newPassword, confirmPassword: givenPassword })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "The passwords do not match" });
export type AcceptFormInput = z.input<typeof acceptFormSchema>;

export const acceptInvitationSchema = tokenSchema.extend({
  name: personName.optional(),
  password: newPassword.optional(),
});

export const changeRoleSchema = z
  .object({
    membershipId: id,
    role: z.enum(ASSIGNABLE_ROLES, { message: "Choose a role" }),
    partyId: z.string().trim().max(64, "Not a valid id").optional().default(""),
    affiliation: affiliation.optional().default(""),
    version: positiveInt,
  })
  .superRefine((v, ctx) => {
    if (v.role === "DELEGATE" && !v.partyId) ctx.addIssue({ code: "custom", path: ["partyId"], message: "Choose the party the delegate speaks for" });
  });
export type ChangeRoleInput = z.input<typeof changeRoleSchema>;

export const removeMemberSchema = z.object({ membershipId: id, version: positiveInt });

export type InvitationStatus = "pending" | "accepted" | "expired" | "revoked";
