import { registerPasskeySchema } from "@/lib/schemas/passkeys";
import { finishPasskeyRegistration, startPasskeyRegistration } from "@/server/services/account/passkeys";
import { router, stepUpProcedure } from "@/server/trpc/init";

/** Adding a passkey or security key to one's own account (WebAuthn registration, two calls). */
export const passkeysRouter = router({
  /**
   * The options for navigator.credentials.create(), with a single-use five-minute challenge. A change
   * of factors, so a step-up action: asked before the browser's dialog, not after it.
   */
  start: stepUpProcedure.mutation(({ ctx }) => startPasskeyRegistration(ctx.db, ctx.viewer, ctx.headers)),
  /** Checks the browser's answer and stores the key as a confirmed second factor. */
  finish: stepUpProcedure.input(registerPasskeySchema).mutation(({ ctx, input }) => finishPasskeyRegistration(ctx.db, ctx.viewer, input, ctx.headers)),
});
