import { confirmTotpSchema, removeFactorSchema, startTotpSchema } from "@/lib/schemas/account";
import { confirmTotpEnrolment, listFactors, regenerateRecoveryCodes, removeFactor, startTotpEnrolment } from "@/server/services/account/factors";
import { authedProcedure, router, stepUpProcedure } from "@/server/trpc/init";

/**
 * The person's own second factors (account page, "Second factor"). Changing them is a step-up action
 * (server/auth/step-up.ts): the session must have proved who it is within the last 15 minutes.
 */
export const factorsRouter = router({
  /** Confirmed factors with label, added, last used; recovery codes left. */
  list: authedProcedure.query(({ ctx }) => listFactors(ctx.db, ctx.viewer)),
  /** A new authenticator app: the otpauth URI for the QR code and the secret, until confirmed. */
  startTotp: stepUpProcedure.input(startTotpSchema).mutation(({ ctx, input }) => startTotpEnrolment(ctx.db, ctx.viewer, input.label)),
  /** Confirms the app with a code; the first factor answers ten recovery codes, shown once. */
  confirmTotp: stepUpProcedure.input(confirmTotpSchema).mutation(({ ctx, input }) => confirmTotpEnrolment(ctx.db, ctx.viewer, input.factorId, input.code, input.label)),
  /** Ten new recovery codes replace all earlier ones. */
  regenerateRecoveryCodes: stepUpProcedure.mutation(({ ctx }) => regenerateRecoveryCodes(ctx.db, ctx.viewer)),
  /** Removes a factor; the last one needs the password and a current factor. */
  remove: stepUpProcedure.input(removeFactorSchema).mutation(({ ctx, input }) => removeFactor(ctx.db, ctx.viewer, input)),
});
