import { z } from "zod";
import { givenPassword, newPassword } from "@/lib/schemas/common";
import { validTimeZone } from "@/lib/format";

export const changePasswordSchema = z
  .object({
    currentPassword: givenPassword.min(1, "Enter your current password"),
    newPassword,
    confirmPassword: givenPassword,
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    message: "The two new passwords differ",
    path: ["confirmPassword"],
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    message: "Choose a password different from the current one",
    path: ["newPassword"],
  });

export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

/** A person's time-zone preference: an IANA zone, or null to follow the browser. */
export const setTimeZoneSchema = z.object({
  timeZone: z
    .string()
    .max(64)
    .nullable()
    .refine((zone) => zone === null || validTimeZone(zone) !== null, "Choose a time zone from the list"),
});
export type SetTimeZoneInput = z.infer<typeof setTimeZoneSchema>;

/** One of the person's own sign-in sessions (account page, "Sign out" on its row). */
export const revokeSessionSchema = z.object({ sessionId: z.string().min(1).max(64) });
export type RevokeSessionInput = z.infer<typeof revokeSessionSchema>;
