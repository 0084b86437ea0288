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

/** "Set up an authenticator app": the person's name for it. */
export const FACTOR_LABEL_MAX = 60;
const factorLabel = z.string().trim().min(1, "Give it a name, e.g. Phone").max(FACTOR_LABEL_MAX, `At most ${FACTOR_LABEL_MAX} characters`);
export const startTotpSchema = z.object({ label: factorLabel.default("Authenticator app") });
export type StartTotpInput = z.infer<typeof startTotpSchema>;

/** A 6-digit code from the app; spaces are allowed ("123 456"). */
export const totpCodeField = z
  .string()
  .trim()
  .max(20)
  .refine((v) => /^\d{6}$/.test(v.replace(/[\s-]/g, "")), "Enter the 6-digit code from the app");

/** The code confirms the set-up; the name may be changed at the same time. */
export const confirmTotpSchema = z.object({ factorId: z.string().min(1).max(64), code: totpCodeField, label: factorLabel.optional() });
export type ConfirmTotpInput = z.infer<typeof confirmTotpSchema>;

/**
 * Removing a factor. Removing the last one needs the password and a current factor: a code from
 * the app, or a recovery code.
 */
export const removeFactorSchema = z.object({
  factorId: z.string().min(1).max(64),
  password: z.string().max(1024).optional(),
  code: z.string().trim().max(64).optional(),
});
export type RemoveFactorInput = z.infer<typeof removeFactorSchema>;
