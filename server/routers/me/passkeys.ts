import { registerPasskeySchema } from "@/lib/schemas/passkeys";
import { finishPasskeyRegistration, startPasskeyRegistration } from "@/server/services/account/passkeys";
import { authedProcedure, router } from "@/server/trpc/init";

/** Adding a passkey or security key to one's own account (WebAuthn registration, two calls). */
export const passkeysRouter = router({
  /** The options for navigator.credentials.create(), with a single-use five-minute challenge. */
  start: authedProcedure.mutation(({ ctx }) => startPasskeyRegistration(ctx.db, ctx.viewer, ctx.headers)),
  /** Checks the browser's answer and stores the key as a confirmed second factor. */
  finish: authedProcedure.input(registerPasskeySchema).mutation(({ ctx, input }) => finishPasskeyRegistration(ctx.db, ctx.viewer, input, ctx.headers)),
});
